"""Capacity under concurrency (PostgreSQL: real concurrent connections, row locks).

SQLite serialises writers, so these tests only mean something on PostgreSQL.
"""

import itertools

import pytest

from events import registration as registrations
from events.models import Registration
from outbox.models import Message
from tests.concurrency import CONCURRENT, at_once
from tests.events import factories

pytestmark = [*CONCURRENT, pytest.mark.engine]

CAPACITY = 10


@pytest.fixture
def event(home_zh):
    index = factories.EventIndexPageFactory(parent=home_zh)
    return factories.event_of(factories.EventPageFactory(parent=index, capacity=CAPACITY, title="热门讲座"))


def registrar(event, prefix):
    numbers = itertools.count(1)

    def register():
        # next() on a shared counter is atomic in CPython: every thread gets its own address.
        email = f"{prefix}{next(numbers)}@example.org"
        return registrations.register(event, name=email, email=email, language="zh-hans")

    return register


def in_order_of_arrival(event):
    return list(Registration.objects.filter(event=event).order_by("created_at", "pk"))


def test_fifty_registrations_at_once_for_ten_places_confirm_exactly_ten_in_order(event):
    results = at_once(registrar(event, "p"), 50)

    assert sorted(result.outcome for result in results).count("confirmed") == CAPACITY
    arrivals = in_order_of_arrival(event)
    assert len(arrivals) == 50
    assert [registration.status for registration in arrivals] == ["confirmed"] * 10 + ["waitlisted"] * 40
    # Arrival order by time and by id agree, and the waitlist follows it.
    assert [registration.pk for registration in arrivals] == sorted(
        registration.pk for registration in arrivals
    )
    waiting = arrivals[CAPACITY:]
    assert [registrations.waitlist_position(registration) for registration in waiting] == list(range(1, 41))
    assert Message.objects.filter(dedupe_key__startswith="events:confirmed:").count() == CAPACITY
    assert Message.objects.filter(dedupe_key__startswith="events:waitlisted:").count() == 40


def test_the_same_address_twenty_times_at_once_registers_once(event):
    results = at_once(
        lambda: registrations.register(event, name="李雷", email="LiLei@example.org", language="zh-hans"), 20
    )
    outcomes = sorted(result.outcome for result in results)
    assert outcomes == ["already_registered"] * 19 + ["confirmed"]
    assert Registration.objects.filter(event=event).count() == 1


def test_cancellations_and_registrations_at_once_never_exceed_the_capacity(event):
    register = registrar(event, "first")
    confirmed = [register().registration for _ in range(CAPACITY)]
    waiting = [register().registration for _ in range(10)]
    assert all(registration.status == "waitlisted" for registration in waiting)

    to_cancel = iter(confirmed)
    newcomers = registrar(event, "new")
    actions = itertools.cycle(["cancel", "register", "register"])

    def cancel_or_register():
        if next(actions) == "cancel":
            return registrations.cancel(next(to_cancel))
        return newcomers()

    at_once(cancel_or_register, 30)

    live = Registration.objects.filter(event=event)
    assert live.filter(status="confirmed").count() <= CAPACITY
    # Each of the 10 cancellations promoted exactly one person waiting: the event is full again.
    assert live.filter(status="confirmed").count() == CAPACITY
    assert live.filter(status="cancelled").count() == 10
    assert live.filter(promoted_at__isnull=False).count() == 10
    promoted_messages = Message.objects.filter(dedupe_key__startswith="events:promoted:")
    assert promoted_messages.count() == 10


def test_cancelling_one_place_twice_at_once_promotes_one_person(event):
    register = registrar(event, "p")
    first = [register().registration for _ in range(CAPACITY)][0]
    waiting = [register().registration for _ in range(3)]

    results = at_once(lambda: registrations.cancel(Registration.objects.get(pk=first.pk)), 10)

    assert [result for result in results if result is not None] == [waiting[0]]
    assert Registration.objects.filter(event=event, status="confirmed").count() == CAPACITY
    assert Registration.objects.filter(event=event, status="waitlisted").count() == 2
