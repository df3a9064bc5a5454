"""Keyboard access and the small-screen layout, in a real browser."""

import pytest

LANGUAGES = ["zh-hans", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_skip_link_moves_focus_to_main_content(page_at, language):
    page = page_at(1280, language)
    page.goto(f"/{language}/")
    skip_link = page.locator("a.skip-link")

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
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
    assert page.url.endswith("#main")
    assert page.evaluate("document.activeElement.tagName") == "MAIN"

    # The next Tab goes to the first focusable thing inside main, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)"), (
        "Tab after the skip link left main: " + page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
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
