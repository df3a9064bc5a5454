"""The home page's destination finder in Chromium at 360 px: type a country in Chinese or pinyin, pick
it, land on its page; and axe on the pages it leads to (home, a long destination page, the picker)."""

import re

import pytest
from playwright.sync_api import expect

from home.models import HomePage
from tests.browser.test_accessibility import check_page
from tests.destinations.factories import (
    DestinationFactory,
    DestinationIndexPageFactory,
    DestinationPageFactory,
)
from tests.factories import translate

NARROW = 360
LONG_PAGE = {
    "local_laws": "<p>遵守当地法律。</p>",
    "health": "<p>注意饮食卫生。</p>",
    "money": "<p>注意保管财物。</p>",
}


@pytest.fixture
def thailand(site_url, zh):
    """Thailand and France with pages in Chinese and English under the only destination index."""
    home = HomePage.objects.get(locale=zh, depth=2)
    index = DestinationIndexPageFactory(parent=home, slug="destinations")
    translate(index, "en", title="Destinations")
    pages = {}
    for code, zh_name, en_name in (("TH", "泰国", "Thailand"), ("FR", "法国", "France")):
        page = DestinationPageFactory(
            parent=index, destination=DestinationFactory(country=code), title=zh_name, **LONG_PAGE
        )
        pages[code] = (page, translate(page, "en", title=en_name))
    chinese, english = pages["TH"]
    return {"zh-hans": chinese.url, "en": english.url}


@pytest.mark.parametrize("typed", ["泰国", "taiguo"])
def test_finder_takes_a_reader_to_the_thailand_page_at_360px(page_at, thailand, typed):
    page = page_at(NARROW, "zh-hans")
    page.goto("/zh-hans/")
    box = page.get_by_role("combobox", name="国家或地区")
    box.press_sequentially(typed, delay=30)
    expect(box).to_have_attribute("aria-expanded", "true")
    suggestion = page.get_by_role("option", name=re.compile("^泰国"))
    expect(suggestion).to_be_visible()
    expect(page.get_by_role("option")).to_have_count(1)
    box.press("ArrowDown")
    expect(suggestion).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", suggestion.get_attribute("id"))
    box.press("Enter")
    page.wait_for_url(f"**{thailand['zh-hans']}")
    expect(page.get_by_role("heading", level=1)).to_have_text("泰国")


def test_picking_a_suggestion_by_touch_and_escape_closing_the_list(page_at, thailand):
    page = page_at(NARROW, "en")
    page.goto("/en/")
    box = page.get_by_role("combobox", name="Country or region")
    box.press_sequentially("fr", delay=30)
    expect(page.get_by_role("option", name=re.compile("^France"))).to_be_visible()
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("a", delay=30)
    page.get_by_role("option", name=re.compile("^France")).click()
    page.wait_for_url("**/en/destinations/fr/")


@pytest.mark.parametrize(
    ("path", "language", "width"),
    [
        ("/zh-hans/", "zh-hans", NARROW),
        ("/en/", "en", NARROW),
        ("thailand", "zh-hans", NARROW),
        ("thailand", "en", 1280),
        ("/zh-hans/alerts/subscribe/", "zh-hans", NARROW),
    ],
    ids=["home-zh-360", "home-en-360", "destination-zh-360", "destination-en-1280", "subscribe-zh-360"],
)
def test_finder_pages_have_no_serious_axe_violations(page_at, thailand, path, language, width):
    check_page(page_at, thailand[language] if path == "thailand" else path, width, language)
