"""The portal with no signal, in Chromium: a saved destination, its emergency card and the offline page;
nothing personal in the service worker's caches; a deploy replaces the old caches (home/pwa.py,
home/service_worker.js, static/js/pwa.js)."""

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from destinations.levels import RiskLevel
from home.models import HomePage
from tests.browser.test_accessibility import blocking_violations
from tests.destinations.factories import (
    DestinationFactory,
    DestinationIndexPageFactory,
    DestinationPageFactory,
)
from tests.events.factories import RegistrationFactory

NARROW = 360

# Every cache's keys, and the text of each cached HTML answer, read from the page.
CACHED = """async () => {
    const found = {};
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        found[name] = [];
        for (const request of await cache.keys()) {
            const response = await cache.match(request);
            const type = response.headers.get("Content-Type") || "";
            const html = type.startsWith("text/html") ? await response.text() : "";
            found[name].push({url: request.url, html});
        }
    }
    return found;
}"""

# Resolves once a service worker controls the page (after its first install, when it claims it).
CONTROLLED = """() => navigator.serviceWorker.controller ? true : new Promise((resolve) => {
    navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true), {once: true});
})"""


@pytest.fixture
def iceland(site_url, zh):
    """Iceland's page in Chinese: an embassy, local emergency numbers."""
    home = HomePage.objects.get(locale=zh, depth=2)
    place = DestinationFactory(country="IS", contacts=1, police_number="112", ambulance_number="112")
    index = DestinationIndexPageFactory(parent=home, slug="destinations-offline")
    return DestinationPageFactory(parent=index, destination=place, title="冰岛")


def controlled_page(page_at, path, language="zh-hans"):
    page = page_at(NARROW, language)
    page.goto(path)
    page.evaluate(CONTROLLED)
    return page


def test_saved_destination_its_card_and_the_offline_page_open_with_no_signal(page_at, iceland):
    page = controlled_page(page_at, iceland.url)
    page.get_by_role("button", name="保存到本机，离线查看").click()
    # Saving waits for the emergency card, rendered on first request (fonts load once per process).
    expect(page.get_by_role("button", name="删除")).to_be_visible(timeout=30_000)
    expect(page.locator("[data-save-status]")).to_contain_text("已于")

    page.context.set_offline(True)
    page.goto(iceland.url)
    expect(page.locator("h1")).to_have_text("冰岛")
    expect(page.locator(".pwa-notice--saved")).to_contain_text("保存在本机的副本")
    expect(page.locator('.destination-emergency a[href^="tel:"]').first).to_be_visible()
    with page.expect_download() as download:
        page.locator(".destination-emergency a[download]").click()
    with open(download.value.path(), "rb") as card:
        assert card.read(5) == b"%PDF-"

    # Somewhere never visited: the offline page in the page's language, with what this phone keeps.
    page.goto("/zh-hans/site-map/")
    expect(page.locator("h1")).to_have_text("没有网络连接")
    expect(page.locator('a[href="tel:+861012308"]').first).to_be_visible()
    expect(page.locator(".offline-hotline")).to_contain_text("12308")
    expect(page.locator("[data-saved-list]")).to_contain_text("冰岛")
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW
    blocking, summary = blocking_violations(page)
    assert blocking == [], f"axe on the offline page:\n{summary}"

    # Online again after the level changed: the top of the page says so, and the copy is refreshed.
    place = iceland.destination
    place.risk_level = RiskLevel.DO_NOT_TRAVEL
    place.save()
    page.context.set_offline(False)
    page.goto(iceland.url)
    expect(page.locator(".pwa-notice--level")).to_contain_text("暂勿前往")


def test_personal_pages_never_land_in_the_caches(page_at, site_url, make_user, iceland):
    person = make_user(email="offline-person@example.org", name="林小雨")
    registration = RegistrationFactory(name="林小雨", email="offline-person@example.org")
    client = Client()
    client.force_login(person)
    page = controlled_page(page_at, "/zh-hans/offline/")
    cookie = django_settings.SESSION_COOKIE_NAME
    page.context.add_cookies([{"name": cookie, "value": client.cookies[cookie].value, "url": site_url}])
    cancel = f"/zh-hans/events/registrations/{registration.cancel_token}/cancel/"
    for path in ("/zh-hans/my/", cancel, iceland.url, "/zh-hans/"):
        response = page.goto(path)
        assert response is not None and response.ok, path
    expect(page.locator('a[href$="/accounts/logout/"]')).to_have_count(1)
    page.wait_for_timeout(500)  # the worker keeps pages after answering

    cached = page.evaluate(CACHED)
    urls = [entry["url"] for entries in cached.values() for entry in entries]
    assert not [url for url in urls if "/my/" in url or "/cancel/" in url]
    signed_in_pages = [url for url in urls if url.endswith((iceland.url, "/zh-hans/"))]
    assert signed_in_pages == [], "pages a signed-in person saw are private"
    for entries in cached.values():
        for entry in entries:
            assert "林小雨" not in entry["html"], entry["url"]
            assert "csrfmiddlewaretoken" not in entry["html"], entry["url"]


def test_a_new_deploy_replaces_the_old_caches(page_at, site_url, iceland, settings):
    page = controlled_page(page_at, iceland.url)
    assert page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.scope)") == f"{site_url}/"
    page.get_by_role("button", name="保存到本机，离线查看").click()
    # Saving waits for the emergency card, rendered on first request (fonts load once per process).
    expect(page.get_by_role("button", name="删除")).to_be_visible(timeout=30_000)
    before = page.evaluate("caches.keys()")
    old = [name for name in before if name.startswith("portal-static-")]
    assert len(old) == 1 and "portal-saved" in before

    settings.PWA_VERSION = "the next release"
    page.evaluate(
        """async () => {
            const changed = new Promise((resolve) =>
                navigator.serviceWorker.addEventListener("controllerchange", resolve, {once: true}));
            await (await navigator.serviceWorker.getRegistration()).update();
            await changed;
        }"""
    )
    # The new worker controls the page first, then deletes the old caches.
    for _ in range(50):
        after = page.evaluate("caches.keys()")
        if old[0] not in after:
            break
        page.wait_for_timeout(100)
    assert [name for name in after if name.startswith("portal-static-")] != old
    assert not [name for name in after if old[0].removeprefix("portal-static-") in name]
    assert "portal-saved" in after, "what people saved outlives a deploy"
