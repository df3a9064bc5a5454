"""Atom feeds of safety alerts: all alerts per language, and per destination."""

import datetime

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from tests.destinations import factories as f

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def alerts_index(home_zh):
    return f.AlertIndexPageFactory(parent=home_zh)


def entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    return feed, [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def test_feed_of_all_alerts_parses_and_lists_the_languages_alerts(client, alerts_index):
    iceland, peru = f.DestinationFactory(country="IS"), f.DestinationFactory(country="PE")
    f.SafetyAlertPageFactory(
        parent=alerts_index, destinations=[iceland], title="冰岛火山提醒", slug="volcano"
    )
    f.SafetyAlertPageFactory(parent=alerts_index, destinations=[peru], title="秘鲁游行提醒", slug="protest")
    feed, items = entries(client, "/zh-hans/feeds/alerts/")
    titles = [item["title"] for item in items]
    assert any("冰岛火山提醒" in title for title in titles)
    assert any("秘鲁游行提醒" in title for title in titles)
    links = [item["link"] for item in items]
    assert "http://testserver/zh-hans/alerts-test/volcano/" in links
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"


def test_feed_entry_says_the_level_destinations_and_times(client, alerts_index):
    alert = f.SafetyAlertPageFactory(
        parent=alerts_index, destinations=[f.DestinationFactory(country="IS")], slug="volcano"
    )
    en_alert = f.translate(alert, "en", title="Volcano", summary="Eruption near Grindavik.")
    _feed, items = entries(client, "/en/feeds/alerts/")
    item = next(item for item in items if item["link"].endswith(en_alert.url))
    assert item["title"] == "Travel with caution: Volcano"
    assert "Eruption near Grindavik." in item["summary"]
    assert "Iceland" in item["summary"]
    assert "(Beijing time, UTC+8)" in item["summary"]


def test_feed_keeps_only_its_own_language(client, alerts_index):
    alert = f.SafetyAlertPageFactory(
        parent=alerts_index, destinations=[f.DestinationFactory(country="IS")], title="只有中文"
    )
    _feed, items = entries(client, "/en/feeds/alerts/")
    assert all("只有中文" not in item["title"] for item in items)
    assert alert.url not in [item["link"] for item in items]


def test_feed_of_one_destination_lists_only_its_alerts(client, alerts_index):
    iceland, peru = f.DestinationFactory(country="IS"), f.DestinationFactory(country="PE")
    f.SafetyAlertPageFactory(parent=alerts_index, destinations=[iceland], title="冰岛火山提醒")
    f.SafetyAlertPageFactory(parent=alerts_index, destinations=[peru], title="秘鲁游行提醒")
    _feed, items = entries(client, "/zh-hans/feeds/alerts/is/")
    titles = " ".join(item["title"] for item in items)
    assert "冰岛火山提醒" in titles
    assert "秘鲁游行提醒" not in titles


def test_feed_keeps_ended_alerts(client, alerts_index):
    now = timezone.now()
    f.SafetyAlertPageFactory(
        parent=alerts_index,
        destinations=[f.DestinationFactory(country="IS")],
        title="已结束",
        valid_from=now - datetime.timedelta(days=3),
        valid_until=now - datetime.timedelta(days=1),
    )
    _feed, items = entries(client, "/zh-hans/feeds/alerts/is/")
    assert any("已结束" in item["title"] for item in items)


def test_feed_of_an_unknown_destination_is_not_found(client):
    assert client.get("/zh-hans/feeds/alerts/zz/").status_code == 404


def test_feed_queries_do_not_grow_with_alerts(client, alerts_index, django_assert_max_num_queries):
    place = f.DestinationFactory(country="IS")
    for number in range(25):
        f.SafetyAlertPageFactory(parent=alerts_index, destinations=[place], title=f"提醒{number}")
    client.get("/zh-hans/feeds/alerts/")
    with django_assert_max_num_queries(10):
        assert client.get("/zh-hans/feeds/alerts/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/zh-hans/feeds/alerts/is/").status_code == 200
