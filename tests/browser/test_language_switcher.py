"""The language switcher leads to the translation of the page you are on."""

import re

from playwright.sync_api import expect


def test_language_switcher_leads_to_translation_at_1280px(page_at):
    page = page_at(1280, "zh-hans")
    page.goto("/zh-hans/about/")
    assert page.get_attribute("html", "lang") == "zh-Hans"
    link = page.locator(".language-switcher").get_by_role("link", name="English")
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(r"/en/about/$"))
    assert page.get_attribute("html", "lang") == "en"
    expect(page.locator(".language-switcher [aria-current]")).to_have_attribute("lang", "en")


def test_language_switcher_stays_in_the_header_at_360px(page_at):
    page = page_at(360, "zh-hans")
    page.goto("/zh-hans/about/")
    link = page.locator(".language-switcher").get_by_role("link", name="English")
    expect(link).to_be_visible()  # outside the collapsed menu: no need to open it
    expect(link).to_have_text("ENEnglish")  # "EN" shown, "English" for screen readers
    expect(page.locator("button.navbar-toggler")).to_have_attribute("aria-expanded", "false")
    box = link.bounding_box()
    assert box["y"] + box["height"] <= 200 and box["x"] + box["width"] <= 360  # on the first screen
    link.click()
    expect(page).to_have_url(re.compile(r"/en/about/$"))
    assert page.get_attribute("html", "lang") == "en"


def test_language_switcher_from_english_back_to_chinese(page_at):
    page = page_at(1280, "en")
    page.goto("/en/about/")
    page.locator(".language-switcher").get_by_role("link", name="简体中文").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/about/$"))
    assert page.get_attribute("html", "lang") == "zh-Hans"
