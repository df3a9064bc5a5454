"""The iCalendar feed of upcoming public events, per language."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from events.calendar import event_uid
from tests.events import factories as f

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")
SECRET_LINK = "https://meeting.example.com/j/secret-room-123"


@pytest.fixture
def index(home_zh):
    return f.EventIndexPageFactory(parent=home_zh)


def feed(client, url="/zh-hans/events/feed.ics"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


def test_feed_parses_with_times_in_beijing_and_a_time_zone(client, index):
    starts = datetime.datetime(2030, 5, 20, 14, 0, tzinfo=BEIJING)
    page = f.EventPageFactory(
        parent=index,
        starts_at=starts,
        title="领事保护讲座",
        venue="社区活动中心",
        address="东城区示例路 1 号",
    )
    calendar = feed(client)
    assert calendar["METHOD"] == "PUBLISH"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    (vevent,) = vevents(calendar)
    assert str(vevent["SUMMARY"]) == "领事保护讲座"
    assert vevent.decoded("DTSTART") == starts
    assert vevent["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert vevent.decoded("DTEND") == starts + datetime.timedelta(hours=2)
    assert "社区活动中心" in str(vevent["LOCATION"])
    assert str(vevent["URL"]) == f"http://testserver{page.url}"


def test_feed_lists_only_upcoming_public_events_soonest_first(client, index):
    now = timezone.now()
    f.EventPageFactory(parent=index, starts_at=now + datetime.timedelta(days=5), title="五天后")
    f.EventPageFactory(parent=index, starts_at=now + datetime.timedelta(days=1), title="明天")
    f.EventPageFactory(parent=index, starts_at=now - datetime.timedelta(days=2), title="前天")
    f.EventPageFactory(
        parent=index, starts_at=now + datetime.timedelta(days=2), title="内部走访", is_private=True
    )
    assert [str(v["SUMMARY"]) for v in vevents(feed(client))] == ["明天", "五天后"]


def test_feed_is_in_the_readers_language(client, index):
    page = f.EventPageFactory(parent=index, title="领事保护讲座")
    f.translate(page, "en", title="Consular protection lecture")
    assert [str(v["SUMMARY"]) for v in vevents(feed(client, "/en/events/feed.ics"))] == [
        "Consular protection lecture"
    ]


def test_feed_uid_is_the_registration_calendar_uid_in_both_languages(client, index):
    page = f.EventPageFactory(parent=index)
    f.translate(page, "en")
    uid = event_uid(f.event_of(page))
    assert uid == f"event-{page.translation_key}@portal.example.org"
    assert [str(v["UID"]) for v in vevents(feed(client))] == [uid]
    assert [str(v["UID"]) for v in vevents(feed(client, "/en/events/feed.ics"))] == [uid]


def test_feed_carries_the_events_sequence(client, index):
    page = f.EventPageFactory(parent=index)
    page.starts_at += datetime.timedelta(hours=1)
    page.ends_at += datetime.timedelta(hours=1)
    page.save_revision().publish()
    assert f.event_of(page).sequence == 1
    assert [int(v["SEQUENCE"]) for v in vevents(feed(client))] == [1]


def test_a_cancelled_event_stays_in_the_feed_marked_cancelled(client, index):
    page = f.EventPageFactory(parent=index)
    event = f.event_of(page)
    event.cancelled_at = timezone.now()
    event.save()
    assert [str(v["STATUS"]) for v in vevents(feed(client))] == ["CANCELLED"]


def test_the_online_joining_link_is_never_in_the_feed(client, index):
    f.EventPageFactory(parent=index, online_url=SECRET_LINK)
    response = client.get("/zh-hans/events/feed.ics")
    assert b"secret-room" not in response.content


def test_feed_queries_do_not_grow_with_the_number_of_events(client, index, django_assert_max_num_queries):
    for number in range(20):
        f.EventPageFactory(parent=index, starts_at=timezone.now() + datetime.timedelta(days=number + 1))
    client.get("/zh-hans/events/feed.ics")
    with django_assert_max_num_queries(6):
        assert len(vevents(feed(client))) == 20
