"""Events in Chromium at 360 px: the index, an event page and registering for it, in Chinese and English."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from events.models import Registration
from home.models import HomePage
from tests.browser.test_accessibility import blocking_violations
from tests.events import factories as f

LANGUAGES = ["zh-hans", "en"]
NARROW = 360
PAGES = ["index", "event", "register", "sent"]
PERSON = {
    "zh-hans": {"name": "王小明", "email": "wang.xiaoming-browser@example.org"},
    "en": {"name": "Alex Smith", "email": "alex.smith-browser@example.org"},
}


@pytest.fixture
def event_paths(site_url, zh):
    """An index and an upcoming lecture with places, in Chinese and in English."""
    home = HomePage.objects.get(locale=zh, depth=2)
    index = f.EventIndexPageFactory(parent=home, slug="events-browser", title="活动")
    f.translate(index, "en", title="Events", intro="Upcoming events")
    chinese = f.EventPageFactory(
        parent=index,
        capacity=20,
        title="专家讲座：海外突发事件应急技能",
        summary="地震、火灾和交通事故发生时怎么办？急救专家现场演示。",
        map_url="https://uri.amap.com/marker?position=116.310,39.983&name=%E6%B5%B7%E6%B7%80",
        speakers=[{"type": "speaker", "value": {"name": "陈静", "role": "急救培训讲师"}}],
    )
    english = f.translate(
        chinese,
        "en",
        title="Expert lecture: emergency skills abroad",
        summary="What to do in an earthquake, a fire or a road accident: a first-aid trainer shows you.",
        venue="Community centre",
        address="1 Example Road, Dongcheng District, Beijing",
        speakers=[{"type": "speaker", "value": {"name": "Chen Jing", "role": "First-aid trainer"}}],
    )
    paths = {}
    for language, page, index_page in (
        ("zh-hans", chinese, index),
        ("en", english, index.get_translation(english.locale)),
    ):
        paths[language] = {
            "index": index_page.url,
            "event": page.url,
            "register": f"{page.url}register/",
            "sent": sent_path(language),
        }
    return paths


def open_page(page_at, path, language):
    page = page_at(NARROW, language)
    response = page.goto(path)
    assert response is not None and response.ok, f"{path} answered {response and response.status}"
    page.wait_for_load_state("load")
    return page


def page_width(page):
    """How wide the page is, and the first elements that stick out past the viewport."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))"""
    )
    return scroll_width, wide


def in_language(language, text):
    with translation.override(language):
        return gettext(text)


def sent_path(language):
    with translation.override(language):
        return reverse("events:registration_sent")


def expect_check_your_email(page, language):
    assert page.url.endswith(sent_path(language)), page.url
    expect(page.locator("main h1")).to_have_text(in_language(language, "Check your email"))
    assert page.locator("html").get_attribute("lang").lower().startswith(language[:2])


@pytest.mark.parametrize("which", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_event_pages_have_no_horizontal_scroll_at_360px(page_at, event_paths, language, which):
    page = open_page(page_at, event_paths[language][which], language)
    scroll_width, wide = page_width(page)
    assert scroll_width <= NARROW, (
        f"{which} is {scroll_width}px wide at 360px; wider than the viewport: {wide}"
    )


@pytest.mark.parametrize("which", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_event_pages_have_no_serious_axe_violations_at_360px(page_at, event_paths, language, which):
    path = event_paths[language][which]
    page = open_page(page_at, path, language)
    blocking, summary = blocking_violations(page)
    assert blocking == [], f"axe found serious/critical violations on {path} at 360px:\n{summary}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_registering_on_a_360px_screen_shows_check_your_email(page_at, event_paths, language):
    page = open_page(page_at, event_paths[language]["event"], language)
    register_link = page.locator(f'main a[href$="{event_paths[language]["register"]}"]').first
    expect(register_link).to_be_visible()
    register_link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(event_paths[language]["register"]), page.url
    person = PERSON[language]
    page.get_by_label(in_language(language, "Your name")).fill(person["name"])
    page.get_by_label(in_language(language, "Email address")).fill(person["email"])
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.locator('main form button[type="submit"]').click()
    assert posted.value.status in (302, 303), f"the form POST answered {posted.value.status}"
    page.wait_for_load_state("load")
    expect_check_your_email(page, language)
    registration = Registration.objects.get(email=person["email"])
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.language == language and registration.name == person["name"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_registration_form_is_filled_and_sent_from_the_keyboard(page_at, event_paths, language):
    page = open_page(page_at, event_paths[language]["register"], language)
    page.get_by_label(in_language(language, "Your name")).focus()
    page.keyboard.type(PERSON[language]["name"])
    page.keyboard.press("Tab")
    page.keyboard.type(PERSON[language]["email"])
    submit = page.locator('main form button[type="submit"]')
    for _ in range(10):
        page.keyboard.press("Tab")
        if submit.evaluate("button => button === document.activeElement"):
            break
    else:
        focused = page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
        pytest.fail(f"ten Tabs after the email field did not reach the submit button (at {focused})")
    box = submit.bounding_box()
    assert box is not None and box["width"] <= NARROW and box["height"] >= 24, f"submit button box: {box}"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{sent_path(language)}")
    expect_check_your_email(page, language)
    assert Registration.objects.filter(email=PERSON[language]["email"], language=language).exists()
