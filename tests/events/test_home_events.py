"""The home page's section of upcoming events (the home_page_sections hook)."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Site

from events.sections import HOME_EVENTS_COUNT, home_page_sections
from home.site_cache import site_changed
from home.visibility import restricted_paths
from tests.events import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_zh):
    return f.EventIndexPageFactory(parent=home_zh)


def hours(n):
    return timezone.now() + datetime.timedelta(hours=n)


def home_html(client, language="zh-hans"):
    return client.get(f"/{language}/").content.decode()


def test_home_shows_the_next_upcoming_events_soonest_first(client, index):
    for number in range(HOME_EVENTS_COUNT + 1):
        f.EventPageFactory(
            parent=index, starts_at=hours(24 * (HOME_EVENTS_COUNT + 1 - number)), title=f"讲座{number}"
        )
    html = home_html(client)
    shown = [f"讲座{number}" for number in range(HOME_EVENTS_COUNT + 1) if f"讲座{number}" in html]
    assert shown == [f"讲座{number}" for number in range(1, HOME_EVENTS_COUNT + 1)]
    assert html.index("讲座3") < html.index("讲座2") < html.index("讲座1")
    assert 'href="/zh-hans/events-test/"' in html  # all events


def test_home_shows_events_in_the_readers_language_only(client, index):
    page = f.EventPageFactory(parent=index, title="中文讲座")
    assert "中文讲座" not in home_html(client, "en")
    f.translate(page, "en", title="Lecture in English")
    html = home_html(client, "en")
    assert "Lecture in English" in html and "中文讲座" not in html


def test_home_leaves_out_private_past_and_cancelled_events(client, index):
    f.EventPageFactory(parent=index, title="内部走访", is_private=True)
    f.EventPageFactory(parent=index, starts_at=hours(-30), title="已结束的讲座")
    cancelled = f.EventPageFactory(parent=index, title="取消的讲座")
    event = f.event_of(cancelled)
    event.cancelled_at = timezone.now()
    event.save()
    html = home_html(client)
    assert "内部走访" not in html and "已结束的讲座" not in html and "取消的讲座" not in html


def test_a_cancelled_event_leaves_the_home_page_at_once(client, index):
    page = f.EventPageFactory(parent=index, title="取消的讲座")
    assert "取消的讲座" in home_html(client)
    event = f.event_of(page)
    event.cancelled_at = timezone.now()
    event.save()
    assert "取消的讲座" not in home_html(client)


def test_an_event_that_ended_leaves_the_home_page_without_any_action(client, index):
    f.EventPageFactory(parent=index, starts_at=hours(1), hours=2, title="即将结束的讲座")
    assert "即将结束的讲座" in home_html(client)
    with mock.patch("django.utils.timezone.now", return_value=hours(4)):
        assert "即将结束的讲座" not in home_html(client)


def test_no_section_without_upcoming_events(rf, db):
    with translation.override("zh-hans"), mock.patch("events.sections.upcoming_events", return_value=[]):
        assert home_page_sections(rf.get("/zh-hans/")) is None


def section_request(client):
    client.get("/zh-hans/")  # the site root paths and restricted paths are cached, as on any page
    request = RequestFactory().get("/zh-hans/")
    request.META["HTTP_HOST"] = "localhost"
    return request


def test_section_costs_no_query_once_cached(client, index):
    f.EventPageFactory(parent=index, title="领事保护讲座")
    request = section_request(client)
    with translation.override("zh-hans"):
        home_page_sections(request)
        with CaptureQueriesContext(connection) as captured:
            section = home_page_sections(request)
    assert [event.title for event in section.context["events"]] == ["领事保护讲座"]
    assert len(captured.captured_queries) == 0


def test_section_is_built_in_one_query(client, index):
    for _ in range(5):
        f.EventPageFactory(parent=index)
    request = section_request(client)
    site_changed()
    Site.find_for_request(request)  # the home page has found its site already
    restricted_paths()  # cached for every page already: not this section's query
    with translation.override("zh-hans"), CaptureQueriesContext(connection) as captured:
        home_page_sections(request)
    assert len(captured.captured_queries) <= 1


def test_home_page_stays_within_its_query_budget_with_many_events(
    client, index, django_assert_max_num_queries
):
    for number in range(25):
        f.EventPageFactory(parent=index, starts_at=hours(24 * (number + 1)))
    client.get("/zh-hans/")
    with django_assert_max_num_queries(15):
        assert client.get("/zh-hans/").status_code == 200
