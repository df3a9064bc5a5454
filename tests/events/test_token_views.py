"""Links people keep: cancel, decline, the calendar file and the invitation. They key on the
registration's (or invitation's) random token and keep working after the page is gone; GET never
changes anything; they are never cached and send no Referer to other sites."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Invitation, Registration
from events.registration import cancel_event
from outbox.models import Message
from tests.events.factories import (
    EventFactory,
    EventIndexPageFactory,
    EventPageFactory,
    RegistrationFactory,
    event_of,
)

pytestmark = pytest.mark.django_db


def url(name, token, language="en"):
    # English pages: the assertions read the English strings whatever the Chinese catalogue says.
    with translation.override(language):
        return reverse(f"events:{name}", args=[token])


@pytest.fixture
def index(home_zh):
    return EventIndexPageFactory(parent=home_zh)


@pytest.fixture
def page(index):
    return EventPageFactory(parent=index, capacity=1, title="急救技能讲座")


@pytest.fixture
def confirmed(page):
    return RegistrationFactory(event=event_of(page), email="lilei@example.org", language="en")


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def status_of(registration):
    registration.refresh_from_db()
    return registration.status


# Cancel


def test_opening_the_cancel_link_only_asks(client, confirmed):
    response = client.get(url("cancel", confirmed.cancel_token))

    assert response.status_code == 200
    assert response.context["stage"] == "open"
    assert '<form method="post"' in response.content.decode()
    assert status_of(confirmed) == Registration.Status.CONFIRMED


def test_pressing_the_button_cancels(client, confirmed, run_on_commit):
    with run_on_commit():
        response = client.post(url("cancel", confirmed.cancel_token))

    assert response.status_code == 200
    assert response.context["stage"] == "done"
    assert status_of(confirmed) == Registration.Status.CANCELLED
    assert Message.objects.filter(dedupe_key=f"events:cancelled:{confirmed.pk}").exists()


def test_a_cancellation_gives_the_place_to_the_first_person_waiting(client, page, confirmed, run_on_commit):
    waiting = RegistrationFactory(event=event_of(page), status="waitlisted")

    with run_on_commit():
        client.post(url("cancel", confirmed.cancel_token))

    assert status_of(waiting) == Registration.Status.CONFIRMED


def test_a_tampered_token_is_not_found(client, confirmed):
    tampered = confirmed.cancel_token[:-1] + ("A" if confirmed.cancel_token[-1] != "A" else "B")

    for name in ("cancel", "decline", "calendar"):
        assert client.get(url(name, tampered)).status_code == 404
    assert client.post(url("cancel", tampered)).status_code == 404
    assert status_of(confirmed) == Registration.Status.CONFIRMED


def test_a_reused_cancel_link_says_already_cancelled_and_changes_nothing(client, confirmed, run_on_commit):
    with run_on_commit():
        client.post(url("cancel", confirmed.cancel_token))
    confirmed.refresh_from_db()
    cancelled_at, messages = confirmed.cancelled_at, Message.objects.count()

    with run_on_commit():
        response = client.post(url("cancel", confirmed.cancel_token))

    assert response.context["stage"] == "already_cancelled"
    assert "already cancelled" in response.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.cancelled_at == cancelled_at
    assert Message.objects.count() == messages


def test_a_reused_cancel_link_does_not_touch_a_new_registration_of_the_same_address(
    client, page, confirmed, run_on_commit
):
    with run_on_commit():
        client.post(url("cancel", confirmed.cancel_token))
    again = RegistrationFactory(event=event_of(page), email="lilei@example.org")

    with run_on_commit():
        client.post(url("cancel", confirmed.cancel_token))

    assert status_of(again) == Registration.Status.CONFIRMED


def test_the_cancel_link_works_after_the_page_is_unpublished(client, page, confirmed, run_on_commit):
    page.unpublish()

    with run_on_commit():
        response = client.post(url("cancel", confirmed.cancel_token))

    assert response.status_code == 200
    assert status_of(confirmed) == Registration.Status.CANCELLED


def test_the_cancel_link_works_after_the_page_is_deleted(client, run_on_commit):
    event = EventFactory()  # an Event whose page is gone
    registration = RegistrationFactory(event=event)

    with run_on_commit():
        response = client.post(url("cancel", registration.cancel_token))

    assert response.status_code == 200
    assert status_of(registration) == Registration.Status.CANCELLED


def test_an_event_that_has_started_can_no_longer_be_cancelled(client):
    registration = RegistrationFactory(
        event=EventFactory(starts_at=timezone.now() - datetime.timedelta(minutes=5))
    )

    response = client.post(url("cancel", registration.cancel_token))

    assert response.context["stage"] == "started"
    assert status_of(registration) == Registration.Status.CONFIRMED


def test_the_cancel_page_of_a_cancelled_event_says_so(client, page, confirmed):
    cancel_event(event_of(page))

    response = client.post(url("cancel", confirmed.cancel_token))

    assert response.context["stage"] == "event_cancelled"
    assert status_of(confirmed) == Registration.Status.CONFIRMED


def test_a_signed_in_person_can_cancel_from_my_events(client, confirmed, make_user, run_on_commit):
    user = make_user(email="lilei@example.org")
    Registration.objects.filter(pk=confirmed.pk).update(user=user)
    client.force_login(user)

    with translation.override("en"):
        my_events = client.get(reverse("events:my_events")).content.decode()
    assert url("cancel", confirmed.cancel_token) in my_events
    with run_on_commit():
        client.post(url("cancel", confirmed.cancel_token))

    assert status_of(confirmed) == Registration.Status.CANCELLED


# Decline


def test_declining_a_promotion_asks_then_offers_the_place_to_the_next(client, page, run_on_commit):
    promoted = RegistrationFactory(event=event_of(page), promoted_at=timezone.now())
    waiting = RegistrationFactory(event=event_of(page), status="waitlisted")

    shown = client.get(url("decline", promoted.cancel_token))
    assert shown.context["stage"] == "open"
    assert status_of(promoted) == Registration.Status.CONFIRMED
    with run_on_commit():
        response = client.post(url("decline", promoted.cancel_token))

    assert response.context["stage"] == "done"
    assert status_of(promoted) == Registration.Status.CANCELLED
    assert status_of(waiting) == Registration.Status.CONFIRMED


def test_a_reused_decline_link_changes_nothing(client, page, run_on_commit):
    promoted = RegistrationFactory(event=event_of(page), promoted_at=timezone.now())
    with run_on_commit():
        client.post(url("decline", promoted.cancel_token))
    waiting = RegistrationFactory(event=event_of(page), status="waitlisted")

    with run_on_commit():
        response = client.post(url("decline", promoted.cancel_token))

    assert response.context["stage"] == "already_cancelled"
    assert status_of(waiting) == Registration.Status.WAITLISTED


# Calendar file


def test_the_calendar_file_downloads_with_the_events_time(client, confirmed):
    response = client.get(url("calendar", confirmed.cancel_token))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.ics"')
    calendar = icalendar.Calendar.from_ical(response.content)
    vevent = calendar.walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == confirmed.event.starts_at
    assert str(vevent["status"]) == "CONFIRMED"


def test_the_calendar_file_of_a_cancelled_registration_withdraws_the_entry(client, confirmed, run_on_commit):
    with run_on_commit():
        client.post(url("cancel", confirmed.cancel_token))

    calendar = icalendar.Calendar.from_ical(client.get(url("calendar", confirmed.cancel_token)).content)

    assert str(calendar["method"]) == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["status"]) == "CANCELLED"


def test_the_calendar_file_works_after_the_page_is_deleted(client):
    registration = RegistrationFactory(event=EventFactory(title="已删除页面的活动"))

    response = client.get(url("calendar", registration.cancel_token))

    assert response.status_code == 200
    assert "已删除页面的活动" in response.content.decode()


# Invitation


def test_an_invitation_link_remembers_the_invitation_and_opens_the_registration_form(client, index):
    private = EventPageFactory(parent=index, is_private=True)
    invitation = Invitation.objects.create(event=event_of(private), email="hr@example.com")

    response = client.get(url("invitation", invitation.token, language="zh-hans"))

    assert response.status_code == 302
    assert response["Location"] == private.url + "register/"
    assert client.session["event_invitations"] == [invitation.token]


def test_an_invitation_link_opens_the_page_in_the_readers_language(client, index):
    from tests.events.factories import translate

    private = EventPageFactory(parent=index, is_private=True)
    english = translate(private, "en")
    invitation = Invitation.objects.create(event=event_of(private), email="hr@example.com")

    response = client.get(url("invitation", invitation.token, language="en"))

    assert response["Location"] == english.url + "register/"


def test_an_unknown_invitation_is_not_found(client):
    response = client.get(url("invitation", "not-a-real-token"))

    assert response.status_code == 404
    assert "event_invitations" not in client.session


def test_an_invitation_to_an_event_without_a_live_page_says_it_is_no_longer_available(client):
    invitation = Invitation.objects.create(event=EventFactory(is_private=True), email="hr@example.com")

    response = client.get(url("invitation", invitation.token))

    assert response.status_code == 404
    assert "no longer available" in response.content.decode()


# Headers


@pytest.mark.parametrize("name", ["cancel", "decline", "calendar"])
def test_token_pages_are_never_cached_and_send_no_referer_elsewhere(client, confirmed, name):
    response = client.get(url(name, confirmed.cancel_token))

    assert response["Referrer-Policy"] == "same-origin"
    # Never kept by a browser or a proxy (the page cache says private, no-store on personal pages).
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_the_cancel_form_posts_with_a_csrf_token(confirmed):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    shown = client.get(url("cancel", confirmed.cancel_token))
    token = shown.context["csrf_token"]

    refused = client.post(url("cancel", confirmed.cancel_token))
    accepted = client.post(url("cancel", confirmed.cancel_token), {"csrfmiddlewaretoken": str(token)})

    assert refused.status_code == 403
    assert accepted.status_code == 200
