"""Builders for the events room in tests: index and event pages (in both languages), registrations."""

import datetime
import itertools

from django.utils import timezone
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage, EventType
from events.sync import event_for

_numbers = itertools.count(1)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def event_index(home, slug="events-test", title="活动"):
    return publish(home, EventIndexPage(title=title, slug=slug, intro="近期活动"))


def event_page(index, starts=None, hours=2, capacity=None, title=None, **fields):
    """A published event page, by default tomorrow 14:00–16:00 Beijing time, registration needed."""
    if starts is None:
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        starts = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(14, 0)))
    number = next(_numbers)
    defaults = {
        "title": title or f"领事保护讲座 {number}",
        "slug": f"event-{number}",
        "event_type": EventType.LECTURE,
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=hours),
        "venue": "社区活动中心",
        "address": "北京市东城区示例路 1 号",
        "district": "东城区",
        "capacity": capacity,
        "summary": "海外安全与领事保护知识讲座。",
    }
    return publish(index, EventPage(**(defaults | fields)))


def translate(page, language_code="en", **fields):
    """A live copy of the page in another language (its parent is translated too)."""
    locale = Locale.objects.get(language_code=language_code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def event_of(page):
    return event_for(page)


def bare_event(starts=None, hours=2, **fields):
    """An `Event` without a page (as after the page was deleted), tomorrow 14:00 Beijing by default."""
    import uuid

    from events.models import Event

    if starts is None:
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        starts = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(14, 0)))
    number = next(_numbers)
    defaults = {
        "translation_key": uuid.uuid4(),
        "title": f"应急技能讲座 {number}",
        "event_type": EventType.LECTURE,
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=hours),
        "venue": "社区活动中心",
    }
    return Event.objects.create(**(defaults | fields))


def registration_for(event, status="confirmed", **fields):
    """A registration row written directly (no emails, no capacity check)."""
    from events.models import Registration

    number = next(_numbers)
    defaults = {
        "name": f"报名者 {number}",
        "email": f"registrant{number}@example.org",
        "language": "zh-hans",
        "status": status,
    }
    return Registration.objects.create(event=event, **(defaults | fields))
