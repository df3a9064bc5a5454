"""What the event's emails and calendar files say about it, in one reader's language.

The words (title, summary, venue, address) come from its live page in that language, else from the
source language, else from the snapshot the shared `Event` keeps after its page is gone; times and
the joining link always come from the `Event`.
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils import timezone

from home import reader_language
from home.links import page_absolute_url
from home.reader_language import copy_for_reader


@dataclass(frozen=True)
class EventDetails:
    """The event as one language describes it."""

    title: str
    summary: str
    starts_at: object
    ends_at: object
    venue: str
    address: str
    map_url: str
    online_url: str
    page_url: str
    cancelled: bool

    @property
    def location(self):
        return ", ".join(part for part in (self.venue, self.address) if part)

    @property
    def same_day(self):
        zone = timezone.get_default_timezone()
        return self.starts_at.astimezone(zone).date() == self.ends_at.astimezone(zone).date()


def live_copies(event):
    """The event's live pages in every language (one query).

    The page model is looked up by name: it hands its requests to views that send these emails, so
    importing it here would close a circle (pages -> page views -> registration -> emails -> pages)."""
    return reader_language.live_copies(apps.get_model("events", "EventPage"), event.translation_key)


def event_details(event, language, copies=None):
    """What the emails and calendar files of `event` say in `language`. `copies`: from live_copies."""
    page = copy_for_reader(live_copies(event) if copies is None else copies, language)
    return EventDetails(
        title=page.title if page else event.title,
        summary=page.summary if page else "",
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        venue=page.venue if page else event.venue,
        address=page.address if page else event.address,
        map_url=page.map_url if page else "",
        online_url=event.online_url,
        page_url=page_absolute_url(page) if page else "",
        cancelled=event.cancelled_at is not None,
    )


class DetailsByLanguage:
    """Event details per language for many emails about one event: the pages are read once."""

    def __init__(self, event):
        self.event = event
        self.copies = live_copies(event)
        self.cache = {}

    def __call__(self, language):
        if language not in self.cache:
            self.cache[language] = event_details(self.event, language, self.copies)
        return self.cache[language]
