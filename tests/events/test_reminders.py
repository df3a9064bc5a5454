"""The day-before reminder: send_event_reminders."""

import datetime
import zoneinfo
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from events import registration as registrations
from events.management.commands.send_event_reminders import tomorrow
from events.models import Registration
from outbox.models import Message
from tests.events import factories

pytestmark = pytest.mark.django_db

BEIJING = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture
def index(home_zh):
    return factories.EventIndexPageFactory(parent=home_zh)


def remind(*args):
    out = StringIO()
    call_command("send_event_reminders", *args, stdout=out)
    return out.getvalue().strip()


def reminders():
    return Message.objects.filter(dedupe_key__startswith="events:reminder:")


def register(event, email):
    return registrations.register(event, name="李雷", email=email, language="zh-hans").registration


def event_tomorrow(index, hour=9, **fields):
    day = timezone.localdate() + datetime.timedelta(days=1)
    starts = datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=BEIJING)
    return factories.event_of(factories.EventPageFactory(parent=index, starts_at=starts, **fields))


def test_confirmed_registrants_of_tomorrows_events_are_reminded(index):
    event = event_tomorrow(index)
    registration = register(event, "a@example.org")
    assert remind().startswith("reminded 1 ")
    message = reminders().get()
    assert message.recipient == "a@example.org"
    assert registration.check_in_code in message.body_text
    registration.refresh_from_db()
    assert registration.reminded_at is not None


def test_the_reminder_carries_the_check_in_qr_code(index):
    event = event_tomorrow(index)
    registration = register(event, "a@example.org")
    remind()
    assert [item["filename"] for item in reminders().get().attachments] == [
        f"check-in-{registration.check_in_code}.png"
    ]


def test_nobody_is_reminded_twice(index):
    event = event_tomorrow(index)
    register(event, "a@example.org")
    remind()
    assert remind().startswith("reminded 0 ")
    assert reminders().count() == 1


def test_a_registration_marked_reminded_is_skipped_even_without_its_email(index):
    event = event_tomorrow(index)
    registration = register(event, "a@example.org")
    Registration.objects.filter(pk=registration.pk).update(reminded_at=timezone.now())
    remind()
    assert not reminders().exists()


def test_someone_promoted_after_a_run_is_reminded_by_the_next_run(index):
    event = event_tomorrow(index, capacity=1)
    first = register(event, "a@example.org")
    register(event, "b@example.org")
    remind()
    registrations.cancel(first)
    remind()
    assert sorted(reminders().values_list("recipient", flat=True)) == ["a@example.org", "b@example.org"]


def test_waitlisted_and_cancelled_registrations_are_not_reminded(index):
    event = event_tomorrow(index, capacity=1)
    registrations.cancel(register(event, "gone@example.org"))
    register(event, "a@example.org")
    register(event, "waiting@example.org")
    remind()
    assert list(reminders().values_list("recipient", flat=True)) == ["a@example.org"]


def test_events_on_other_days_and_cancelled_events_are_not_reminded(index):
    # Later today in Beijing, whatever the hour the test runs (now + 3 h is tomorrow after 21:00).
    late_today = timezone.localtime().replace(hour=23, minute=59, second=0, microsecond=0)
    today = factories.event_of(factories.EventPageFactory(parent=index, starts_at=late_today))
    later = factories.event_of(
        factories.EventPageFactory(parent=index, starts_at=timezone.now() + datetime.timedelta(days=3))
    )
    cancelled = event_tomorrow(index)
    register(today, "today@example.org")
    register(later, "later@example.org")
    register(cancelled, "cancelled@example.org")
    registrations.cancel_event(cancelled)
    remind()
    assert not reminders().exists()


def test_an_event_late_tomorrow_evening_is_reminded(index):
    event = event_tomorrow(index, hour=23)
    register(event, "a@example.org")
    remind()
    assert reminders().count() == 1


def test_tomorrow_is_the_next_day_in_beijing_with_the_server_clock_in_utc():
    # 17:30 UTC on 1 December is 01:30 on 2 December in Beijing: tomorrow is 3 December.
    now = datetime.datetime(2026, 12, 1, 17, 30, tzinfo=datetime.UTC)
    assert tomorrow(now) == datetime.date(2026, 12, 3)


def test_a_date_can_be_given(index):
    starts = datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=5), datetime.time(10, 0), tzinfo=BEIJING
    )
    event = factories.event_of(factories.EventPageFactory(parent=index, starts_at=starts))
    register(event, "a@example.org")
    remind("--date", starts.date().isoformat())
    assert reminders().count() == 1


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError):
        remind("--date", "tomorrow")
