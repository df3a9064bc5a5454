"""The waitlist: positions, automatic promotion exactly once, declining, the cut-off before the start,
cancelling twice, and the office cancelling the whole event."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from events import registration as registrations
from events.models import Registration
from outbox.models import Message
from tests.emails import send_queued
from tests.events import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_zh):
    return factories.EventIndexPageFactory(parent=home_zh)


@pytest.fixture
def page(index):
    return factories.EventPageFactory(parent=index, capacity=2, title="应急技能讲座")


@pytest.fixture
def event(page):
    return factories.event_of(page)


def register(event, email, language="zh-hans"):
    return registrations.register(
        event, name=email.split("@")[0], email=email, language=language
    ).registration


def full_with_waitlist(event, waiting=2):
    """Two confirmed (a, b) and `waiting` people on the waitlist (w1, w2, ...)."""
    confirmed = [register(event, "a@example.org"), register(event, "b@example.org")]
    waitlisted = [register(event, f"w{n}@example.org") for n in range(1, waiting + 1)]
    return confirmed, waitlisted


def status_of(registration):
    registration.refresh_from_db()
    return registration.status


def keys_to(email):
    return [
        key.split(":")[1]
        for key in Message.objects.filter(recipient=email).order_by("pk").values_list("dedupe_key", flat=True)
    ]


def move_start(page, starts):
    page.starts_at, page.ends_at = starts, starts + datetime.timedelta(hours=2)
    page.save_revision().publish()


def test_a_full_event_puts_the_next_registration_on_the_waitlist(event):
    full_with_waitlist(event, waiting=0)
    result = registrations.register(event, name="王芳", email="wang@example.org", language="zh-hans")
    assert result.outcome == "waitlisted"
    assert result.registration.status == Registration.Status.WAITLISTED


def test_waitlist_positions_follow_the_order_of_registration(event):
    _confirmed, (first, second) = full_with_waitlist(event)
    assert registrations.waitlist_position(first) == 1
    assert registrations.waitlist_position(second) == 2


def test_a_confirmed_registration_has_no_waitlist_position(event):
    (confirmed, _other), _waiting = full_with_waitlist(event)
    assert registrations.waitlist_position(confirmed) is None


def test_the_waitlist_email_tells_the_position(event):
    full_with_waitlist(event)
    send_queued()
    message = Message.objects.get(recipient="w2@example.org")
    assert message.dedupe_key.startswith("events:waitlisted:")
    assert "2" in message.body_text
    # A tentative calendar entry (tests/events/test_registration_outcome.py), no QR code: no place held.
    assert [item["filename"] for item in message.attachments] == ["event.ics"]


def test_cancelling_a_confirmed_place_promotes_the_first_person_waiting(event):
    (a, _b), (first, second) = full_with_waitlist(event)
    promoted = registrations.cancel(a)
    assert promoted == first
    assert status_of(first) == Registration.Status.CONFIRMED
    assert first.promoted_at is not None
    assert status_of(second) == Registration.Status.WAITLISTED
    assert registrations.waitlist_position(second) == 1


def test_a_promotion_is_emailed_once_with_a_decline_link_and_the_calendar_file(event):
    (a, b), (first, _second) = full_with_waitlist(event)
    registrations.cancel(a)
    registrations.cancel(a)
    send_queued()
    message = Message.objects.get(recipient="w1@example.org", dedupe_key__startswith="events:promoted:")
    assert f"/events/registrations/{first.cancel_token}/decline/" in message.body_text
    assert [item["filename"] for item in message.attachments][0] == "event.ics"
    assert keys_to("w1@example.org") == ["waitlisted", "promoted"]


def test_cancelling_twice_promotes_only_once(event):
    (a, _b), (_first, second) = full_with_waitlist(event)
    registrations.cancel(a)
    assert registrations.cancel(a) is None
    assert status_of(second) == Registration.Status.WAITLISTED
    assert Registration.objects.filter(event=event, status="confirmed").count() == 2


def test_a_reused_cancel_token_changes_nothing_the_second_time(event):
    (a, _b), _waiting = full_with_waitlist(event)
    registrations.cancel(Registration.objects.get(cancel_token=a.cancel_token))
    cancelled_at = Registration.objects.get(pk=a.pk).cancelled_at
    registrations.cancel(Registration.objects.get(cancel_token=a.cancel_token))
    assert Registration.objects.get(pk=a.pk).cancelled_at == cancelled_at
    assert keys_to("a@example.org") == ["confirmed", "cancelled"]


def test_the_cancellation_email_withdraws_the_calendar_entry(event):
    (a, _b), _waiting = full_with_waitlist(event, waiting=0)
    registrations.cancel(a)
    send_queued()
    message = Message.objects.get(recipient="a@example.org", dedupe_key__startswith="events:cancelled:")
    (ics,) = message.attachments
    import base64

    calendar = icalendar.Calendar.from_ical(base64.b64decode(ics["content_base64"]))
    assert calendar.get("method") == "CANCEL"
    assert calendar.walk("VEVENT")[0].get("status") == "CANCELLED"


def test_leaving_the_waitlist_promotes_no_one_and_moves_the_others_up(event):
    _confirmed, (first, second) = full_with_waitlist(event)
    assert registrations.cancel(first) is None
    assert registrations.waitlist_position(second) == 1
    assert Registration.objects.filter(event=event, status="confirmed").count() == 2


def test_declining_a_promotion_promotes_the_next(event):
    (a, _b), (first, second) = full_with_waitlist(event)
    registrations.cancel(a)
    promoted = registrations.decline(Registration.objects.get(pk=first.pk))
    assert promoted == second
    assert status_of(first) == Registration.Status.CANCELLED
    assert status_of(second) == Registration.Status.CONFIRMED
    assert Message.objects.filter(
        recipient="w2@example.org", dedupe_key__startswith="events:promoted:"
    ).exists()


def test_no_promotion_inside_the_cut_off_before_the_start(page, event, settings):
    settings.EVENTS_PROMOTION_CUTOFF_HOURS = 2
    (a, _b), (first, _second) = full_with_waitlist(event)
    move_start(page, timezone.now() + datetime.timedelta(hours=1, minutes=30))
    event.refresh_from_db()
    assert registrations.cancel(Registration.objects.get(pk=a.pk)) is None
    assert status_of(first) == Registration.Status.WAITLISTED
    assert keys_to("w1@example.org") == ["waitlisted"]


def test_the_cut_off_follows_the_setting(page, event, settings):
    settings.EVENTS_PROMOTION_CUTOFF_HOURS = 1
    (a, _b), (first, _second) = full_with_waitlist(event)
    move_start(page, timezone.now() + datetime.timedelta(hours=1, minutes=30))
    assert registrations.cancel(Registration.objects.get(pk=a.pk)) == first


def test_inside_the_cut_off_a_full_event_takes_no_more_registrations(page, event):
    full_with_waitlist(event, waiting=1)
    move_start(page, timezone.now() + datetime.timedelta(hours=1))
    event.refresh_from_db()
    with pytest.raises(registrations.RegistrationClosed) as closed:
        register(event, "late@example.org")
    assert closed.value.reason == "closed"
    assert registrations.registration_state(event).reason == "closed"


def test_inside_the_cut_off_a_freed_place_goes_to_whoever_registers_next(page, event):
    (a, _b), (first, _second) = full_with_waitlist(event)
    move_start(page, timezone.now() + datetime.timedelta(hours=1))
    event.refresh_from_db()
    registrations.cancel(Registration.objects.get(pk=a.pk))
    result = registrations.register(event, name="到场", email="here@example.org", language="zh-hans")
    assert result.outcome == "confirmed"
    assert status_of(first) == Registration.Status.WAITLISTED


def test_a_newcomer_never_jumps_the_queue_when_places_are_added(page, event):
    _confirmed, (first, second) = full_with_waitlist(event)
    page.capacity = 3
    page.save_revision().publish()
    event.refresh_from_db()
    result = registrations.register(event, name="新人", email="new@example.org", language="zh-hans")
    assert status_of(first) == Registration.Status.CONFIRMED
    assert result.outcome == "waitlisted"
    assert registrations.waitlist_position(result.registration) == 2
    assert status_of(second) == Registration.Status.WAITLISTED


def test_promote_waitlisted_fills_places_added_by_the_office(page, event):
    _confirmed, (first, second) = full_with_waitlist(event)
    page.capacity = 4
    page.save_revision().publish()
    event.refresh_from_db()
    assert registrations.promote_waitlisted(event) == [first, second]
    assert Registration.objects.filter(event=event, status="confirmed").count() == 4


# The office cancels the event


def test_cancelling_the_event_tells_everyone_confirmed_or_waiting_with_a_cancelling_calendar_entry(event):
    (a, b), (first, _second) = full_with_waitlist(event)
    registrations.cancel(b)  # promotes first
    registrations.cancel_event(event)
    told = Message.objects.filter(dedupe_key__startswith="events:event-cancelled:")
    assert sorted(told.values_list("recipient", flat=True)) == [
        "a@example.org",
        "w1@example.org",
        "w2@example.org",
    ]
    import base64

    ics = told.get(recipient="a@example.org").attachments[0]
    calendar = icalendar.Calendar.from_ical(base64.b64decode(ics["content_base64"]))
    assert calendar.get("method") == "CANCEL"
    assert calendar.walk("VEVENT")[0].get("sequence") == 1


def test_cancelling_the_event_twice_emails_once(event):
    full_with_waitlist(event, waiting=0)
    registrations.cancel_event(event)
    registrations.cancel_event(event)
    assert Message.objects.filter(dedupe_key__startswith="events:event-cancelled:").count() == 2
    event.refresh_from_db()
    assert event.sequence == 1
    assert event.cancelled_at is not None


def test_a_cancelled_event_promotes_no_one(event):
    (a, _b), (first, _second) = full_with_waitlist(event)
    registrations.cancel_event(event)
    assert registrations.cancel(Registration.objects.get(pk=a.pk)) is None
    assert status_of(first) == Registration.Status.WAITLISTED


def test_publishing_a_higher_capacity_promotes_the_people_waiting(
    page, event, django_capture_on_commit_callbacks
):
    _confirmed, (first, second) = full_with_waitlist(event)
    page.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert status_of(first) == Registration.Status.CONFIRMED
    assert status_of(second) == Registration.Status.WAITLISTED
    assert Message.objects.filter(
        recipient="w1@example.org", dedupe_key__startswith="events:promoted:"
    ).exists()
