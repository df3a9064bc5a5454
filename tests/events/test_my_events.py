""" "My events": a signed-in person's own registrations, upcoming and past, with what they need at the
door and links to keep; the section in "My portal"; only their own; bounded queries."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.sections import MY_PORTAL_SECTIONS, collect_sections
from events.models import Registration
from tests.events.factories import (
    EventFactory,
    EventIndexPageFactory,
    EventPageFactory,
    RegistrationFactory,
    event_of,
)

pytestmark = pytest.mark.django_db

WECHAT = (
    "Mozilla/5.0 (Linux; Android 13; V2183A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
    "Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5023 MMWEBSDK/20230405 MicroMessenger/8.0.35.2360"
)


def url(language="en"):
    with translation.override(language):
        return reverse("events:my_events")


@pytest.fixture
def person(make_user):
    user = make_user(email="lilei@example.org", name="李雷")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


@pytest.fixture
def index(home_zh):
    return EventIndexPageFactory(parent=home_zh)


def days_from_now(days, hour=14):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def shown(response):
    return [item.registration for item in response.context["upcoming"]] + [
        item.registration for item in response.context["past"]
    ]


def test_my_events_needs_signing_in(client):
    response = client.get(url())

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_my_events_lists_upcoming_soonest_first_and_past_latest_first(signed_in, person):
    later = RegistrationFactory(
        event=EventFactory(starts_at=days_from_now(9), title="后来的活动"), user=person
    )
    sooner = RegistrationFactory(
        event=EventFactory(starts_at=days_from_now(2), title="较近的活动"), user=person
    )
    long_ago = RegistrationFactory(event=EventFactory(starts_at=days_from_now(-30)), user=person)
    recent = RegistrationFactory(event=EventFactory(starts_at=days_from_now(-3)), user=person)

    response = signed_in.get(url())

    assert [item.registration for item in response.context["upcoming"]] == [sooner, later]
    assert [item.registration for item in response.context["past"]] == [recent, long_ago]
    assert response["Cache-Control"].count("private") or "no-cache" in response["Cache-Control"]


def test_an_event_going_on_now_is_still_upcoming(signed_in, person):
    now = RegistrationFactory(
        event=EventFactory(starts_at=timezone.now() - datetime.timedelta(minutes=30)), user=person
    )

    response = signed_in.get(url())

    assert [item.registration for item in response.context["upcoming"]] == [now]


def test_another_persons_registration_is_not_shown(signed_in, person, make_user):
    event = EventFactory()
    other = make_user(email="hanmeimei@example.org")
    RegistrationFactory(event=event, user=other, email="hanmeimei@example.org", name="韩梅梅")
    RegistrationFactory(event=event, email="stranger@example.org", name="陌生人")  # a guest
    mine = RegistrationFactory(event=event, user=person, email="lilei@example.org")

    response = signed_in.get(url())

    assert shown(response) == [mine]
    html = response.content.decode()
    assert "韩梅梅" not in html
    assert "stranger@example.org" not in html


def test_registrations_made_as_a_guest_with_a_verified_address_are_shown(signed_in, person):
    guest = RegistrationFactory(event=EventFactory(), email="LiLei@Example.org")

    assert shown(signed_in.get(url())) == [guest]


def test_guest_registrations_of_an_unverified_address_are_not_shown(client, make_user):
    claimant = make_user(email="victim@example.org")  # signed up with someone else's address
    EmailAddress.objects.create(user=claimant, email=claimant.email, verified=False, primary=True)
    RegistrationFactory(event=EventFactory(), email="victim@example.org")
    client.force_login(claimant)

    assert shown(client.get(url())) == []


def test_a_confirmed_upcoming_registration_shows_the_check_in_qr_code_and_code(signed_in, person):
    registration = RegistrationFactory(event=EventFactory(), user=person)

    html = signed_in.get(url()).content.decode()

    assert "<svg" in html
    assert registration.check_in_code in html
    assert reverse("events:calendar", args=[registration.cancel_token]) in html or "event.ics" in html


def test_a_waitlisted_registration_shows_its_position_and_no_check_in_code(signed_in, person):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="waitlisted")
    mine = RegistrationFactory(event=event, status="waitlisted", user=person)

    response = signed_in.get(url())

    item = response.context["upcoming"][0]
    assert item.waitlist_position == 2
    html = response.content.decode()
    assert "You are number 2 on the waitlist." in html
    assert mine.check_in_code not in html
    assert "<svg" not in html


def test_the_online_joining_link_is_shown_to_confirmed_people_only(signed_in, person, make_user):
    online = EventFactory(online_url="https://meeting.example.cn/j/123456")
    full = EventFactory(online_url="https://meeting.example.cn/j/999999", capacity=1)
    RegistrationFactory(event=online, user=person)
    RegistrationFactory(event=full)
    RegistrationFactory(event=full, status="waitlisted", user=person)

    html = signed_in.get(url()).content.decode()

    assert "https://meeting.example.cn/j/123456" in html
    assert "https://meeting.example.cn/j/999999" not in html


def test_each_upcoming_registration_has_a_calendar_file_and_a_cancel_button(signed_in, person):
    registration = RegistrationFactory(event=EventFactory(), user=person)

    html = signed_in.get(url()).content.decode()

    with translation.override("en"):
        assert reverse("events:calendar", args=[registration.cancel_token]) in html
        assert reverse("events:cancel", args=[registration.cancel_token]) in html


def test_a_cancelled_registration_has_no_cancel_button_or_check_in_code(signed_in, person):
    registration = RegistrationFactory(event=EventFactory(), user=person, status="cancelled")

    html = signed_in.get(url()).content.decode()

    with translation.override("en"):
        assert reverse("events:cancel", args=[registration.cancel_token]) not in html
    assert registration.check_in_code not in html


def test_the_event_links_to_its_page_in_the_readers_language(signed_in, person, index):
    from tests.events.factories import translate

    page = EventPageFactory(parent=index)
    english = translate(page, "en")
    RegistrationFactory(event=event_of(page), user=person)

    response = signed_in.get(url("en"))

    assert response.context["upcoming"][0].page_url == english.url


def test_inside_wechat_the_page_says_how_to_open_it_in_the_phones_browser(signed_in, person):
    RegistrationFactory(event=EventFactory(), user=person)

    inside = signed_in.get(url(), HTTP_USER_AGENT=WECHAT).content.decode()
    outside = signed_in.get(url(), HTTP_USER_AGENT="Mozilla/5.0 (iPhone) Safari/604.1").content.decode()

    assert "Open in browser" in inside
    assert "Open in browser" not in outside


def test_my_events_queries_do_not_grow_with_registrations(signed_in, person, index):
    def queries():
        signed_in.get(url())
        with CaptureQueriesContext(connection) as captured:
            assert signed_in.get(url()).status_code == 200
        return len(captured)

    RegistrationFactory(event=event_of(EventPageFactory(parent=index)), user=person)
    few = queries()
    for days in range(2, 8):
        RegistrationFactory(
            event=event_of(EventPageFactory(parent=index, starts_at=days_from_now(days))), user=person
        )
        RegistrationFactory(event=EventFactory(starts_at=days_from_now(-days)), user=person)
    waiting = EventFactory(capacity=1)
    RegistrationFactory(event=waiting)
    RegistrationFactory(event=waiting, status="waitlisted", user=person)

    assert queries() == few
    assert few <= 15


# The section in "My portal"


def sections_for(client, person):
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = person
    return [s for s in collect_sections(MY_PORTAL_SECTIONS, request) if s.template_name.startswith("events/")]


def test_my_portal_shows_the_next_few_registrations_and_a_link_to_all(signed_in, person):
    for days in range(1, 6):
        RegistrationFactory(
            event=EventFactory(starts_at=days_from_now(days), title=f"活动 {days}"), user=person
        )
    RegistrationFactory(event=EventFactory(starts_at=days_from_now(1)), user=person, status="cancelled")

    with translation.override("en"):
        response = signed_in.get(reverse("my_portal"))

    html = response.content.decode()
    assert "活动 1" in html
    assert "活动 3" in html
    assert "活动 4" not in html
    assert url() in html
    (section,) = sections_for(signed_in, person)
    assert section.context["has_more"]
    assert all(
        item.registration.status != Registration.Status.CANCELLED for item in section.context["registrations"]
    )


def test_my_portal_section_shows_only_the_persons_own(signed_in, person, make_user):
    other = make_user(email="hanmeimei@example.org")
    RegistrationFactory(event=EventFactory(title="别人的活动"), user=other, email=other.email)

    with translation.override("en"):
        html = signed_in.get(reverse("my_portal")).content.decode()

    assert "别人的活动" not in html
