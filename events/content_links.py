"""The next event on an article's or case's topics, under it, through the ``content_page_links`` hook.

The live, public, not cancelled events of a language that had not ended, with their topics, are read
in two queries and cached under the site version (a publish or a cancellation renews it); each request
keeps those that have not started yet, so an event leaves content pages by itself when it begins.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.sections import Section
from home.site_cache import cached_per_language

from .models import EventPage
from .sections import EventEntry, event_entry, unended_event_pages

CONTENT_EVENT_ORDER = 30  # after the destination of a case (10) and a quiz (20)


@dataclass(frozen=True)
class EventOnTopics:
    """An event and the translation keys of its topics: small enough to cache, no page object."""

    entry: EventEntry
    topic_keys: frozenset


def unended_events_with_topics(request, language_code):
    """Events of a language that had not ended, soonest first, with their topics (cached)."""

    def build(language_code):
        pages = list(unended_event_pages(request, language_code))
        topics = {}
        rows = EventPage.topics.through.objects.filter(eventpage_id__in=[page.pk for page in pages])
        for page_id, key in rows.values_list("eventpage_id", "topic__translation_key"):
            topics.setdefault(page_id, set()).add(key)
        return [
            EventOnTopics(entry=event_entry(page, request), topic_keys=frozenset(topics[page.pk]))
            for page in pages
            if page.pk in topics
        ]

    return cached_per_language("events-unended-with-topics", request, build, language_code)


def next_event_on(events, topic_keys, at):
    """The soonest event that has not started and shares a topic."""
    return next(
        (
            event.entry
            for event in events
            if event.entry.starts_at > at and event.topic_keys & topic_keys and event.entry.url
        ),
        None,
    )


def content_page_links(request, subject):
    """The next upcoming event on the content page's topics, in its language; nothing when none."""
    if not subject.topic_keys:
        return None
    events = unended_events_with_topics(request, subject.language_code)
    event = next_event_on(events, subject.topic_keys, timezone.now())
    if event is None:
        return None
    return Section(
        order=CONTENT_EVENT_ORDER,
        title=_("Come to an event"),
        template_name="events/includes/content_event.html",
        context={"event": event},
    )
