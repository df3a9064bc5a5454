"""Large-text mode (适老化) in Chromium: one switch in the header, remembered in localStorage and applied
before the page paints; every page stays usable at 360 px; axe finds nothing serious with it on or off."""

import pytest
from playwright.sync_api import expect

from home.models import ContentIndexPage, HomePage
from tests.browser.test_accessibility import blocking_violations
from tests.destinations import factories as destination_factories
from tests.events import factories as event_factories
from tests.home import factories as cf

NARROW, WIDE = 360, 1280
STORAGE_KEY = "portal-large-text"


def turn_large_text_on(page):
    """Before any page script runs, as if the visitor had turned it on during an earlier visit."""
    page.add_init_script(f"window.localStorage.setItem('{STORAGE_KEY}', 'on')")


def root_font_size(page):
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def assert_no_horizontal_scroll(page, path):
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + el.className)"""
    )
    assert scroll_width <= NARROW, f"{path} is {scroll_width}px wide with large text; sticking out: {wide}"


def test_the_switch_turns_large_text_on_and_it_stays_on_after_a_reload(page_at):
    page = page_at(NARROW, "zh-hans")
    page.goto("/zh-hans/")
    switch = page.get_by_role("button", name="大字")
    expect(switch).to_be_visible()  # in the header, not behind the menu button
    expect(switch).to_have_attribute("aria-pressed", "false")
    normal = root_font_size(page)

    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    expect(page.locator("html")).to_have_class("large-text")
    assert root_font_size(page) >= normal * 1.2
    button_height = page.locator("header .navbar-toggler").bounding_box()["height"]
    assert button_height >= 44  # touch targets grow too

    page.reload()
    expect(page.locator("html")).to_have_class("large-text")
    expect(page.get_by_role("button", name="大字")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate(f"window.localStorage.getItem('{STORAGE_KEY}')") == "on"

    page.get_by_role("button", name="大字").click()
    expect(page.locator("html")).not_to_have_class("large-text")
    page.reload()
    expect(page.get_by_role("button", name="大字")).to_have_attribute("aria-pressed", "false")
    assert root_font_size(page) == normal

    page.emulate_media(media="print")  # a printed page carries no switches
    expect(page.get_by_role("button", name="大字")).to_be_hidden()
    page.emulate_media(media="screen")


def test_large_text_is_applied_before_the_first_paint(page_at):
    """The class is on <html> before the body is parsed: the script runs in <head>, not deferred."""
    page = page_at(NARROW, "en")
    turn_large_text_on(page)
    page.add_init_script(
        """new MutationObserver((records, observer) => {
            if (document.body) {
                window.largeTextWhenBodyStarts = document.documentElement.classList.contains('large-text');
                observer.disconnect();
            }
        }).observe(document, {childList: true, subtree: true});"""
    )
    page.goto("/en/")
    assert page.evaluate("window.largeTextWhenBodyStarts") is True
    expect(page.get_by_role("button", name="Larger text")).to_have_attribute("aria-pressed", "true")


@pytest.fixture
def pages_to_check(site_url, zh):
    """The Chinese home page, an article, the content index, a destination page and an event page."""
    home = HomePage.objects.get(locale=zh, depth=2)
    index = ContentIndexPage.objects.child_of(home).live().first()
    article = cf.ArticlePageFactory(
        parent=index,
        title="海外遇到电信诈骗怎么办？请先挂断电话，再通过使领馆官网公布的号码回拨核实",
        summary="冒充使领馆、公检法的电话诈骗：识别、应对和求助（12308，境外拨打 +86-10-12308）。",
    )
    place = destination_factories.DestinationFactory(country="IS", contacts=2)
    destinations = destination_factories.DestinationIndexPageFactory(
        parent=home, slug="destinations-large-text"
    )
    destination = destination_factories.DestinationPageFactory(
        parent=destinations, destination=place, title="冰岛"
    )
    events = event_factories.EventIndexPageFactory(parent=home, slug="events-large-text", title="活动")
    event = event_factories.EventPageFactory(
        parent=events, title="领事保护进社区：海外安全知识讲座与应急技能演练"
    )
    return ["/zh-hans/", article.url, index.url, destination.url, event.url]


def test_every_page_stays_within_360px_with_large_text(page_at, pages_to_check):
    page = page_at(NARROW, "zh-hans")
    turn_large_text_on(page)
    for path in pages_to_check:
        response = page.goto(path)
        assert response is not None and response.ok, f"{path} answered {response and response.status}"
        expect(page.locator("html")).to_have_class("large-text")
        assert_no_horizontal_scroll(page, path)
        if path == pages_to_check[1]:  # the article: its print button shows once the script runs
            expect(page.get_by_role("button", name="打印本页")).to_be_visible()
            expect(page.locator(".share-tools__qr")).to_be_hidden()  # the QR code is for wide screens


@pytest.mark.parametrize("width", [NARROW, WIDE], ids=lambda width: f"{width}px")
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_home_and_content_index_have_no_serious_axe_violations_with_large_text_on_and_off(
    page_at, language, width
):
    for large_text in (False, True):
        page = page_at(width, language)
        if large_text:
            turn_large_text_on(page)
        for path in (f"/{language}/", f"/{language}/knowledge/"):
            response = page.goto(path)
            assert response is not None and response.ok, f"{path} answered {response and response.status}"
            page.wait_for_load_state("load")
            assert page.evaluate("document.documentElement.classList.contains('large-text')") is large_text
            blocking, summary = blocking_violations(page)
            mode = "on" if large_text else "off"
            assert blocking == [], f"axe on {path} at {width}px, large text {mode}:\n{summary}"
