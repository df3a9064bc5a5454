"""Factories for the events room in tests: index and event pages, events without a page, registrations.

``EventPageFactory(parent=index)`` is a published event page, by default tomorrow 14:00–16:00 Beijing
time with registration needed; publishing it writes its shared ``Event`` (``event_of(page)``).
``translate(page)`` (from tests.factories) makes its live English copy.
"""

import datetime
import uuid

import factory
from django.utils import timezone

from events.models import Event, EventIndexPage, EventPage, EventType, Registration
from events.sync import event_for
from tests.factories import PublishedPageFactory, publish, translate

__all__ = [
    "EventFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "RegistrationFactory",
    "event_of",
    "publish",
    "translate",
    "tomorrow_at_two",
]


def tomorrow_at_two():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(14, 0)))


class EventIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = EventIndexPage

    title = "活动"
    slug = "events-test"
    intro = "近期活动"


class EventPageFactory(PublishedPageFactory):
    """``hours`` long from ``starts_at``; pass ``ends_at`` to set the end yourself."""

    class Meta:
        model = EventPage

    class Params:
        hours = 2

    title = factory.Sequence(lambda n: f"领事保护讲座 {n + 1}")
    slug = factory.Sequence(lambda n: f"event-{n + 1}")
    event_type = EventType.LECTURE
    starts_at = factory.LazyFunction(tomorrow_at_two)
    ends_at = factory.LazyAttribute(lambda page: page.starts_at + datetime.timedelta(hours=page.hours))
    venue = "社区活动中心"
    address = "北京市东城区示例路 1 号"
    district = "dongcheng"
    capacity = None
    summary = "海外安全与领事保护知识讲座。"


def event_of(page):
    """The shared `Event` a published event page wrote."""
    return event_for(page)


class EventFactory(factory.django.DjangoModelFactory):
    """An `Event` without a page (as after the page was deleted), tomorrow 14:00 Beijing by default."""

    class Meta:
        model = Event

    class Params:
        hours = 2

    translation_key = factory.LazyFunction(uuid.uuid4)
    title = factory.Sequence(lambda n: f"应急技能讲座 {n + 1}")
    event_type = EventType.LECTURE
    starts_at = factory.LazyFunction(tomorrow_at_two)
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=event.hours))
    venue = "社区活动中心"


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration row written directly (no emails, no capacity check); confirmed by default."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"报名者 {n + 1}")
    email = factory.Sequence(lambda n: f"registrant{n + 1}@example.org")
    language = "zh-hans"
    status = Registration.Status.CONFIRMED
