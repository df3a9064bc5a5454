"""Destination pages that read well under stress: numbers grouped as the country writes them, a
contents list on long pages, and "no current alerts" that never reads as "safe"."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from destinations.levels import RiskLevel
from home.validators import format_phone_for_display
from tests.destinations.factories import (
    AlertIndexPageFactory,
    DestinationFactory,
    DestinationIndexPageFactory,
    DestinationPageFactory,
    SafetyAlertPageFactory,
)
from tests.factories import translate

pytestmark = pytest.mark.django_db

LONG_PAGE = {
    "safety_and_security": "<p>注意防范盗抢。</p>",
    "local_laws": "<p>遵守当地法律。</p>",
    "health": "<p>注意饮食卫生。</p>",
    "money": "<p>注意保管财物。</p>",
}


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        ("+6625550199", "+66 2 555 0199"),  # Bangkok
        ("+861065612308", "+86 10 6561 2308"),  # Beijing
        ("+33149521950", "+33 1 49 52 19 50"),  # Paris
        ("+12025550199", "+1 202-555-0199"),  # Washington: grouped the way Americans write it
        ("+120255501990", "+120255501990"),  # a digit too many: shown as given
        ("+999123", "+999123"),  # no such country code
        ("112", "112"),  # a local short number
        ("", ""),
        (None, ""),
    ],
)
def test_numbers_are_grouped_the_way_their_country_writes_them_or_shown_as_given(number, shown):
    assert format_phone_for_display(number) == shown


@pytest.fixture
def index(home_zh):
    return DestinationIndexPageFactory(parent=home_zh)


def test_page_shows_contact_numbers_grouped_with_the_tel_link_unchanged(client, index):
    place = DestinationFactory(country="IS")
    place.contacts.update(phone="+6625550199", emergency_phone="+861065612308")
    page = DestinationPageFactory(parent=index, destination=place, title="冰岛")
    html = client.get(page.url).content.decode()
    assert '<a href="tel:+6625550199">+66 2 555 0199</a>' in html
    assert 'href="tel:+861065612308">+86 10 6561 2308</a>' in html


def test_a_long_page_lists_its_sections_with_links_to_their_headings(client, index):
    page = DestinationPageFactory(
        parent=index, destination=DestinationFactory(country="IS"), title="冰岛", **LONG_PAGE
    )
    html = client.get(page.url).content.decode()
    nav = re.search(
        r'<nav class="destination-contents" aria-labelledby="contents-heading">(.*?)</nav>', html, re.S
    )
    assert nav, "no contents list"
    assert '<h2 id="contents-heading" class="destination-contents__heading">本页内容</h2>' in nav.group(1)
    targets = re.findall(r'<a href="#([a-z-]+)">', nav.group(1))
    assert targets == [
        "alerts-heading",
        "emergency-heading",
        "entry-heading",
        "safety-heading",
        "local-laws-heading",
        "health-heading",
        "money-heading",
    ]
    for target in targets:
        assert f'id="{target}"' in html
    # On a phone it comes before the sections; from 992 px the stylesheet moves it to the right.
    assert html.index('class="destination-contents"') < html.index('id="emergency-heading"')


def test_a_short_page_has_no_contents_list(client, index):
    page = DestinationPageFactory(parent=index, destination=DestinationFactory(country="IS"), title="冰岛")
    html = client.get(page.url).content.decode()
    assert "destination-contents" not in html


def test_the_contents_list_is_in_english_on_the_english_page(client, index):
    page = DestinationPageFactory(
        parent=index, destination=DestinationFactory(country="IS"), title="冰岛", **LONG_PAGE
    )
    translate(index, "en", title="Destinations")
    en_page = translate(page, "en", title="Iceland")
    html = client.get(en_page.url).content.decode()
    assert ">On this page</h2>" in html and ">In an emergency</a>" in html


NO_SUCCESS_MARKS = ("circle-check", "alert-success", "text-success", "bg-success", "btn-success", "✓", "✔")


@pytest.mark.parametrize(("language", "words"), [("zh-hans", "暂无提醒"), ("en", "No current alerts.")])
def test_a_destination_with_no_alert_says_so_in_neutral_words(client, index, language, words):
    place = DestinationFactory(country="IS", risk_level=RiskLevel.NONE)
    page = DestinationPageFactory(parent=index, destination=place, title="冰岛")
    if language == "en":
        translate(index, "en", title="Destinations")
        page = translate(page, "en", title="Iceland")
    html = client.get(page.url).content.decode()
    section = html[html.index('class="destination-alerts destination-alerts--none"') :]
    section = section[: section.index("</section>")]
    assert words in section
    for mark in NO_SUCCESS_MARKS:
        assert mark not in html, mark


def test_an_alert_in_force_replaces_the_no_alert_words(client, index, home_zh):
    place = DestinationFactory(country="IS")
    page = DestinationPageFactory(parent=index, destination=place, title="冰岛")
    SafetyAlertPageFactory(
        parent=AlertIndexPageFactory(parent=home_zh), destinations=[place], title="冰岛火山提醒"
    )
    html = client.get(page.url).content.decode()
    assert "冰岛火山提醒" in html
    assert "destination-alerts--none" not in html


def test_the_index_shows_no_reminder_without_a_tick(client, index):
    DestinationPageFactory(
        parent=index, destination=DestinationFactory(country="IS", risk_level=RiskLevel.NONE), title="冰岛"
    )
    html = client.get(index.url).content.decode()
    item = html[html.index(">冰岛</a>") :]
    item = item[: item.index("</li>")]
    with translation.override("zh-hans"):
        assert str(RiskLevel.NONE.label) == "暂无提醒"
    assert "暂无提醒" in item and "level-icon-circle-empty" in item
    for mark in NO_SUCCESS_MARKS:
        assert mark not in html, mark


def _is_grey(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    return max(channels) - min(channels) <= 0x18


def test_no_reminder_and_alert_lists_use_neutral_colours_never_green():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "destinations.css").read_text()
    rule = re.search(r"\.risk-level-0 \{([^}]*)\}", css).group(1)
    colours = re.findall(r"#[0-9a-f]{6}", rule)
    assert len(colours) == 3 and all(_is_grey(colour) for colour in colours), rule
    item = re.search(r"\.alert-item \{([^}]*)\}", css).group(1)
    assert all(_is_grey(colour) for colour in re.findall(r"#[0-9a-f]{6}", item)), item
    card_css = (Path(settings.BASE_DIR) / "static" / "css" / "emergency-card.css").read_text()
    assert _is_grey(re.search(r"\.risk-level-0 \{ border-left-color: (#[0-9a-f]{6}); \}", card_css).group(1))
