"""Check-in on an officer's phone (360 px): the QR code's page and the event's list, in both languages."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from events.models import Registration
from tests.browser.test_accessibility import blocking_violations
from tests.events.factories import EventFactory, RegistrationFactory

NARROW = 360


@pytest.fixture
def officer_page(page_at, site_url, make_user):
    """Factory: a 360 px page signed in as an officer (a session cookie made by Django's client)."""
    officer = make_user(email="door-officer@example.org")
    officer.groups.add(Group.objects.get(name="Officers"))
    client = Client()
    client.force_login(officer)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value

    def make(language):
        page = page_at(NARROW, language)
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site_url}])
        return page

    return make


@pytest.fixture
def registration(db):
    event = EventFactory(title="校园行前培训：海外安全与领事保护", venue="示例大学国际交流中心报告厅")
    for number in range(5):
        RegistrationFactory(event=event, name=f"同学 {number}", organisation="示例大学")
    return RegistrationFactory(event=event, name="王小明", organisation="示例大学国际教育学院")


def path(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def open_page(page, url):
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    page.wait_for_load_state("load")
    return page


def assert_fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW, f"{page.url} is {width}px wide at 360px"


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_qr_page_checks_in_with_its_big_button_on_a_360px_screen(officer_page, registration, language):
    page = open_page(officer_page(language), path(language, "events:check_in", registration.check_in_code))
    assert_fits(page)
    blocking, summary = blocking_violations(page)
    assert blocking == [], summary

    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")

    expect(page.locator("main [role=status]").first).to_be_visible()
    assert Registration.objects.get(pk=registration.pk).checked_in_at is not None
    assert_fits(page)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_check_in_list_fits_a_360px_screen_without_axe_violations(officer_page, registration, language):
    page = open_page(officer_page(language), path(language, "events:event_check_in", registration.event_id))

    assert_fits(page)
    blocking, summary = blocking_violations(page)
    assert blocking == [], summary
