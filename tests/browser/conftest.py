"""Real-browser tests: Playwright's sync API driving Debian's Chromium against ``live_server``.

Playwright cannot download its own browsers here, so we launch the system Chromium
(``CHROMIUM_PATH``, ``/usr/bin/chromium`` by default). Where it is missing the tests are skipped
on a developer's machine, but under ``CI=true`` that is a failure, never a skip.

Every test in this folder is marked ``browser`` and runs against ``live_server`` with
``rebuild_site`` (tests/conftest.py): ``live_server`` makes the test transactional, which empties
every table afterwards, and ``rebuild_site`` restores the demo site before each test.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API keeps an asyncio event loop in the test thread; Django refuses ORM calls
# (e.g. the transactional flush after each test) from such a thread unless told it is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

BROWSER_DIR = Path(__file__).parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCALES = {"zh-hans": "zh-CN", "en": "en-US"}


def pytest_collection_modifyitems(config, items):
    """Mark everything here ``browser`` and run it last.

    Running last keeps Playwright's event loop (started once per session) out of the way of the
    other tests; pytest-django already puts transactional tests after the others.
    """
    browser_items, others = [], []
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)
            browser_items.append(item)
        else:
            others.append(item)
    items[:] = others + browser_items


@pytest.fixture(scope="session")
def chromium_path():
    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        message = (
            f"Chromium not found at {path}: install it with `sudo apt-get install chromium` "
            "or set CHROMIUM_PATH"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true: browser tests must run)", pytrace=False)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path, django_db_setup):
    """One Chromium for the session.

    Once Playwright's event loop runs in this thread, Django's per-thread connection store
    (asgiref's ``Local``) switches to per-context storage and would hand out fresh connection
    objects: without the snapshot ``rebuild_site`` restores (tests/conftest.py), and,
    on PostgreSQL, a second session that blocks dropping the test database. So the database is
    set up first and the existing connection objects are carried over into the loop's context.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    existing = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in existing.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site_url(browser, rebuild_site, live_server):
    """The live server's base URL.

    ``browser`` comes first so the (session-wide) live server shares the connections Django uses
    inside Playwright's loop; ``rebuild_site`` has restored the demo site before the page loads.
    """
    return live_server.url


@pytest.fixture
def page_at(browser, site_url):
    """Factory: ``page_at(width, language="zh-hans")`` opens a fresh context and page.

    ``language`` is a site language code (``zh-hans`` / ``en``) or a browser locale (``zh-CN``).
    Contexts are closed after the test.
    """
    contexts = []

    def make(width=1280, language="zh-hans", height=800):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            locale=LOCALES.get(language, language),
            base_url=site_url,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
