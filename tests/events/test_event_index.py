"""The event index: upcoming and past events in Beijing time, filters, pages, private events left out."""

import datetime
import re
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventType
from home.models import Audience
from tests.events import factories as f

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")
URL = "/zh-hans/events-test/"


@pytest.fixture
def index(home_zh):
    return f.EventIndexPageFactory(parent=home_zh)


@pytest.fixture
def index_en(index):
    return f.translate(index, "en", title="Events")


def days(n, hour=14):
    day = timezone.now().astimezone(BEIJING).date() + datetime.timedelta(days=n)
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=BEIJING)


def listed_titles(client, url=URL, **params):
    html = client.get(url, params).content.decode()
    return re.findall(r'class="event-card__title h5"><a href="[^"]+">([^<]+)</a>', html)


def test_upcoming_events_are_listed_soonest_first(client, index):
    f.EventPageFactory(parent=index, starts_at=days(5), title="第五天")
    f.EventPageFactory(parent=index, starts_at=days(1), title="第一天")
    f.EventPageFactory(parent=index, starts_at=days(3), title="第三天")
    assert listed_titles(client) == ["第一天", "第三天", "第五天"]


def test_past_events_are_listed_newest_first_and_not_with_upcoming_ones(client, index):
    f.EventPageFactory(parent=index, starts_at=days(-10), title="十天前")
    f.EventPageFactory(parent=index, starts_at=days(-2), title="两天前")
    f.EventPageFactory(parent=index, starts_at=days(2), title="两天后")
    assert listed_titles(client) == ["两天后"]
    assert listed_titles(client, when="past") == ["两天前", "十天前"]


def test_an_event_under_way_is_still_upcoming(client, index):
    f.EventPageFactory(
        parent=index, starts_at=timezone.now() - datetime.timedelta(hours=1), hours=3, title="进行中"
    )
    assert listed_titles(client) == ["进行中"]
    assert "event-badge--now" in client.get(URL).content.decode()


@pytest.mark.parametrize("server_zone", ["Asia/Shanghai", "UTC"])
def test_midnight_in_beijing_splits_upcoming_from_past_whatever_the_server_zone(client, index, server_zone):
    """An event ending 23:30 Beijing time on day D is past at 00:10 Beijing on D+1, although UTC is
    still on day D (16:10); an event at 09:00 on D+1 is upcoming and dated D+1."""
    day = datetime.date(2030, 3, 10)
    f.EventPageFactory(
        parent=index,
        starts_at=datetime.datetime(2030, 3, 10, 22, 0, tzinfo=BEIJING),
        hours=1.5,
        title="晚间讲座",
    )
    f.EventPageFactory(
        parent=index, starts_at=datetime.datetime(2030, 3, 11, 9, 0, tzinfo=BEIJING), title="早间讲座"
    )
    just_after_midnight = datetime.datetime(2030, 3, 11, 0, 10, tzinfo=BEIJING)
    assert just_after_midnight.astimezone(datetime.UTC).date() == day  # UTC is still on day D
    with override_settings(TIME_ZONE=server_zone), mock.patch("django.utils.timezone.now") as now:
        now.return_value = just_after_midnight.astimezone(datetime.UTC)
        assert listed_titles(client) == ["早间讲座"]
        assert listed_titles(client, when="past") == ["晚间讲座"]
        html = client.get(URL).content.decode()
    assert 'datetime="2030-03-11T09:00+08:00"' in html
    assert '<span class="event-card__day">11</span>' in html


def test_private_events_are_never_listed(client, index):
    f.EventPageFactory(parent=index, starts_at=days(2), title="公开讲座")
    f.EventPageFactory(parent=index, starts_at=days(3), title="企业内部走访", is_private=True)
    f.EventPageFactory(parent=index, starts_at=days(-3), title="过去的内部走访", is_private=True)
    assert listed_titles(client) == ["公开讲座"]
    assert listed_titles(client, when="past") == []


def test_the_index_lists_only_its_own_language(client, index):
    page = f.EventPageFactory(parent=index, starts_at=days(2), title="中文讲座")
    f.translate(page, "en", title="Lecture in English")
    assert listed_titles(client) == ["中文讲座"]
    assert listed_titles(client, "/en/events-test/") == ["Lecture in English"]


def test_filter_by_type(client, index):
    f.EventPageFactory(parent=index, starts_at=days(2), title="讲座", event_type=EventType.LECTURE)
    f.EventPageFactory(parent=index, starts_at=days(3), title="展览", event_type=EventType.EXHIBITION)
    assert listed_titles(client, type="exhibition") == ["展览"]


def test_filter_by_audience(client, index):
    students = Audience.objects.get(slug="students")
    lecture = f.EventPageFactory(
        parent=index, starts_at=days(2), title="校园行前培训", event_type=EventType.CAMPUS
    )
    lecture.audiences.add(students)
    lecture.save_revision().publish()
    f.EventPageFactory(parent=index, starts_at=days(3), title="社区展览")
    assert listed_titles(client, audience="students") == ["校园行前培训"]


def test_filter_by_district(client, index):
    f.EventPageFactory(parent=index, starts_at=days(2), title="东城讲座", district="dongcheng")
    f.EventPageFactory(parent=index, starts_at=days(3), title="西城讲座", district="xicheng")
    assert listed_titles(client, district="xicheng") == ["西城讲座"]


def test_a_link_naming_the_district_in_words_still_filters(client, index):
    f.EventPageFactory(parent=index, starts_at=days(2), title="东城讲座", district="dongcheng")
    f.EventPageFactory(parent=index, starts_at=days(3), title="西城讲座", district="xicheng")
    assert listed_titles(client, district="西城区") == ["西城讲座"]
    assert listed_titles(client, district="Xicheng") == ["西城讲座"]


def test_filter_links_keep_each_other_and_the_tab(client, index):
    f.EventPageFactory(parent=index, starts_at=days(-2), title="东城讲座", district="dongcheng")
    html = client.get(URL, {"type": "lecture", "when": "past"}).content.decode()
    link = re.search(r'href="(\?[^"]*district=[^"]*)"', html).group(1)
    assert "type=lecture" in link and "when=past" in link


def test_an_unknown_filter_is_ignored_with_a_notice(client, index, index_en):
    f.EventPageFactory(parent=index, starts_at=days(2), title="讲座")
    response = client.get("/en/events-test/", {"type": "party"})
    assert response.status_code == 200
    assert "That type of event does not exist" in response.content.decode()


def test_the_list_is_paginated(client, index):
    for number in range(13):
        f.EventPageFactory(parent=index, starts_at=days(1 + number), title=f"讲座{number:02}")
    assert len(listed_titles(client)) == 12
    assert listed_titles(client, page="2") == ["讲座12"]


def test_a_page_number_beyond_the_end_shows_the_last_page(client, index):
    f.EventPageFactory(parent=index, starts_at=days(2), title="唯一的讲座")
    assert listed_titles(client, page="9") == ["唯一的讲座"]


def test_cards_show_places_left_counted_over_both_languages(client, index, index_en):
    page = f.EventPageFactory(parent=index, starts_at=days(2), capacity=10, title="讲座")
    copy = f.translate(page, "en", title="Lecture")
    event = f.event_of(page)
    f.RegistrationFactory(event=event, language="zh-hans")
    f.RegistrationFactory(event=event, language="en")
    f.RegistrationFactory(event=event, status="waitlisted")
    f.RegistrationFactory(event=event, status="cancelled")
    assert "8 places left" in client.get("/en/events-test/").content.decode()
    assert copy.title in client.get("/en/events-test/").content.decode()


def test_a_full_event_says_so(client, index, index_en):
    page = f.EventPageFactory(parent=index, starts_at=days(2), capacity=1)
    f.RegistrationFactory(event=f.event_of(page))
    page_en = f.translate(page, "en")
    assert page_en.live
    assert "Full: join the waitlist" in client.get("/en/events-test/").content.decode()


def test_a_cancelled_event_is_marked_cancelled(client, index):
    page = f.EventPageFactory(parent=index, starts_at=days(2), title="取消的讲座")
    event = f.event_of(page)
    event.cancelled_at = timezone.now()
    event.save()
    html = client.get(URL).content.decode()
    assert "event-card--cancelled" in html


def test_the_index_links_to_the_calendar_feed_with_a_hint(client, index, index_en):
    html = client.get("/en/events-test/").content.decode()
    assert 'href="webcal://testserver/en/events/feed.ics"' in html
    assert 'href="http://testserver/en/events/feed.ics"' in html
    assert "Open in browser" in html  # how to do it from inside WeChat


def index_queries(client, index, count):
    for number in range(count):
        page = f.EventPageFactory(parent=index, starts_at=days(1 + number), capacity=50)
        event = f.event_of(page)
        for _ in range(3):
            f.RegistrationFactory(event=event)
    client.get(URL)  # menus and settings are cached after the first visit, as on any page
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, {"district": "东城区"}).status_code == 200
    return len(captured.captured_queries)


def test_index_queries_do_not_grow_with_the_number_of_events(client, index):
    few = index_queries(client, index, 3)
    many = index_queries(client, index, 27)  # 30 in all
    assert few == many


def test_index_renders_within_the_page_query_budget(client, index, django_assert_max_num_queries):
    index_queries(client, index, 30)
    with django_assert_max_num_queries(15):
        assert client.get(URL, {"type": "lecture", "audience": "students", "when": "past"}).status_code == 200
