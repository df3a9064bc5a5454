"""What an event page offers besides registering: "add to calendar" (a public .ics with the same UID
as the registrants' files and no personal data), a print button (static script, no inline handler),
and, on its registration form, what is kept, for how long, and a link to the privacy notice."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events import registration as registrations
from events.calendar import event_uid, registration_ics
from events.models import Registration
from events.retention import FORGOTTEN_DOMAIN, forget_past_registrations
from tests.events import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_zh):
    return f.EventIndexPageFactory(parent=home_zh)


@pytest.fixture
def page(index):
    return f.EventPageFactory(
        parent=index, title="海外安全讲座", online_url="https://meeting.example.org/secret-room"
    )


def calendar_url(page, language="zh-hans"):
    with translation.override(language):
        return reverse("events:event_calendar", args=[f.event_of(page).pk])


def download(client, page, language="zh-hans"):
    response = client.get(calendar_url(page, language))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def test_the_public_calendar_file_has_the_registrants_uid_and_no_personal_data(client, page):
    event = f.event_of(page)
    registered = registrations.register(
        event, name="李雷", email="lilei@example.org", language="zh-hans", phone="13800000000"
    ).registration

    body = download(client, page)
    vevent = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    registrants = icalendar.Calendar.from_ical(registration_ics(registered)).walk("VEVENT")[0]

    assert vevent.get("uid") == registrants.get("uid") == event_uid(event)
    assert str(vevent.get("summary")) == "海外安全讲座"
    assert vevent.get("status") == "CONFIRMED"
    assert "ATTENDEE" not in vevent and "ORGANIZER" not in vevent
    for private in (b"lilei@example.org", "李雷".encode(), b"13800000000", b"secret-room", b"mailto:"):
        assert private not in body


def test_the_english_copy_gives_english_words_and_the_same_uid(client, page):
    english = f.translate(page, "en", title="Staying safe abroad")
    vevent = icalendar.Calendar.from_ical(download(client, english, "en")).walk("VEVENT")[0]
    assert str(vevent.get("summary")) == "Staying safe abroad"
    assert vevent.get("uid") == event_uid(f.event_of(page))


def test_a_cancelled_event_gives_a_cancelled_entry(client, page):
    registrations.cancel_event(f.event_of(page))
    vevent = icalendar.Calendar.from_ical(download(client, page)).walk("VEVENT")[0]
    assert vevent.get("status") == "CANCELLED"


def test_an_invitation_only_event_has_no_public_calendar_file(client, index):
    private = f.EventPageFactory(parent=index, is_private=True)
    assert client.get(calendar_url(private)).status_code == 404


def test_an_unpublished_event_has_no_calendar_file(client, page):
    url = calendar_url(page)
    page.unpublish()
    assert client.get(url).status_code == 404


def test_an_event_whose_copies_are_all_drafts_has_no_calendar_file(client, page):
    url = calendar_url(page)
    page.save_revision()  # a draft waiting
    page.unpublish()
    assert client.get(url).status_code == 404


def test_an_event_that_does_not_exist_has_no_calendar_file(client, page):
    with translation.override("zh-hans"):
        url = reverse("events:event_calendar", args=[f.event_of(page).pk + 1000])
    assert client.get(url).status_code == 404


def test_the_event_page_links_the_calendar_file_and_a_print_button_without_inline_script(client, page):
    html = client.get(page.url).content.decode()
    assert f'href="{calendar_url(page)}"' in html
    assert "data-print-page" in html and "js/print-page.js" in html
    assert "onclick" not in html


def test_the_event_page_stays_within_its_query_bound(client, page, django_assert_max_num_queries):
    client.get(page.url)
    with django_assert_max_num_queries(15):
        client.get(page.url)


# The registration form says what is kept, for how long, and why --------------------------------------


@pytest.mark.parametrize(
    ("language", "kept", "privacy"),
    [
        ("zh-hans", "您的姓名、电子邮箱、电话和单位仅用于本次活动", 'href="/zh-hans/privacy/"'),
        ("en", "We keep your name, email address, phone number and organisation", 'href="/en/privacy/"'),
    ],
)
def test_the_registration_form_says_what_is_kept_and_links_the_privacy_notice(
    client, page, home_en, language, kept, privacy
):
    shown = page if language == "zh-hans" else f.translate(page, "en", title="Staying safe abroad")
    html = client.get(shown.url + "register/").content.decode()
    assert kept in html
    assert privacy in html


def test_people_of_events_over_a_year_ago_are_forgotten(index):
    now = timezone.now()
    old = f.EventPageFactory(parent=index, starts_at=now - datetime.timedelta(days=400))
    recent = f.EventPageFactory(parent=index, starts_at=now - datetime.timedelta(days=30))
    gone = f.RegistrationFactory(
        event=f.event_of(old), name="李雷", phone="13800000000", organisation="某公司"
    )
    kept = f.RegistrationFactory(event=f.event_of(recent), name="韩梅梅")

    assert forget_past_registrations()["registrations"] == 1
    assert forget_past_registrations()["registrations"] == 0  # once

    gone = Registration.objects.get(pk=gone.pk)
    assert (gone.name, gone.phone, gone.organisation) == ("", "", "")
    assert gone.email.endswith("@" + FORGOTTEN_DOMAIN)
    assert Registration.objects.get(pk=kept.pk).name == "韩梅梅"
