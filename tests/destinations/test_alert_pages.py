"""The alerts index (in force, then the archive) and a safety alert page; alerts end by themselves."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from destinations.levels import RiskLevel
from tests.destinations import factories as f

pytestmark = pytest.mark.django_db

MANY_CODES = ["AD", "AG", "AI", "AL", "AM", "AO", "AS", "AW", "AX", "AZ"]


@pytest.fixture
def place(db):
    return f.DestinationFactory(country="IS")


@pytest.fixture
def alerts_index(home_zh):
    return f.AlertIndexPageFactory(parent=home_zh)


@pytest.fixture
def alerts_index_en(alerts_index):
    return f.translate(alerts_index, "en", title="Safety alerts")


def alert_for(index, places, **fields):
    """An alert for several destinations. Setting them on the page sorts them in memory by Country,
    which fails (Destination.Meta.ordering is ["country"]): rows go in through the join table."""
    first, *others = places
    alert = f.SafetyAlertPageFactory(parent=index, destinations=[first], **fields)
    through = type(alert).destinations.through
    through.objects.bulk_create(through(safetyalertpage=alert, destination=other) for other in others)
    return alert


def hours(n):
    return timezone.now() + datetime.timedelta(hours=n)


def later(moment):
    """Time moves on: django.utils.timezone.now() answers a later moment."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_index_shows_alerts_in_force_then_past_ones(client, alerts_index, place):
    f.SafetyAlertPageFactory(
        parent=alerts_index, destinations=[place], title="暴风雪提醒", valid_until=hours(5)
    )
    f.SafetyAlertPageFactory(
        parent=alerts_index,
        destinations=[place],
        title="已结束的提醒",
        valid_from=hours(-48),
        valid_until=hours(-24),
    )
    html = client.get(alerts_index.url).content.decode()
    active, archive = html.split('id="archive-heading"')
    assert "暴风雪提醒" in active and "已结束的提醒" not in active
    assert "已结束的提醒" in archive


def test_index_does_not_show_an_alert_before_it_starts(client, alerts_index, place):
    f.SafetyAlertPageFactory(
        parent=alerts_index, destinations=[place], title="明天生效的提醒", valid_from=hours(24)
    )
    assert "明天生效的提醒" not in client.get(alerts_index.url).content.decode()
    with later(hours(25)):
        assert "明天生效的提醒" in client.get(alerts_index.url).content.decode()


def test_an_alert_past_its_end_leaves_the_active_list_by_itself(client, alerts_index, place):
    f.SafetyAlertPageFactory(
        parent=alerts_index, destinations=[place], title="即将结束的提醒", valid_until=hours(2)
    )
    html = client.get(alerts_index.url).content.decode()
    assert "即将结束的提醒" in html.split('id="archive-heading"')[0]
    with later(hours(3)):
        active, archive = client.get(alerts_index.url).content.decode().split('id="archive-heading"')
    assert "即将结束的提醒" not in active
    assert "即将结束的提醒" in archive


def test_an_alert_past_its_end_leaves_its_destination_page_by_itself(client, home_zh, alerts_index, place):
    page = f.DestinationPageFactory(parent=f.DestinationIndexPageFactory(parent=home_zh), destination=place)
    f.SafetyAlertPageFactory(
        parent=alerts_index, destinations=[place], title="即将结束的提醒", valid_until=hours(2)
    )
    assert "即将结束的提醒" in client.get(page.url).content.decode()
    with later(hours(3)):
        assert "即将结束的提醒" not in client.get(page.url).content.decode()


def test_destination_page_shows_only_its_own_alerts_on_top(client, home_zh, alerts_index, place):
    page = f.DestinationPageFactory(parent=f.DestinationIndexPageFactory(parent=home_zh), destination=place)
    f.SafetyAlertPageFactory(parent=alerts_index, destinations=[place], title="冰岛火山提醒")
    f.SafetyAlertPageFactory(
        parent=alerts_index, destinations=[f.DestinationFactory(country="PE")], title="秘鲁游行提醒"
    )
    html = client.get(page.url).content.decode()
    assert "冰岛火山提醒" in html and "秘鲁游行提醒" not in html
    assert html.index("冰岛火山提醒") < html.index('id="emergency-heading"')


def test_archive_is_paginated(client, alerts_index, place):
    for number in range(25):
        f.SafetyAlertPageFactory(
            parent=alerts_index,
            destinations=[place],
            title=f"旧提醒{number:02d}",
            valid_from=hours(-100),
            valid_until=hours(-50 + number),
        )
    first = client.get(alerts_index.url).content.decode()
    second = client.get(alerts_index.url, {"page": "2"}).content.decode()
    assert "旧提醒24" in first and "旧提醒00" not in first
    assert "旧提醒00" in second and "旧提醒24" not in second


def test_archive_page_number_out_of_range_shows_the_last_page(client, alerts_index_en, alerts_index, place):
    f.SafetyAlertPageFactory(
        parent=alerts_index, destinations=[place], title="Old", valid_from=hours(-100), valid_until=hours(-50)
    )
    html = client.get(alerts_index_en.url, {"page": "99"}).content.decode()
    assert "There are not that many pages" in html


def test_index_links_the_atom_feed(client, alerts_index_en):
    html = client.get(alerts_index_en.url).content.decode()
    assert '<link rel="alternate" type="application/atom+xml" href="/en/feeds/alerts/"' in html
    assert 'href="/en/feeds/alerts/">' in html


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_index_queries_do_not_grow_with_alerts(client, alerts_index, place):
    f.SafetyAlertPageFactory(parent=alerts_index, destinations=[place], title="在生效")
    f.SafetyAlertPageFactory(
        parent=alerts_index, destinations=[place], valid_from=hours(-100), valid_until=hours(-50)
    )
    few = queries_for(client, alerts_index.url)
    others = [f.DestinationFactory(country=code) for code in MANY_CODES]
    for number in range(24):
        alert_for(alerts_index, [place, *others[: number % 10]])
        alert_for(
            alerts_index,
            [place, *others[: number % 10]],
            valid_from=hours(-100),
            valid_until=hours(-50 + number),
        )
    many = queries_for(client, alerts_index.url)
    assert few == many <= 15


# A safety alert page


def test_alert_page_shows_times_in_beijing_time_with_the_zone(client, alerts_index, alerts_index_en, place):
    starts = datetime.datetime(2026, 11, 30, 6, 0, tzinfo=datetime.UTC)
    alert = f.SafetyAlertPageFactory(
        parent=alerts_index,
        destinations=[place],
        valid_from=starts,
        valid_until=starts + datetime.timedelta(days=3650),
    )
    en_alert = f.translate(alert, "en", title="Volcano")
    html = client.get(en_alert.url).content.decode()
    assert (
        '<time datetime="2026-11-30T14:00+08:00">30 November 2026, 14:00 (Beijing time, UTC+8)</time>' in html
    )


def test_alert_page_shows_level_summary_body_and_source(client, alerts_index, place):
    alert = f.SafetyAlertPageFactory(
        parent=alerts_index,
        destinations=[place],
        level=RiskLevel.DO_NOT_TRAVEL,
        source="中国驻冰岛使馆",
        source_url="https://is.china-embassy.gov.cn/",
    )
    html = client.get(alert.url).content.decode()
    assert "level-icon-octagon-stop" in html
    assert "近期当地治安形势严峻" in html and "请密切关注当地安全形势" in html
    assert '<a href="https://is.china-embassy.gov.cn/" rel="noopener">中国驻冰岛使馆</a>' in html


def test_alert_page_links_destinations_with_a_live_page_in_the_readers_language(
    client, home_zh, alerts_index, place
):
    peru = f.DestinationFactory(country="PE")
    page = f.DestinationPageFactory(parent=f.DestinationIndexPageFactory(parent=home_zh), destination=place)
    alert = alert_for(alerts_index, [place, peru])
    html = client.get(alert.url).content.decode()
    assert f'<a href="{page.url}">冰岛</a>' in html
    assert "秘鲁" in html and ">秘鲁</a>" not in html


def test_ended_alert_says_so_and_stays_readable(client, alerts_index, place):
    alert = f.SafetyAlertPageFactory(
        parent=alerts_index,
        destinations=[place],
        title="旧提醒",
        valid_from=hours(-48),
        valid_until=hours(-24),
    )
    response = client.get(alert.url)
    assert response.status_code == 200
    assert "safety-alert__state--ended" in response.content.decode()
    assert "请密切关注当地安全形势" in response.content.decode()


def test_alert_page_queries_are_bounded(client, alerts_index, place, django_assert_max_num_queries):
    others = [f.DestinationFactory(country=code) for code in MANY_CODES]
    alert = alert_for(alerts_index, [place, *others])
    client.get(alert.url)
    with django_assert_max_num_queries(15):
        assert client.get(alert.url).status_code == 200
