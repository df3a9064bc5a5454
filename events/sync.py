"""The shared `Event` behind every language copy of an event page, kept in step with the live page."""

from django.conf import settings
from django.db import IntegrityError, transaction

from .models.records import Event

# What a registrant's calendar entry shows: a change to any of these raises the calendar SEQUENCE.
CALENDAR_FIELDS = ("starts_at", "ends_at", "venue", "address")
MIRRORED_FIELDS = (
    "event_type",
    "starts_at",
    "ends_at",
    "venue",
    "address",
    "online_url",
    "capacity",
    "is_private",
    "registration_required",
    "registration_opens_at",
    "registration_closes_at",
)
# Translated words: the snapshot keeps them in the site's first language, so publishing a translation
# is never mistaken for a change of place.
TRANSLATED_FIELDS = ("title", "venue", "address")


def _facts(page):
    return {name: getattr(page, name) for name in MIRRORED_FIELDS} | {
        "title": page.title[:255],
        "has_live_page": page.live,
    }


def speaks_for_event(page):
    """Whether this copy's words (title, venue, address) are the Event's: the site's first language,
    or any language while no live copy in the first language exists."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return True
    first_language = page.get_translations().live().filter(locale__language_code=settings.LANGUAGE_CODE)
    return not first_language.exists()


def event_for(page, events=None):
    """The Event of an event page in any language, created from the page the first time. `events`: the
    queryset to read it from (annotated: `availability.counted(Event.objects)`), else the table."""
    events = Event.objects.all() if events is None else events
    event = events.filter(translation_key=page.translation_key).first()
    if event is not None:
        return event
    try:
        with transaction.atomic():
            Event.objects.create(translation_key=page.translation_key, **_facts(page))
    except IntegrityError:  # created at the same moment by another request
        pass
    return events.get(translation_key=page.translation_key)


def sync_event(page):
    """Mirror a just-published page into its Event. Returns (event, calendar_changed).

    Times and capacity are synchronised between languages by wagtail-localize, so any live copy
    carries them; the words (title, venue, address) come from the copy in the site's first language
    when there is one. A change of time or place raises the calendar SEQUENCE so calendar apps update.
    """
    with transaction.atomic():
        event = Event.objects.select_for_update().filter(translation_key=page.translation_key).first()
        if event is None:
            return event_for(page), False
        facts = _facts(page)
        if not speaks_for_event(page):
            facts = {name: value for name, value in facts.items() if name not in TRANSLATED_FIELDS}
        calendar_changed = any(
            name in facts and getattr(event, name) != facts[name] for name in CALENDAR_FIELDS
        )
        for name, value in facts.items():
            setattr(event, name, value)
        if calendar_changed:
            event.sequence += 1
        event.save()
    return event, calendar_changed


def page_left(page):
    """A copy of the page was unpublished or deleted: the Event takes registrations only while some
    copy is still live."""
    still_live = page.get_translations(inclusive=True).live().exists()
    Event.objects.filter(translation_key=page.translation_key).update(has_live_page=still_live)
