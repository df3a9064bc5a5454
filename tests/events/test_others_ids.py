"""Someone else's token, code or event id: the same answer a missing one gets (404, or the admin's
refusal) and nothing changed in the database.

The links people keep (cancel, decline, calendar file, invitation) are bearer links: whoever holds the
random token may use it, so "someone else's" here is a token of another kind (the check-in code that
staff and screens see, an invitation token) or another registration's, and a token that works must
touch its own registration only. Complements test_token_views.py (a tampered token), test_check_in.py
(another event's code on the list), test_register_views.py (an invitation to another event),
test_event_admin.py (who may use the staff screens) and test_my_events.py (one's own rows only).
"""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Event, Invitation, Registration, WalkIn
from outbox.models import Message
from tests.accounts.factories import staff_user
from tests.events.factories import (
    EventFactory,
    EventIndexPageFactory,
    EventPageFactory,
    RegistrationFactory,
    event_of,
)

pytestmark = pytest.mark.django_db


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def row_of(registration):
    """Everything a request could change about a registration, read again from the database."""
    fresh = Registration.objects.get(pk=registration.pk)
    return {
        "event_id": fresh.event_id,
        "status": fresh.status,
        "user_id": fresh.user_id,
        "email": fresh.email,
        "cancelled_at": fresh.cancelled_at,
        "promoted_at": fresh.promoted_at,
        "checked_in_at": fresh.checked_in_at,
        "checked_in_by_id": fresh.checked_in_by_id,
        "cancel_token": fresh.cancel_token,
        "check_in_code": fresh.check_in_code,
    }


def event_row(event):
    fresh = Event.objects.get(pk=event.pk)
    return {"cancelled_at": fresh.cancelled_at, "sequence": fresh.sequence}


def refused(response):
    """Wagtail answers PermissionDenied in its admin with a redirect to the dashboard (or a 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def event(db):
    return EventFactory(capacity=2, title="护照与签证讲座")


@pytest.fixture
def other_event(db):
    return EventFactory(capacity=2, title="别的活动")


@pytest.fixture
def theirs(event):
    """Someone else's confirmed registration."""
    return RegistrationFactory(event=event, name="王小明", email="wang@example.org")


@pytest.fixture
def officer(db):
    return staff_user(group="Officers")


@pytest.fixture
def editor(db):
    return staff_user(group="Editors")


# --- the links people keep: cancel, decline, calendar file, invitation ------------------------------


@pytest.mark.parametrize("name", ["events:cancel", "events:decline", "events:calendar"])
def test_a_registrations_check_in_code_does_not_open_its_cancel_decline_or_calendar_link(
    client, theirs, name, run_on_commit
):
    """The check-in code is seen by staff at the door and on screens: it is not the person's token."""
    before = row_of(theirs)

    with run_on_commit():
        shown = client.get(url(name, theirs.check_in_code))
        posted = client.post(url(name, theirs.check_in_code))

    assert (shown.status_code, posted.status_code) == (404, 404)
    assert row_of(theirs) == before
    assert not Message.objects.exists()


@pytest.mark.parametrize("name", ["events:cancel", "events:decline", "events:calendar"])
def test_an_invitation_token_is_not_a_registration_link(client, event, theirs, name, run_on_commit):
    invitation = Invitation.objects.create(event=event, email=theirs.email)
    before = row_of(theirs)

    with run_on_commit():
        shown = client.get(url(name, invitation.token))
        posted = client.post(url(name, invitation.token))

    assert (shown.status_code, posted.status_code) == (404, 404)
    assert row_of(theirs) == before


def test_a_registrations_cancel_token_is_not_an_invitation(client, theirs):
    response = client.get(url("events:invitation", theirs.cancel_token))

    assert response.status_code == 404
    assert "event_invitations" not in client.session
    assert not Invitation.objects.exists()


def test_a_registration_link_answers_as_a_missing_one_does_for_any_other_kind_of_token(client, event, theirs):
    invitation = Invitation.objects.create(event=event, email="hr@example.org")
    missing = client.get(url("events:cancel", "no-such-token"))

    for token in (theirs.check_in_code, invitation.token):
        response = client.get(url("events:cancel", token))
        assert response.status_code == missing.status_code == 404
        assert response.content.decode().replace(token, "no-such-token") == missing.content.decode()


def test_cancelling_with_one_registrations_link_leaves_the_same_persons_other_registrations_alone(
    client, event, other_event, run_on_commit
):
    here = RegistrationFactory(event=event, email="lilei@example.org")
    elsewhere = RegistrationFactory(event=other_event, email="lilei@example.org")
    someone_else_here = RegistrationFactory(event=event, email="hanmeimei@example.org")
    untouched = [row_of(elsewhere), row_of(someone_else_here)]

    with run_on_commit():
        response = client.post(url("events:cancel", here.cancel_token))

    assert response.status_code == 200
    assert row_of(here)["status"] == Registration.Status.CANCELLED
    assert [row_of(elsewhere), row_of(someone_else_here)] == untouched


def test_declining_with_one_registrations_link_promotes_no_one_at_another_event(
    client, event, other_event, run_on_commit
):
    promoted = RegistrationFactory(event=event, promoted_at=timezone.now())
    waiting_elsewhere = RegistrationFactory(event=other_event, status="waitlisted")
    RegistrationFactory(event=other_event)
    RegistrationFactory(event=other_event)  # the other event is full: someone waits there
    before = row_of(waiting_elsewhere)

    with run_on_commit():
        client.post(url("events:decline", promoted.cancel_token))

    assert row_of(promoted)["status"] == Registration.Status.CANCELLED
    assert row_of(waiting_elsewhere) == before


def test_a_signed_in_person_opening_someone_elses_cancel_link_does_not_make_it_theirs(
    client, make_user, theirs, run_on_commit
):
    """The link is the registrant's: using it while signed in links nothing to the account."""
    stranger = make_user(email="stranger@example.org")
    client.force_login(stranger)

    client.get(url("events:cancel", theirs.cancel_token))
    client.get(url("events:calendar", theirs.cancel_token))

    assert row_of(theirs)["user_id"] is None
    with translation.override("en"):
        my_events = client.get(reverse("events:my_events"))
    assert "王小明" not in my_events.content.decode()
    assert theirs.cancel_token not in my_events.content.decode()


def test_registering_for_a_private_event_with_an_invitation_to_another_event_is_404_and_registers_nobody(
    client, home_zh, run_on_commit
):
    index = EventIndexPageFactory(parent=home_zh)
    invited_to = EventPageFactory(parent=index, is_private=True, title="受邀活动")
    private = EventPageFactory(parent=index, is_private=True, title="另一场内部活动")
    invitation = Invitation.objects.create(event=event_of(invited_to), email="guest@example.com")
    client.get(url("events:invitation", invitation.token, language="zh-hans"))

    with run_on_commit():
        response = client.post(
            private.url + "register/", {"name": "李雷", "email": "guest@example.com"}, REMOTE_ADDR="10.0.0.9"
        )

    assert response.status_code == 404
    assert not Registration.objects.exists()
    assert not Message.objects.exists()


# --- check-in at the door: a code, an event id ---------------------------------------------------------


def test_check_in_list_refuses_another_events_code_in_any_spelling_and_checks_no_one_in(
    client, officer, event, other_event, theirs
):
    stranger = RegistrationFactory(event=other_event, name="别的活动的人")
    before = [row_of(stranger), row_of(theirs)]
    walk_ins = WalkIn.objects.count()
    client.force_login(officer)

    for code in (stranger.check_in_code, f"  {stranger.check_in_code.lower()} "):
        response = client.post(url("events:event_check_in", event.pk), {"action": "check_in", "code": code})
        assert response.status_code == 404

    assert [row_of(stranger), row_of(theirs)] == before
    assert WalkIn.objects.count() == walk_ins


def test_check_in_list_refuses_a_cancel_token_or_an_invitation_token_as_a_code(
    client, officer, event, theirs
):
    invitation = Invitation.objects.create(event=event, email="hr@example.org")
    before = row_of(theirs)
    client.force_login(officer)

    for code in (theirs.cancel_token, invitation.token, str(theirs.pk)):
        response = client.post(url("events:event_check_in", event.pk), {"action": "check_in", "code": code})
        assert response.status_code == 404
        assert client.get(url("events:check_in", code)).status_code == 404
        assert client.post(url("events:check_in", code)).status_code == 404

    assert row_of(theirs) == before


def test_check_in_list_of_a_missing_event_with_a_real_code_is_404_and_checks_no_one_in(
    client, officer, theirs
):
    before = row_of(theirs)
    client.force_login(officer)

    response = client.post(
        url("events:event_check_in", 999999), {"action": "check_in", "code": theirs.check_in_code}
    )

    assert response.status_code == 404
    assert row_of(theirs) == before


def test_check_in_list_posts_from_someone_without_the_permission_are_refused_and_change_nothing(
    client, make_user, event, theirs
):
    before = row_of(theirs)
    client.force_login(make_user())

    checked = client.post(
        url("events:event_check_in", event.pk), {"action": "check_in", "code": theirs.check_in_code}
    )
    walked = client.post(
        url("events:event_check_in", event.pk),
        {"action": "walk_in", "walk_in-name": "散客", "walk_in-email": ""},
    )
    scanned = client.post(url("events:check_in", theirs.check_in_code))

    assert [checked.status_code, walked.status_code, scanned.status_code] == [403, 403, 403]
    assert row_of(theirs) == before
    assert not WalkIn.objects.exists()


def test_check_in_page_for_someone_without_the_permission_answers_the_same_for_a_real_and_a_made_up_code(
    client, make_user, theirs
):
    """A signed-in visitor cannot learn which codes exist: both are refused before any look-up."""
    client.force_login(make_user())

    real = client.get(url("events:check_in", theirs.check_in_code))
    made_up = client.get(url("events:check_in", "ZZZZZZZZ"))

    assert real.status_code == made_up.status_code == 403
    assert "王小明" not in real.content.decode()


# --- staff screens that take an event id -----------------------------------------------------------------


def test_inviting_to_an_event_needs_the_permission_and_invites_nobody(client, editor, event):
    client.force_login(editor)

    response = client.post(
        url("events_registrations", event.pk),
        {"action": "invite", "invite-emails": "ann@example.org", "invite-language": "en"},
    )

    assert refused(response)
    assert not Invitation.objects.exists()
    assert not Message.objects.exists()


def test_a_message_to_an_events_registrants_from_someone_without_the_permission_is_refused(
    client, editor, event, theirs
):
    client.force_login(editor)

    response = client.post(
        url("events_registrations", event.pk),
        {"action": "message", "message-subject": "会场变更", "message-body": "请到二楼报告厅。"},
    )

    assert refused(response)
    assert not Message.objects.exists()


@pytest.mark.parametrize("name", ["events_registrations", "events_registrations_csv", "events_cancel_event"])
def test_someone_with_check_in_only_cannot_use_the_staff_screens_of_an_event(
    client, make_user, event, theirs, name
):
    user = make_user()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="events", codename="check_in"),
    )
    client.force_login(user)
    before = (event_row(event), row_of(theirs))

    assert refused(client.get(url(name, event.pk)))
    assert refused(client.post(url(name, event.pk)))
    assert (event_row(event), row_of(theirs)) == before


@pytest.mark.parametrize("name", ["events_registrations", "events_registrations_csv", "events_cancel_event"])
def test_staff_screens_of_a_missing_event_are_404_and_change_nothing(client, officer, event, theirs, name):
    client.force_login(officer)
    before = (event_row(event), row_of(theirs))

    assert client.get(url(name, 999999), follow=True).status_code == 404
    assert client.post(url(name, 999999), follow=True).status_code == 404
    assert (event_row(event), row_of(theirs)) == before


def test_the_registrations_link_of_a_page_that_is_not_an_event_is_404_and_makes_no_event(
    client, officer, home_zh
):
    client.force_login(officer)
    events = Event.objects.count()

    for page_id in (home_zh.pk, 999999):
        assert client.get(url("events_registrations_for_page", page_id), follow=True).status_code == 404

    assert Event.objects.count() == events


def test_a_guest_post_to_the_check_in_page_checks_no_one_in(theirs):
    before = row_of(theirs)

    Client().post(url("events:check_in", theirs.check_in_code))
    Client().post(
        url("events:event_check_in", theirs.event_id), {"action": "check_in", "code": theirs.check_in_code}
    )

    assert row_of(theirs) == before
