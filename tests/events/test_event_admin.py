"""Staff screens about registrations in the admin: the report with counts, one event's registrations,
CSV export, messages, invitations, cancelling an event, and who may use them."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events import checkin
from events.admin_views import events_with_counts
from events.models import Event, Invitation, Registration
from outbox.models import Message
from tests.accounts.factories import staff_user
from tests.events import factories
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(db):
    return staff_user(group="Officers")


@pytest.fixture
def moderator(db):
    return staff_user(group="Moderators")


@pytest.fixture
def editor(db):
    return staff_user(group="Editors")


@pytest.fixture
def staff_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def event(db):
    return EventFactory(capacity=3, title="海外安全讲座")


def known_data_set(event):
    """2 confirmed (1 checked in), 1 waitlisted, 2 cancelled, 1 walk-in; and noise at another event."""
    checkin.check_in(RegistrationFactory(event=event, name="甲"))
    RegistrationFactory(event=event, name="乙")
    RegistrationFactory(event=event, status="waitlisted", name="丙")
    RegistrationFactory(event=event, status="cancelled", name="丁")
    RegistrationFactory(event=event, status="cancelled", name="戊")
    checkin.add_walk_in(event, "己")
    other = EventFactory(title="另一场活动")
    checkin.check_in(RegistrationFactory(event=other, name="别人"))
    checkin.add_walk_in(other, "别的散客")
    checkin.add_walk_in(other, "又一个散客")


def refused(response):
    """Wagtail answers PermissionDenied in its admin with a redirect to the dashboard (or a 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


# Counts


def test_counts_are_right_on_a_known_data_set(event):
    known_data_set(event)

    counted = events_with_counts().get(pk=event.pk)

    assert (counted.confirmed_count, counted.waitlisted_count, counted.cancelled_count) == (2, 1, 2)
    assert (counted.checked_in_count, counted.walk_in_count) == (1, 1)


def test_counts_of_every_event_come_from_one_query(event, django_assert_num_queries):
    known_data_set(event)

    with django_assert_num_queries(1):
        rows = {e.title: (e.confirmed_count, e.walk_in_count) for e in events_with_counts()}

    assert rows["海外安全讲座"] == (2, 1)
    assert rows["另一场活动"] == (1, 2)


def test_the_report_lists_events_with_their_counts(staff_client, event):
    known_data_set(event)

    response = staff_client.get(reverse("events_registration_report"))

    assert response.status_code == 200
    rows = {row["event"].title: row for row in response.context["rows"]}
    assert rows["海外安全讲座"]["attended"] == 2
    assert "海外安全讲座" in response.content.decode()


def test_the_report_renders_in_the_same_number_of_queries_for_many_events(
    staff_client, django_assert_max_num_queries
):
    for _number in range(30):
        RegistrationFactory(event=EventFactory())
    staff_client.get(reverse("events_registration_report"))  # first visit: the admin profile is made

    with django_assert_max_num_queries(14):
        response = staff_client.get(reverse("events_registration_report"))

    assert len(response.context["rows"]) >= 30


def test_the_event_screen_shows_counts_and_only_its_own_people(staff_client, event):
    known_data_set(event)

    response = staff_client.get(reverse("events_registrations", args=[event.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["attended"] == 2
    assert "甲" in page and "丙" in page
    assert "别人" not in page


def test_the_event_screen_filters_by_status(staff_client, event):
    known_data_set(event)

    response = staff_client.get(reverse("events_registrations", args=[event.pk]), {"status": "cancelled"})

    assert sorted(r.name for r in response.context["registrations"]) == ["丁", "戊"]


def test_the_event_screen_renders_in_the_same_number_of_queries_for_many_people(
    staff_client, event, django_assert_max_num_queries
):
    for _number in range(60):
        checkin.check_in(RegistrationFactory(event=event), by_user=None)
    staff_client.get(reverse("events_registrations", args=[event.pk]))

    with django_assert_max_num_queries(16):
        response = staff_client.get(reverse("events_registrations", args=[event.pk]))

    assert response.status_code == 200


def test_an_unknown_event_is_not_found(staff_client):
    response = staff_client.get(reverse("events_registrations", args=[999999]), follow=True)

    assert response.status_code == 404


# Who may see them


def test_moderators_may_see_registrations(client, moderator, event):
    client.force_login(moderator)

    assert client.get(reverse("events_registrations", args=[event.pk])).status_code == 200


@pytest.mark.parametrize(
    "name", ["events_registration_report", "events_registrations", "events_registrations_csv"]
)
def test_editors_without_the_permission_are_refused(client, editor, event, name):
    client.force_login(editor)
    args = [] if name == "events_registration_report" else [event.pk]

    assert refused(client.get(reverse(name, args=args)))


def test_signed_out_visitors_are_sent_to_the_admin_login(client, event):
    response = client.get(reverse("events_registrations_csv", args=[event.pk]))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_reports_menu_shows_event_registrations_only_to_those_allowed(client, officer, editor):
    client.force_login(officer)
    assert reverse("events_registration_report") in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(editor)
    assert (
        reverse("events_registration_report") not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


# CSV


def export(client, event):
    response = client.get(reverse("events_registrations_csv", args=[event.pk]))
    assert response.status_code == 200
    return response


def test_the_csv_starts_with_a_byte_order_mark(staff_client, event):
    RegistrationFactory(event=event, name="王小明")

    content = export(staff_client, event).content

    assert content.startswith("\ufeff".encode())
    assert "王小明" in content.decode("utf-8-sig")


def test_the_csv_has_the_agreed_columns(staff_client, event):
    RegistrationFactory(
        event=event, name="王小明", email="wang@example.org", phone="+8613800000000", organisation="学校"
    )

    rows = list(csv.reader(io.StringIO(export(staff_client, event).content.decode("utf-8-sig"))))

    assert rows[0] == [
        "Name",
        "Email",
        "Phone",
        "Organisation",
        "Status",
        "Registered",
        "Checked in",
        "Cancelled",
        "Cancelled by",
        "Reason for cancelling",
    ]
    assert rows[1][:2] + rows[1][3:5] == ["王小明", "wang@example.org", "学校", "Confirmed"]


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_the_csv_neutralises_cells_that_a_spreadsheet_would_run(staff_client, event, dangerous):
    RegistrationFactory(event=event, name=dangerous, organisation=dangerous)

    rows = list(csv.reader(io.StringIO(export(staff_client, event).content.decode("utf-8-sig"))))

    assert rows[1][0] == "'" + dangerous
    assert rows[1][3] == "'" + dangerous


def test_the_csv_holds_no_other_events_people(staff_client, event):
    known_data_set(event)

    content = export(staff_client, event).content.decode("utf-8-sig")

    assert "别人" not in content
    assert len(list(csv.reader(io.StringIO(content)))) == 1 + 5


def test_the_csv_shows_times_in_beijing_time(staff_client, event):
    registration = RegistrationFactory(event=event)
    moment = timezone.make_aware(timezone.datetime(2026, 5, 6, 14, 2))
    Registration.objects.filter(pk=registration.pk).update(created_at=moment, checked_in_at=moment)

    rows = list(csv.reader(io.StringIO(export(staff_client, event).content.decode("utf-8-sig"))))

    assert rows[1][5:7] == ["2026-05-06 14:02", "2026-05-06 14:02"]


# Message to everyone confirmed


def post_message(client, event, subject="会场变更", body="请到二楼报告厅。"):
    return client.post(
        reverse("events_registrations", args=[event.pk]),
        {"action": "message", "message-subject": subject, "message-body": body},
        follow=True,
    )


def test_a_message_goes_to_every_confirmed_registrant_and_says_how_many(
    staff_client, event, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=event, email="a@example.org")
    RegistrationFactory(event=event, email="b@example.org")
    RegistrationFactory(event=event, email="c@example.org", status="waitlisted")
    RegistrationFactory(event=EventFactory(), email="other@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = post_message(staff_client, event)

    assert sorted(address for email in mail.outbox for address in email.to) == [
        "a@example.org",
        "b@example.org",
    ]
    assert "2 confirmed registrants" in response.content.decode()


def test_a_message_without_a_body_is_shown_again_and_sends_nothing(staff_client, event):
    RegistrationFactory(event=event)

    response = staff_client.post(
        reverse("events_registrations", args=[event.pk]),
        {"action": "message", "message-subject": "会场变更", "message-body": "   "},
    )

    assert response.status_code == 400
    assert response.context["message_form"].errors["body"]
    assert not Message.objects.exists()


def test_a_message_sent_twice_reaches_nobody_twice(staff_client, event):
    RegistrationFactory(event=event)
    post_message(staff_client, event)

    response = post_message(staff_client, event)

    assert Message.objects.count() == 1
    assert "nobody gets it twice" in response.content.decode()


def test_a_message_needs_the_permission(client, editor, event):
    RegistrationFactory(event=event)
    client.force_login(editor)

    response = post_message(client, event)

    assert not Message.objects.exists()
    assert response.status_code in (200, 403)


# Invitations


def test_invitations_go_to_each_address_once(
    staff_client, officer, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("events_registrations", args=[event.pk]),
            {
                "action": "invite",
                "invite-emails": "ann@example.org\nBob@example.org\nann@EXAMPLE.org\n",
                "invite-language": "en",
            },
            follow=True,
        )

    assert sorted(i.email.lower() for i in Invitation.objects.filter(event=event)) == [
        "ann@example.org",
        "bob@example.org",
    ]
    assert Invitation.objects.filter(invited_by=officer).count() == 2
    assert sorted(address.lower() for email in mail.outbox for address in email.to) == [
        "ann@example.org",
        "bob@example.org",
    ]
    assert "2 people are invited" in response.content.decode()


def test_an_invalid_address_is_named_and_nobody_is_invited(staff_client, event):
    response = staff_client.post(
        reverse("events_registrations", args=[event.pk]),
        {
            "action": "invite",
            "invite-emails": "ann@example.org\nnot-an-address",
            "invite-language": "zh-hans",
        },
    )

    assert response.status_code == 400
    assert "not-an-address" in str(response.context["invite_form"].errors["emails"])
    assert not Invitation.objects.exists()
    assert not Message.objects.exists()


def test_an_empty_invitation_list_is_refused(staff_client, event):
    response = staff_client.post(
        reverse("events_registrations", args=[event.pk]),
        {"action": "invite", "invite-emails": " \n ", "invite-language": "zh-hans"},
    )

    assert response.status_code == 400
    assert not Invitation.objects.exists()


# Cancelling the event


def test_cancelling_asks_first_and_changes_nothing_on_the_way(staff_client, event):
    RegistrationFactory(event=event)

    response = staff_client.get(reverse("events_cancel_event", args=[event.pk]))

    assert response.status_code == 200
    assert "Yes, cancel the event" in response.content.decode()
    event.refresh_from_db()
    assert event.cancelled_at is None


def test_cancelling_the_event_tells_everyone_registered(
    staff_client, event, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=event, email="a@example.org")
    RegistrationFactory(event=event, email="b@example.org", status="waitlisted")
    RegistrationFactory(event=event, email="c@example.org", status="cancelled")

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("events_cancel_event", args=[event.pk]), follow=True)

    event.refresh_from_db()
    assert event.cancelled_at is not None
    assert sorted(address for email in mail.outbox for address in email.to) == [
        "a@example.org",
        "b@example.org",
    ]
    assert "The event is cancelled. 2 people" in response.content.decode()


def test_cancelling_twice_cancels_once(staff_client, event):
    staff_client.post(reverse("events_cancel_event", args=[event.pk]))
    sequence = Event.objects.get(pk=event.pk).sequence

    response = staff_client.post(reverse("events_cancel_event", args=[event.pk]), follow=True)

    assert Event.objects.get(pk=event.pk).sequence == sequence
    assert "already cancelled" in response.content.decode()


def test_cancelling_needs_the_permission(client, editor, event):
    client.force_login(editor)

    assert refused(client.post(reverse("events_cancel_event", args=[event.pk])))
    event.refresh_from_db()
    assert event.cancelled_at is None


# From the page editor


def test_the_page_editor_links_a_live_event_page_to_its_registrations(client, make_user, home_zh):
    page = factories.EventPageFactory(
        parent=factories.EventIndexPageFactory(parent=home_zh), title="校园行前培训"
    )
    client.force_login(make_user(is_staff=True, is_superuser=True))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert reverse("events_registrations_for_page", args=[page.pk]) in response.content.decode()


def test_the_page_link_leads_to_the_events_screen(staff_client, home_zh):
    page = factories.EventPageFactory(parent=factories.EventIndexPageFactory(parent=home_zh))
    event = factories.event_of(page)

    response = staff_client.get(reverse("events_registrations_for_page", args=[page.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("events_registrations", args=[event.pk])


def test_the_page_link_needs_the_permission(client, editor, home_zh):
    page = factories.EventPageFactory(parent=factories.EventIndexPageFactory(parent=home_zh))
    client.force_login(editor)

    assert refused(client.get(reverse("events_registrations_for_page", args=[page.pk])))


def test_the_check_in_permission_alone_gives_no_admin_screens(client, make_user, event):
    user = make_user()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="events", codename="check_in"),
    )
    client.force_login(user)

    assert refused(client.get(reverse("events_registrations", args=[event.pk])))
