"""The home page's section of safety alerts in force (the home_page_sections hook)."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Site

from destinations.levels import RiskLevel
from destinations.sections import home_page_sections
from home.site_cache import site_changed
from home.visibility import restricted_paths
from tests.destinations import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def alerts_index(home_zh):
    return f.AlertIndexPageFactory(parent=home_zh)


@pytest.fixture
def place(db):
    return f.DestinationFactory(country="IS")


def hours(n):
    return timezone.now() + datetime.timedelta(hours=n)


def test_home_shows_alerts_in_force_with_their_level(client, alerts_index, place):
    f.SafetyAlertPageFactory(
        parent=alerts_index, destinations=[place], title="冰岛火山提醒", level=RiskLevel.DO_NOT_TRAVEL
    )
    html = client.get("/zh-hans/").content.decode()
    section = html[html.index("冰岛火山提醒") - 1500 : html.index("冰岛火山提醒")]
    assert "level-icon-octagon-stop" in section
    assert 'id="level-icon-octagon-stop"' in html  # the icon sprite is on the page


def test_home_shows_alerts_in_the_readers_language_only(client, alerts_index, place):
    alert = f.SafetyAlertPageFactory(parent=alerts_index, destinations=[place], title="冰岛火山提醒")
    assert "冰岛火山提醒" not in client.get("/en/").content.decode()
    f.translate(alerts_index, "en", title="Safety alerts")
    f.translate(alert, "en", title="Volcano in Iceland")
    html = client.get("/en/").content.decode()
    assert "Volcano in Iceland" in html and "冰岛火山提醒" not in html


def test_expired_alert_leaves_the_home_page_without_any_action(client, alerts_index, place):
    f.SafetyAlertPageFactory(
        parent=alerts_index, destinations=[place], title="即将结束的提醒", valid_until=hours(2)
    )
    assert "即将结束的提醒" in client.get("/zh-hans/").content.decode()
    with mock.patch("django.utils.timezone.now", return_value=hours(3)):
        assert "即将结束的提醒" not in client.get("/zh-hans/").content.decode()


def test_home_does_not_show_ended_or_future_alerts(client, alerts_index, place):
    f.SafetyAlertPageFactory(
        parent=alerts_index,
        destinations=[place],
        title="已结束的提醒",
        valid_from=hours(-48),
        valid_until=hours(-1),
    )
    f.SafetyAlertPageFactory(
        parent=alerts_index, destinations=[place], title="明天的提醒", valid_from=hours(24)
    )
    html = client.get("/zh-hans/").content.decode()
    assert "已结束的提醒" not in html and "明天的提醒" not in html


def section_request(client):
    client.get("/zh-hans/")  # the site root paths and restricted paths are cached, as on any page
    request = RequestFactory().get("/zh-hans/")
    request.META["HTTP_HOST"] = "localhost"
    return request


def test_section_costs_no_query_once_cached(client, alerts_index, place):
    f.SafetyAlertPageFactory(parent=alerts_index, destinations=[place], title="冰岛火山提醒")
    request = section_request(client)
    with translation.override("zh-hans"):
        home_page_sections(request)
        with CaptureQueriesContext(connection) as captured:
            section = home_page_sections(request)
    assert [alert.title for alert in section.context["alerts"]] == ["冰岛火山提醒"]
    assert len(captured.captured_queries) == 0


def test_section_is_built_in_one_query(client, alerts_index, place):
    f.SafetyAlertPageFactory(parent=alerts_index, destinations=[place], title="冰岛火山提醒")
    request = section_request(client)
    site_changed()
    Site.find_for_request(request)  # the home page has found its site already
    restricted_paths()  # cached for every page already: not this section's query
    with translation.override("zh-hans"), CaptureQueriesContext(connection) as captured:
        home_page_sections(request)
    assert len(captured.captured_queries) <= 1


def test_section_is_left_out_when_no_alert_is_in_force(rf, db):
    with translation.override("zh-hans"), mock.patch("destinations.sections.active_alerts", return_value=[]):
        assert home_page_sections(rf.get("/zh-hans/")) is None


def test_home_page_stays_within_its_query_budget_with_many_alerts(
    client, alerts_index, place, django_assert_max_num_queries
):
    for number in range(10):
        f.SafetyAlertPageFactory(parent=alerts_index, destinations=[place], title=f"提醒{number}")
    client.get("/zh-hans/")
    with django_assert_max_num_queries(15):
        assert client.get("/zh-hans/").status_code == 200
