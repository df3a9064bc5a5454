"""Check-in at the door: the QR code's page (GET shows, POST checks in once), the per-event list with
search and walk-ins, and who may use them."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone, translation

from events import checkin
from events.models import Registration, WalkIn
from tests.events import factories
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    # English pages: the assertions read the English strings whatever the Chinese catalogue says.
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def officer(make_user):
    user = make_user(email="officer@example.org")
    user.groups.add(Group.objects.get(name="Officers"))
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def event(db):
    return EventFactory(capacity=2, title="护照与签证讲座")


@pytest.fixture
def confirmed(event):
    return RegistrationFactory(event=event, name="王小明", organisation="示例中学")


def beijing(hour, minute):
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(hour, minute)))


# The QR code


def test_the_qr_code_encodes_the_absolute_staff_check_in_url(confirmed):
    assert checkin.check_in_url(confirmed) == (
        f"https://portal.example.org/zh-hans/events/check-in/{confirmed.check_in_code}/"
    )


def test_the_qr_svg_is_inline_markup_with_an_accessible_name(confirmed):
    svg = checkin.qr_svg(confirmed)

    assert svg.startswith("<svg ")
    assert "<?xml" not in svg
    assert 'role="img"' in svg
    assert "<title>" in svg and confirmed.check_in_code in svg


def test_the_qr_png_is_a_printable_png(confirmed):
    png = checkin.qr_png(confirmed)

    assert png.startswith(b"\x89PNG")
    width = int.from_bytes(png[16:20], "big")
    assert width >= 200


# Checking in by the QR code


def test_opening_the_qr_link_shows_the_person_without_checking_in(client, officer, confirmed):
    client.force_login(officer)

    response = client.get(url("events:check_in", confirmed.check_in_code))

    assert response.status_code == 200
    page = response.content.decode()
    assert "王小明" in page and "护照与签证讲座" in page
    assert 'type="submit"' in page
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is None


def test_pressing_check_in_records_when_and_by_whom(client, officer, confirmed):
    client.force_login(officer)

    response = client.post(url("events:check_in", confirmed.check_in_code))

    assert response.status_code == 200
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is not None
    assert confirmed.checked_in_by == officer
    assert "王小明 is checked in." in response.content.decode()


def test_a_second_scan_says_already_checked_in_at_the_beijing_time(client, officer, confirmed):
    Registration.objects.filter(pk=confirmed.pk).update(checked_in_at=beijing(14, 2))
    client.force_login(officer)

    response = client.get(url("events:check_in", confirmed.check_in_code))

    page = response.content.decode()
    assert "Already checked in at 14:02." in page
    assert 'type="submit"' not in page.split("<main", 1)[1].split("</main>")[0]


def test_checking_in_twice_keeps_the_first_time(client, officer, confirmed):
    Registration.objects.filter(pk=confirmed.pk).update(checked_in_at=beijing(14, 2))
    client.force_login(officer)

    response = client.post(url("events:check_in", confirmed.check_in_code))

    assert "王小明 is already checked in at 14:02." in response.content.decode()
    confirmed.refresh_from_db()
    assert timezone.localtime(confirmed.checked_in_at).strftime("%H:%M") == "14:02"
    assert confirmed.checked_in_by is None


def test_check_in_succeeds_only_once_for_the_same_registration(confirmed, officer):
    first = checkin.check_in(confirmed, by_user=officer)
    second = checkin.check_in(Registration.objects.get(pk=confirmed.pk), by_user=officer)

    assert (first.checked_in, second.checked_in) == (True, False)
    assert second.already


@pytest.mark.parametrize("status", ["waitlisted", "cancelled"])
def test_a_registration_that_is_not_confirmed_cannot_be_checked_in(client, officer, event, status):
    registration = RegistrationFactory(event=event, status=status, name="李华")
    client.force_login(officer)

    response = client.post(url("events:check_in", registration.check_in_code))

    assert response.status_code == 200
    assert "cannot be checked in" in response.content.decode()
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_a_signed_out_visitor_is_sent_to_the_login_page_and_back(client, confirmed):
    target = url("events:check_in", confirmed.check_in_code)

    response = client.get(target)

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path.endswith("/accounts/login/")
    assert f"next={target}" in location.query.replace("%2F", "/")


def test_a_signed_out_post_checks_no_one_in(client, confirmed):
    client.post(url("events:check_in", confirmed.check_in_code))

    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is None


def test_a_signed_in_person_without_the_permission_is_refused(client, make_user, confirmed):
    client.force_login(make_user())

    response = client.post(url("events:check_in", confirmed.check_in_code))

    assert response.status_code == 403
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is None


def test_the_check_in_permission_alone_is_enough(client, make_user, confirmed):
    user = make_user()
    user.user_permissions.add(Permission.objects.get(content_type__app_label="events", codename="check_in"))
    client.force_login(user)

    assert client.get(url("events:check_in", confirmed.check_in_code)).status_code == 200


def test_an_unknown_code_is_not_found(client, officer):
    client.force_login(officer)

    assert client.get(url("events:check_in", "ZZZZZZZZ")).status_code == 404


def test_the_check_in_page_is_never_cached(client, officer, confirmed):
    client.force_login(officer)

    response = client.get(url("events:check_in", confirmed.check_in_code))

    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


# The per-event list


def test_the_list_shows_confirmed_people_only(client, officer, event, confirmed):
    RegistrationFactory(event=event, status="waitlisted", name="候补者")
    RegistrationFactory(event=event, status="cancelled", name="已取消者")
    client.force_login(officer)

    response = client.get(url("events:event_check_in", event.pk))

    names = [row["registration"].name for row in response.context["registrations"]]
    assert names == ["王小明"]


def test_the_list_finds_people_by_part_of_their_name(client, officer, event, confirmed):
    RegistrationFactory(event=event, name="张伟")
    client.force_login(officer)

    response = client.get(url("events:event_check_in", event.pk), {"q": "小明"})

    assert [row["registration"].name for row in response.context["registrations"]] == ["王小明"]


def test_the_list_finds_people_by_their_code_in_any_letter_case(client, officer, event, confirmed):
    RegistrationFactory(event=event, name="张伟")
    client.force_login(officer)

    response = client.get(url("events:event_check_in", event.pk), {"q": confirmed.check_in_code.lower()})

    assert [row["registration"].name for row in response.context["registrations"]] == ["王小明"]


def test_the_list_does_not_show_another_events_people(client, officer, event, confirmed):
    RegistrationFactory(event=EventFactory(), name="别的活动的人")
    client.force_login(officer)

    response = client.get(url("events:event_check_in", event.pk))

    assert "别的活动的人" not in response.content.decode()


def test_the_list_checks_a_person_in_from_their_row(client, officer, event, confirmed):
    client.force_login(officer)

    response = client.post(
        url("events:event_check_in", event.pk), {"action": "check_in", "code": confirmed.check_in_code}
    )

    assert response.status_code == 302
    confirmed.refresh_from_db()
    assert confirmed.checked_in_by == officer


def test_the_list_does_not_check_in_another_events_code(client, officer, event):
    stranger = RegistrationFactory(event=EventFactory())
    client.force_login(officer)

    response = client.post(
        url("events:event_check_in", event.pk), {"action": "check_in", "code": stranger.check_in_code}
    )

    assert response.status_code == 404
    stranger.refresh_from_db()
    assert stranger.checked_in_at is None


def test_the_list_counts_checked_in_of_confirmed(client, officer, event, confirmed):
    checkin.check_in(RegistrationFactory(event=event))
    RegistrationFactory(event=event, status="waitlisted")
    client.force_login(officer)

    response = client.get(url("events:event_check_in", event.pk))

    counts = response.context["counts"]
    assert (counts.checked_in, counts.confirmed) == (1, 2)
    assert "1 of 2 confirmed people checked in" in response.content.decode()


def test_the_list_of_an_unknown_event_is_not_found(client, officer):
    client.force_login(officer)

    assert client.get(url("events:event_check_in", 999999)).status_code == 404


def test_the_list_refuses_people_without_the_permission(client, make_user, event):
    client.force_login(make_user())

    assert client.get(url("events:event_check_in", event.pk)).status_code == 403


def test_the_list_sends_signed_out_visitors_to_the_login_page(client, event):
    response = client.get(url("events:event_check_in", event.pk))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_list_is_paginated(client, officer, event):
    from events.checkin_views import LIST_PAGE_SIZE

    for _number in range(LIST_PAGE_SIZE + 3):
        RegistrationFactory(event=event)
    client.force_login(officer)

    response = client.get(url("events:event_check_in", event.pk), {"page": 2})

    assert len(response.context["registrations"]) == 3


def test_the_list_renders_in_the_same_number_of_queries_for_many_people(
    client, officer, event, django_assert_max_num_queries
):
    for _number in range(40):
        checkin.check_in(RegistrationFactory(event=event))
    client.force_login(officer)
    client.get(url("events:event_check_in", event.pk))  # first visit: the user's admin profile is made

    with django_assert_max_num_queries(16):
        response = client.get(url("events:event_check_in", event.pk))

    assert response.status_code == 200


# Walk-ins


def test_a_walk_in_is_added_with_a_name_and_no_email(client, officer, event):
    client.force_login(officer)

    response = client.post(
        url("events:event_check_in", event.pk), {"action": "walk_in", "walk_in-name": " 赵六 "}
    )

    assert response.status_code == 302
    walk_in = WalkIn.objects.get(event=event)
    assert (walk_in.name, walk_in.email, walk_in.checked_in_by) == ("赵六", "", officer)


def test_a_walk_in_needs_a_name(client, officer, event):
    client.force_login(officer)

    response = client.post(
        url("events:event_check_in", event.pk),
        {"action": "walk_in", "walk_in-name": "  ", "walk_in-email": "a@example.org"},
    )

    assert response.status_code == 400
    assert not WalkIn.objects.exists()


def test_a_walk_in_with_a_bad_email_is_refused(client, officer, event):
    client.force_login(officer)

    response = client.post(
        url("events:event_check_in", event.pk),
        {"action": "walk_in", "walk_in-name": "赵六", "walk_in-email": "not-an-address"},
    )

    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert not WalkIn.objects.exists()


def test_a_walk_in_counts_as_attended(event):
    from events import attendance

    checkin.add_walk_in(event, "赵六", "Zhao@Example.org")

    assert attendance.has_attended("zhao@example.org", event)


def test_a_walk_in_takes_no_ones_place(home_zh):
    from events.registration import register

    event = factories.event_of(
        factories.EventPageFactory(parent=factories.EventIndexPageFactory(parent=home_zh), capacity=2)
    )
    RegistrationFactory(event=event)  # one of two places taken
    checkin.add_walk_in(event, "赵六")
    checkin.add_walk_in(event, "钱七")

    register(event, name="孙八", email="sun@example.org", language="zh-hans")

    registration = Registration.objects.get(event=event, email="sun@example.org")
    assert registration.status == Registration.Status.CONFIRMED
    assert checkin.check_in_counts(event).walk_ins == 2


def concurrent(test):
    """PostgreSQL only, real connections (see tests/concurrency.py)."""
    from tests.concurrency import CONCURRENT

    for mark in reversed(CONCURRENT):
        test = mark(test)
    return test


@pytest.mark.engine  # row locks
@concurrent
def test_scans_at_once_check_in_exactly_once(make_user):
    from tests.concurrency import at_once

    officer = make_user(email="door@example.org")
    registration = RegistrationFactory(event=EventFactory())

    results = at_once(lambda: checkin.check_in(Registration.objects.get(pk=registration.pk), officer), 8)

    assert sorted(result.checked_in for result in results) == [False] * 7 + [True]
    assert all(result.already for result in results if not result.checked_in)
