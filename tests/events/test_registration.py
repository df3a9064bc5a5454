"""Registering for an event (events.registration.register): outcomes, one live registration per
address, both languages sharing one capacity, when registration is closed, invitation-only events,
the confirmation email and what happens when the mail server is down."""

import base64
import datetime
from io import StringIO

import icalendar
import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone

from events import registration as registrations
from events.models import Invitation, Registration
from outbox.models import Message
from tests.emails import send_queued
from tests.events import factories

pytestmark = pytest.mark.django_db

FAILING_BACKEND = "tests.outbox.failing_backend.FailingBackend"
LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def index(home_zh):
    return factories.EventIndexPageFactory(parent=home_zh)


@pytest.fixture
def page(index):
    return factories.EventPageFactory(parent=index, capacity=2, title="海外安全讲座")


@pytest.fixture
def event(page):
    return factories.event_of(page)


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def register(event, email="lilei@example.org", name="李雷", language="zh-hans", **kwargs):
    return registrations.register(event, name=name, email=email, language=language, **kwargs)


def messages_to(email):
    return Message.objects.filter(recipient__iexact=email).order_by("pk")


def sent_to(email):
    """The emails to `email`, written and sent as the worker sends them."""
    send_queued()
    return messages_to(email)


def keys_to(email):
    return [message.dedupe_key.split(":")[1] for message in messages_to(email)]


def update_page(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


# Outcomes


def test_a_registration_with_places_free_is_confirmed(event):
    result = register(event)
    assert result.outcome == "confirmed"
    assert result.registration.status == Registration.Status.CONFIRMED
    assert result.registration.event == event


def test_the_confirmation_email_carries_the_calendar_file_and_the_check_in_qr_code(
    event, mailoutbox, run_on_commit
):
    with run_on_commit():
        result = register(event)
    (email,) = mailoutbox
    assert email.to == ["lilei@example.org"]
    assert "海外安全讲座" in email.subject
    names = [attachment[0] for attachment in email.attachments]
    assert names == ["event.ics", f"check-in-{result.registration.check_in_code}.png"]
    ics, png = email.attachments
    assert ics[2] == "text/calendar"
    assert icalendar.Calendar.from_ical(ics[1]).get("method") == "REQUEST"
    assert png[1].startswith(b"\x89PNG")
    assert result.registration.check_in_code in email.body


def test_the_confirmation_email_has_the_registrants_own_cancel_and_calendar_links(event):
    result = register(event)
    body = sent_to("lilei@example.org").get().body_text
    token = result.registration.cancel_token
    assert f"https://portal.example.org/zh-hans/events/registrations/{token}/cancel/" in body
    assert f"https://portal.example.org/zh-hans/events/registrations/{token}/event.ics" in body


def test_the_confirmation_email_is_in_the_registrants_language(page, event):
    factories.translate(page, "en", title="Overseas safety lecture", summary="A lecture.")
    register(event, email="ann@example.org", name="Ann", language="en")
    message = sent_to("ann@example.org").get()
    assert message.language == "en"
    assert "Overseas safety lecture" in message.subject
    assert "/en/events/registrations/" in message.body_text


def test_an_online_events_joining_link_is_in_the_confirmation_but_not_in_the_waitlist_email(index):
    page = factories.EventPageFactory(
        parent=index, capacity=1, event_type="online", online_url="https://meeting.example.cn/j/42"
    )
    event = factories.event_of(page)
    register(event, email="first@example.org")
    register(event, email="second@example.org")
    assert "https://meeting.example.cn/j/42" in sent_to("first@example.org").get().body_text
    assert "https://meeting.example.cn/j/42" not in sent_to("second@example.org").get().body_text


def test_a_signed_in_persons_registration_is_linked_to_them_and_mentions_my_events(event, make_user):
    user = make_user(email="lilei@example.org")
    result = register(event, user=user)
    assert result.registration.user == user
    assert "/zh-hans/my/events/" in sent_to("lilei@example.org").get().body_text


# One live registration per address


def test_the_same_address_in_another_letter_case_is_already_registered(event):
    first = register(event, email="lilei@example.org")
    again = register(event, email="LiLei@Example.ORG", name="Someone else", phone="123")
    assert again.outcome == "already_registered"
    assert again.registration == first.registration
    assert Registration.objects.filter(event=event).count() == 1
    first.registration.refresh_from_db()
    assert first.registration.name == "李雷"
    assert first.registration.phone == ""


def test_registering_again_emails_already_registered_with_the_own_links(event, mailoutbox, run_on_commit):
    first = register(event, email="lilei@example.org")
    with run_on_commit():
        register(event, email="LILEI@example.org")
    assert keys_to("lilei@example.org") == ["confirmed", "already-registered"]
    email = mailoutbox[-1]
    assert email.to == ["lilei@example.org"]
    assert "already registered" in email.subject.lower() or "已报名" in email.subject
    assert first.registration.cancel_token in email.body


def test_registering_again_within_the_hour_sends_one_already_registered_email(event):
    register(event)
    register(event)
    register(event)
    assert keys_to("lilei@example.org") == ["confirmed", "already-registered"]


def test_someone_on_the_waitlist_registering_again_is_told_their_position(event):
    register(event, email="a@example.org")
    register(event, email="b@example.org")
    register(event, email="c@example.org")
    again = register(event, email="C@example.org")
    assert again.outcome == "already_registered"
    assert again.registration.status == Registration.Status.WAITLISTED
    assert "1" in sent_to("c@example.org").last().body_text


def test_someone_who_cancelled_may_register_again(event):
    first = register(event)
    registrations.cancel(first.registration)
    again = register(event)
    assert again.outcome == "confirmed"
    assert again.registration != first.registration
    first.registration.refresh_from_db()
    assert first.registration.status == Registration.Status.CANCELLED


# One capacity for both languages


def test_registrations_in_both_languages_share_one_capacity(page):
    english = factories.translate(page, "en", title="Overseas safety lecture")
    chinese_event = factories.event_of(page)
    english_event = factories.event_of(english)
    assert register(chinese_event, email="zh@example.org").outcome == "confirmed"
    assert register(english_event, email="en@example.org", language="en").outcome == "confirmed"
    third = register(english_event, email="late@example.org", language="en")
    assert third.outcome == "waitlisted"
    assert Registration.objects.filter(event=chinese_event, status="confirmed").count() == 2


def test_an_event_without_a_capacity_confirms_everyone(index):
    event = factories.event_of(factories.EventPageFactory(parent=index, capacity=None))
    outcomes = {register(event, email=f"p{n}@example.org").outcome for n in range(5)}
    assert outcomes == {"confirmed"}


# When registration is closed


def test_registration_after_its_closing_time_is_refused(index):
    starts = timezone.now() + datetime.timedelta(days=2)
    page = factories.EventPageFactory(
        parent=index, starts_at=starts, registration_closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with pytest.raises(registrations.RegistrationClosed) as closed:
        register(factories.event_of(page))
    assert closed.value.reason == "closed"
    assert not Registration.objects.exists()


def test_registration_before_its_opening_time_is_refused(index):
    page = factories.EventPageFactory(
        parent=index, registration_opens_at=timezone.now() + datetime.timedelta(hours=1)
    )
    with pytest.raises(registrations.RegistrationClosed) as closed:
        register(factories.event_of(page))
    assert closed.value.reason == "not_open_yet"


def test_registration_closes_at_the_start(index):
    page = factories.EventPageFactory(parent=index, starts_at=timezone.now() - datetime.timedelta(minutes=5))
    with pytest.raises(registrations.RegistrationClosed) as closed:
        register(factories.event_of(page))
    assert closed.value.reason == "started"


def test_an_event_without_registration_takes_none(index):
    page = factories.EventPageFactory(parent=index, registration_required=False)
    with pytest.raises(registrations.RegistrationClosed) as closed:
        register(factories.event_of(page))
    assert closed.value.reason == "not_needed"


def test_a_cancelled_event_takes_no_registrations(event):
    registrations.cancel_event(event)
    with pytest.raises(registrations.RegistrationClosed) as closed:
        register(event)
    assert closed.value.reason == "cancelled"


def test_an_unpublished_events_registration_is_closed(page, event):
    page.unpublish()
    with pytest.raises(registrations.RegistrationClosed) as closed:
        register(event)
    assert closed.value.reason == "closed"


def test_registration_state_is_open_with_places_left(event):
    register(event)
    state = registrations.registration_state(event)
    assert state == registrations.RegistrationState(
        is_open=True, reason=None, places_left=1, waitlist_length=0
    )


def test_registration_state_counts_the_waitlist(event):
    for n in range(4):
        register(event, email=f"p{n}@example.org")
    state = registrations.registration_state(event)
    assert state.places_left == 0
    assert state.waitlist_length == 2
    assert state.is_open


def test_registration_state_at_a_given_time_reports_why_it_is_closed(page, event):
    update_page(page, registration_closes_at=page.starts_at - datetime.timedelta(hours=1))
    assert (
        registrations.registration_state(event, at=page.starts_at - datetime.timedelta(minutes=30)).reason
        == "closed"
    )
    assert registrations.registration_state(event, at=page.starts_at).reason == "started"


def test_registration_state_takes_two_queries(event, django_assert_max_num_queries):
    register(event)
    with django_assert_max_num_queries(2):
        registrations.registration_state(event)


# Invitation-only events


@pytest.fixture
def private_event(index):
    return factories.event_of(factories.EventPageFactory(parent=index, is_private=True, capacity=5))


def test_a_private_event_refuses_someone_without_an_invitation(private_event):
    with pytest.raises(registrations.InvitationRequired):
        register(private_event)
    assert not Registration.objects.exists()


def test_a_private_event_refuses_an_invitation_for_another_address(private_event):
    invitation = Invitation.objects.create(event=private_event, email="invited@example.org")
    with pytest.raises(registrations.InvitationRequired):
        register(private_event, email="stranger@example.org", invitation=invitation)


def test_a_private_event_takes_the_invited_address_in_any_letter_case(private_event):
    invitation = Invitation.objects.create(event=private_event, email="Invited@example.org")
    result = register(private_event, email="invited@EXAMPLE.org", invitation=invitation)
    assert result.outcome == "confirmed"
    assert result.registration.invitation == invitation


def test_staff_may_register_anyone_for_a_private_event(private_event, make_user):
    officer = make_user(email="officer@example.org")
    officer.user_permissions.add(Permission.objects.get(codename="manage_registrations"))
    result = register(private_event, email="guest@example.org", user=officer)
    assert result.outcome == "confirmed"


# The email is written when it is sent


def test_a_registration_queues_one_email_that_the_worker_writes_in_the_registrants_language(
    page, event, mailoutbox
):
    factories.translate(page, "en", title="Overseas safety lecture", summary="A lecture.")
    result = register(event, email="ann@example.org", name="Ann", language="en")
    (queued,) = messages_to("ann@example.org")
    assert (queued.subject, queued.body_text, queued.attachments) == ("", "", [])  # nothing rendered yet

    send_queued()

    (message,) = messages_to("ann@example.org")
    assert message.status == Message.Status.SENT
    assert message.subject == "Registration confirmed: Overseas safety lecture"
    assert result.registration.check_in_code in message.body_text
    assert [item["filename"] for item in message.attachments] == [
        "event.ics",
        f"check-in-{result.registration.check_in_code}.png",
    ]
    (email,) = mailoutbox
    assert email.subject == message.subject
    assert email.extra_headers["Content-Language"] == "en"


def test_a_waitlist_email_written_after_a_promotion_still_says_what_happened_then(event):
    first = register(event, email="a@example.org")
    register(event, email="b@example.org")
    register(event, email="c@example.org")  # waiting, first in line
    registrations.cancel(first.registration)  # c is promoted before the worker sends anything

    send_queued()

    waitlisted = messages_to("c@example.org").get(dedupe_key__startswith="events:waitlisted:")
    assert "候补" in waitlisted.subject
    assert "1" in waitlisted.body_text  # the position when it was queued
    (ics,) = waitlisted.attachments
    vevent = icalendar.Calendar.from_ical(base64.b64decode(ics["content_base64"])).walk("VEVENT")[0]
    assert vevent.get("status") == "TENTATIVE"
    promoted = messages_to("c@example.org").get(dedupe_key__startswith="events:promoted:")
    assert promoted.status == Message.Status.SENT


def test_an_email_whose_registration_is_gone_is_withdrawn_unsent(event, mailoutbox):
    result = register(event)
    Registration.objects.filter(pk=result.registration.pk).delete()

    send_queued()

    assert messages_to("lilei@example.org").get().status == Message.Status.CANCELLED
    assert mailoutbox == []


# The mail server is down


def test_a_failing_mail_server_keeps_the_registration_and_the_email_goes_later(
    event, settings, run_on_commit
):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    with run_on_commit():
        result = register(event)
    assert Registration.objects.get() == result.registration
    message = messages_to("lilei@example.org").get()
    assert message.status == Message.Status.PENDING
    assert message.tries == 1

    from django.core import mail

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    call_command("send_outbox", "--now", stdout=StringIO())
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    (email,) = mail.outbox
    assert [attachment[0] for attachment in email.attachments][0] == "event.ics"


def test_a_registration_is_never_stored_without_its_email(event, monkeypatch):
    """The email is queued in the registration's own transaction: when queueing it fails, the
    registration is not stored either (and a retry registers afresh)."""

    def broken(*args, **kwargs):
        raise RuntimeError("the outbox could not store the message")

    monkeypatch.setattr(registrations.notifications, "send_confirmation", broken)
    with pytest.raises(RuntimeError):
        registrations.register(event, name="李雷", email="lilei@example.org", language="zh-hans")
    assert not Registration.objects.filter(email="lilei@example.org").exists()
    monkeypatch.undo()
    result = registrations.register(event, name="李雷", email="lilei@example.org", language="zh-hans")
    assert result.outcome == registrations.Outcome.CONFIRMED
    assert messages_to("lilei@example.org").count() == 1
