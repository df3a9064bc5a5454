"""What the event index shows: upcoming or past public events, filtered by type, audience and district.

"Upcoming" means "has not ended yet", compared as moments (aware datetimes), never as dates: an event
that ends at 23:30 Beijing time is past at 00:10 the next morning in Beijing, whatever the server's
clock says. Invitation-only events are never listed. The queries are the same for 3 or 3,000 events:
the tab counts, the district options, the page of events (with places and cancellation annotated)
and their audiences.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.listing import filter_links, page_number
from home.models import Audience
from home.visibility import public

from .districts import ORDER, district_name, find_district
from .models.records import Event, EventType, Registration

PAGE_SIZE = 12
FILTERS = ("type", "audience", "district")
PAST = "past"


def listed_events(index, request):
    """Live, public, not invitation-only event pages of one index."""
    return public(index.event_pages(), request)


def with_places(pages):
    """Annotate each page with its confirmed registrations (`confirmed_count`, every language counted
    together) and when its shared Event was cancelled (`cancelled_at`, or None): one query in all."""
    confirmed = (
        Registration.objects.filter(
            event__translation_key=OuterRef("translation_key"), status=Registration.Status.CONFIRMED
        )
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    cancelled = Event.objects.filter(translation_key=OuterRef("translation_key")).values("cancelled_at")[:1]
    return pages.annotate(
        confirmed_count=Coalesce(Subquery(confirmed, output_field=IntegerField()), 0),
        cancelled_at=Subquery(cancelled),
    )


@dataclass
class EventCard:
    """What a list shows about one event page."""

    page: object  # an EventPage
    audiences: list
    now: datetime
    cancelled_at: datetime | None = None
    confirmed_count: int = 0

    @property
    def type_label(self):
        return EventType(self.page.event_type).label if self.page.event_type in EventType.values else ""

    @property
    def cancelled(self):
        return self.cancelled_at is not None

    @property
    def happening_now(self):
        return self.page.starts_at <= self.now < self.page.ends_at

    @property
    def is_past(self):
        return self.page.ends_at <= self.now

    @property
    def places_left(self):
        """Places still free, or None when there is no limit."""
        if self.page.capacity is None:
            return None
        return max(self.page.capacity - self.confirmed_count, 0)

    @property
    def full(self):
        return self.places_left == 0


def event_index_context(index, request, now=None):
    now = now or timezone.now()
    params = {key: request.GET.get(key, "").strip()[:100] for key in FILTERS}
    params["when"] = PAST if request.GET.get("when") == PAST else ""
    notices = []
    pages = listed_events(index, request)

    stored = set(
        pages.exclude(district="").order_by("district").values_list("district", flat=True).distinct()
    )
    districts = sorted(stored, key=lambda value: (ORDER.get(value, len(ORDER)), value))

    event_type = params["type"] if params["type"] in EventType.values else None
    if params["type"] and event_type is None:
        notices.append(_("That type of event does not exist: showing every type."))
        params["type"] = ""
    if event_type is not None:
        pages = pages.filter(event_type=event_type)

    audience = params["audience"] if params["audience"] in Audience.Kind.values else None
    if params["audience"] and audience is None:
        notices.append(_("That audience does not exist: showing events for everyone."))
        params["audience"] = ""
    if audience is not None:
        pages = pages.filter(audiences__slug=audience)  # one audience: at most one row per page

    # A link from before districts had values names it in words ("东城区"): it still filters.
    district = params["district"] if params["district"] in stored else find_district(params["district"])
    if district not in stored:
        district = None
    if params["district"] and district is None:
        notices.append(_("No event is listed in that district: showing every district."))
    params["district"] = district or ""
    if district is not None:
        pages = pages.filter(district=district)

    counts = pages.aggregate(
        upcoming=Count("pk", filter=Q(ends_at__gt=now)), past=Count("pk", filter=Q(ends_at__lte=now))
    )
    showing_past = params["when"] == PAST
    if showing_past:
        shown = pages.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    else:
        shown = pages.filter(ends_at__gt=now).order_by("starts_at", "pk")
    shown = with_places(shown.defer("body", "speakers")).prefetch_related("audiences")

    paginator = Paginator(shown, PAGE_SIZE)
    paginator.count = counts["past" if showing_past else "upcoming"]  # counted above already
    page_obj = paginator.page(page_number(request, paginator, notices))
    cards = [
        EventCard(page, list(page.audiences.all()), now, page.cancelled_at, page.confirmed_count)
        for page in page_obj.object_list
    ]

    feed_url = request.build_absolute_uri(reverse("events:feed"))
    return {
        "cards": cards,
        "page_obj": page_obj,
        "notices": notices,
        "showing_past": showing_past,
        "filtered": any(params[key] for key in FILTERS),
        "upcoming_count": counts["upcoming"],
        "past_count": counts["past"],
        "when_links": _when_links(params, counts),
        "type_links": filter_links("type", EventType.choices, event_type, params),
        "audience_links": filter_links("audience", Audience.Kind.choices, audience, params),
        "district_links": filter_links(
            "district", [(d, district_name(d)) for d in districts], district, params
        )
        if districts
        else [],
        "page_query": urlencode({key: params[key] for key in (*FILTERS, "when") if params[key]}),
        "feed_url": feed_url,
        "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
    }


def _when_links(params, counts):
    base = {key: value for key, value in params.items() if key != "when" and value}
    return [
        {
            "label": _("Upcoming (%(count)s)") % {"count": counts["upcoming"]},
            "url": "?" + urlencode(base),
            "current": params["when"] != PAST,
        },
        {
            "label": _("Past (%(count)s)") % {"count": counts["past"]},
            "url": "?" + urlencode(base | {"when": PAST}),
            "current": params["when"] == PAST,
        },
    ]
