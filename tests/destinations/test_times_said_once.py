"""A list of alerts says "Beijing time, UTC+8" once, not after every time in it (GLOSSARY.md, "Voice")."""

import pytest

from tests.destinations import factories as f

pytestmark = pytest.mark.django_db

ZONE_ZH = "北京时间"


@pytest.fixture
def three_alerts(home_zh):
    index = f.AlertIndexPageFactory(parent=home_zh)
    place = f.DestinationFactory(country="IS")
    for number in range(3):
        f.SafetyAlertPageFactory(parent=index, destinations=[place], title=f"冰岛火山提醒 {number}")
    return index


def test_home_alerts_say_the_zone_once(client, three_alerts):
    html = client.get("/zh-hans/").content.decode()
    section = html[html.index("冰岛火山提醒 0") - 2000 :]
    section = section[: section.index("</section>")]
    assert section.count("冰岛火山提醒") == 3
    assert section.count(ZONE_ZH) == 1


def test_alert_index_says_the_zone_once_per_list(client, three_alerts):
    html = client.get(three_alerts.url).content.decode()
    in_force = html[html.index('id="active-heading"') :]
    in_force = in_force[: in_force.index("</section>")]
    assert in_force.count("冰岛火山提醒") == 3
    assert in_force.count(ZONE_ZH) == 1
