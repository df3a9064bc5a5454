"""A destination page, its emergency card and the alert subscription form in Chromium, at 360 px."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from home.models import HomePage
from tests.browser.test_accessibility import check_page
from tests.destinations.factories import (
    DestinationFactory,
    DestinationIndexPageFactory,
    DestinationPageFactory,
)
from tests.factories import translate

LANGUAGES = ["zh-hans", "en"]
NARROW = 360


@pytest.fixture
def destination_paths(site_url, zh):
    """Iceland with an embassy and a consulate, its page in Chinese and in English."""
    home = HomePage.objects.get(locale=zh, depth=2)
    place = DestinationFactory(
        country="IS", contacts=2, police_number="112", ambulance_number="112", fire_number="112"
    )
    index = DestinationIndexPageFactory(parent=home, slug="destinations-browser")
    chinese = DestinationPageFactory(parent=index, destination=place, title="冰岛")
    english = translate(
        chinese,
        "en",
        title="Iceland",
        summary="Generally safe; watch the weather before you go hiking.",
        safety_and_security="<p>Glaciers and black-sand beaches are dangerous: keep to marked paths.</p>",
    )
    return {"zh-hans": chinese.url, "en": english.url, "place": place}


def page_width(page):
    """How wide the page is, and the first elements that stick out past the viewport."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))"""
    )
    return scroll_width, wide


def open_page(page_at, path, language):
    page = page_at(NARROW, language)
    response = page.goto(path)
    assert response is not None and response.ok, f"{path} answered {response and response.status}"
    page.wait_for_load_state("load")
    return page


@pytest.mark.parametrize("language", LANGUAGES)
def test_destination_page_has_no_horizontal_scroll_at_360px(page_at, destination_paths, language):
    page = open_page(page_at, destination_paths[language], language)
    scroll_width, wide = page_width(page)
    assert scroll_width <= NARROW, f"page is {scroll_width}px wide at 360px; wider than the viewport: {wide}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_destination_page_has_no_serious_axe_violations_at_360px(page_at, destination_paths, language):
    check_page(page_at, destination_paths[language], NARROW, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_destination_page_numbers_dial_and_emails_open_mail(page_at, destination_paths, language):
    page = open_page(page_at, destination_paths[language], language)
    contacts = list(destination_paths["place"].contacts.all())
    expect(page.locator('a[href="tel:112"]').first).to_be_visible()
    for contact in contacts:
        expect(page.locator(f'a[href="tel:{contact.emergency_phone}"]').first).to_be_visible()
        expect(page.locator(f'a[href="tel:{contact.phone}"]').first).to_be_attached()
        expect(page.locator(f'a[href="mailto:{contact.email}"]').first).to_be_attached()


@pytest.mark.parametrize("language", LANGUAGES)
def test_emergency_card_downloads_as_a_pdf_in_the_readers_language(page_at, destination_paths, language):
    page = open_page(page_at, destination_paths[language], language)
    link = page.locator(".emergency-card-link a")
    expect(link).to_be_visible()
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == f"emergency-card-is-{language}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


@pytest.mark.parametrize("language", LANGUAGES)
def test_subscribe_form_has_no_horizontal_scroll_at_360px(page_at, destination_paths, language):
    page = open_page(page_at, f"/{language}/alerts/subscribe/", language)
    scroll_width, wide = page_width(page)
    assert scroll_width <= NARROW, f"form is {scroll_width}px wide at 360px; wider than the viewport: {wide}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_subscribe_form_has_no_serious_axe_violations_at_360px(page_at, destination_paths, language):
    check_page(page_at, f"/{language}/alerts/subscribe/", NARROW, language)


def test_subscribing_in_chinese_leads_to_check_your_email(page_at, destination_paths):
    from destinations.models import AlertSubscription

    page = open_page(page_at, "/zh-hans/alerts/subscribe/", "zh-hans")
    page.locator('input[name="email"]').fill("traveller-browser@example.org")
    # The destinations are found by typing (pinyin here); the checkbox that matches is the one sent.
    page.locator("#destination-picker-input").press_sequentially("bingdao", delay=20)
    page.locator('input[type="checkbox"][value="IS"]').check()
    expect(page.locator(".destination-chip")).to_have_text("冰岛×")
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.locator('main form button[type="submit"]').click()
    assert posted.value.status in (302, 303), (
        f"the form POST answered {posted.value.status} (a 403 here is the CSRF check: a page sent with "
        "Referrer-Policy: no-referrer makes Chromium send Origin: null)"
    )
    page.wait_for_load_state("load")
    assert page.url.endswith("/zh-hans/alerts/subscribe/sent/"), page.url
    with translation.override("zh-hans"):
        expected = gettext("Check your email")
    expect(page.locator("main h1")).to_have_text(expected)
    assert page.locator("html").get_attribute("lang").lower().startswith("zh")
    subscription = AlertSubscription.objects.get(email="traveller-browser@example.org")
    assert subscription.confirmed_at is None and subscription.language == "zh-hans"
