"""Keyboard access and the small-screen layout, in a real browser."""

import pytest
from playwright.sync_api import expect

LANGUAGES = ["zh-hans", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_skip_link_moves_focus_to_main_content(page_at, language):
    page = page_at(1280, language)
    page.goto(f"/{language}/")
    skip_link = page.locator("a.skip-link")
    assert skip_link.count() == 1, "no skip link"
    assert skip_link.get_attribute("href") == "#main"
    text = skip_link.text_content().strip()
    if language == "en":
        assert text == "Skip to main content"
    else:
        assert text and text != "Skip to main content", f"skip link not translated: {text!r}"

    box = skip_link.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 0, "the skip link is off screen until focused"

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')"), (
        "the first Tab stop is not the skip link: "
        + page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
    )
    box = skip_link.bounding_box()
    assert box is not None and box["y"] >= 0 and box["height"] > 0, f"focused skip link not on screen: {box}"
    assert skip_link.is_visible()

    page.keyboard.press("Enter")
    # (not page.wait_for_function: its polling needs eval, which the site's CSP rightly forbids)
    expect(page.locator("main#main")).to_be_focused()
    assert page.url.endswith("#main")
    assert page.evaluate("document.activeElement.tagName") == "MAIN"

    # The next Tab goes to the first focusable thing inside main, not back to the header.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)"), (
        f"Tab after the skip link left main: {focused}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_horizontal_scroll_at_360px(page_at, language):
    page = page_at(360, language)
    page.goto(f"/{language}/")
    page.wait_for_load_state("load")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))"""
    )
    assert scroll_width <= 360, f"page is {scroll_width}px wide at 360px; wider than the viewport: {wide}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_emergency_bar_call_link_dials_12308(page_at, language):
    page = page_at(360, language)
    page.goto(f"/{language}/")
    call = page.locator(".emergency-bar a.emergency-bar__call")
    href = call.get_attribute("href")
    assert href.startswith("tel:+86"), href
    assert href.replace("-", "").endswith("12308"), href
    assert "12308" in call.inner_text()
    assert call.is_visible()
    assert page.evaluate("window.scrollY") == 0
    box = call.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 200, (
        f"the call link is not in the first 200px at 360px: {box}"
    )
