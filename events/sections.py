"""The home page's section of upcoming events, added through the ``home_page_sections`` hook.

The live, public events of a language that had not ended are read in one query and cached under the
site version (every publish bumps it), then filtered by the current time at each request: an event
that ends leaves the home page by itself, with no editor action and no query.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.sections import HomeOrder, Section
from home.page_cache import expires_at
from home.site_cache import cached_per_language
from home.visibility import public

from .models import Event, EventPage, EventType

HOME_EVENTS_COUNT = 3
HOME_EVENTS_ORDER = HomeOrder.UPCOMING_EVENTS
CACHED_COUNT = 20  # enough that events ending between two publishes leave others to show


@dataclass(frozen=True)
class EventEntry:
    """What the home page shows about one event: small enough to cache, no page object."""

    pk: int
    title: str
    url: str
    event_type: str
    starts_at: datetime
    ends_at: datetime
    venue: str
    district: str

    @property
    def type_label(self):
        return EventType(self.event_type).label if self.event_type in EventType.values else ""

    def has_ended(self, at):
        return self.ends_at <= at


def unended_event_pages(request, language_code):
    """Live, public, not cancelled event pages of a language that have not ended, soonest first, with
    only the fields an EventEntry needs."""
    cancelled = Event.objects.filter(translation_key=OuterRef("translation_key"), cancelled_at__isnull=False)
    return (
        public(EventPage.objects.live(), request)
        .filter(locale__language_code=language_code, is_private=False, ends_at__gt=timezone.now())
        .exclude(Exists(cancelled))
        .only(
            "id",
            "title",
            "url_path",
            "path",
            "depth",
            "event_type",
            "starts_at",
            "ends_at",
            "venue",
            "district",
        )
        .order_by("starts_at", "pk")
    )


def event_entry(page, request):
    return EventEntry(
        pk=page.pk,
        title=page.title,
        url=page.get_url(request) or "",
        event_type=page.event_type,
        starts_at=page.starts_at,
        ends_at=page.ends_at,
        venue=page.venue,
        district=page.district,
    )


def unended_events(request, language_code=None):
    """Live, public, not cancelled events of a language that had not ended, soonest first (cached)."""

    def build(language_code):
        return [
            event_entry(page, request) for page in unended_event_pages(request, language_code)[:CACHED_COUNT]
        ]

    return cached_per_language("events-unended", request, build, language_code)


def upcoming_events(request, language_code=None, at=None):
    at = at or timezone.now()
    upcoming = [entry for entry in unended_events(request, language_code) if not entry.has_ended(at)]
    # A cached page showing these ends when the first of them does (home/page_cache.py).
    expires_at(min((entry.ends_at for entry in upcoming), default=None))
    return upcoming


def home_page_sections(request):
    """The next few upcoming events in the reader's language; nothing when there are none."""
    events = upcoming_events(request)
    if not events:
        return None
    # An event sits directly in its index: the index's URL is the event's without the slug.
    url = events[0].url
    return Section(
        order=HOME_EVENTS_ORDER,
        title=_("Upcoming events"),
        template_name="events/includes/home_events.html",
        context={
            "events": events[:HOME_EVENTS_COUNT],
            "event_index_url": url[: url.rstrip("/").rfind("/") + 1],
        },
    )
