"""Fixtures every test folder shares.

The bilingual demo tree (home pages, standard pages, topics, settings) is built once per test
database, right after migrations, so ordinary tests (rolled back after each) start from a real
site. Tests that use ``transactional_db`` or ``live_server`` empty every table afterwards, so they
rebuild it with ``rebuild_site`` (see tests/browser).
"""

import io

import pytest
from django.db import connections
from wagtail.models import Locale

from home.demo import DemoSeeder
from home.models import HomePage, PortalSettings, StandardPage


def seed_site():
    DemoSeeder(io.StringIO()).run()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        seed_site()
        # Transactional tests (serialized rollback) restore this snapshot: migrations' data and the demo tree.
        for alias in connections:
            connection = connections[alias]
            if connection.settings_dict.get("TEST", {}).get("SERIALIZE", True):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rolled-back rows would otherwise leave cached menus behind."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def rebuild_site(django_db_serialized_rollback, transactional_db):
    """For transactional tests: what Wagtail's migrations created and the demo tree, restored each time."""


@pytest.fixture
def zh(db):
    return Locale.objects.get(language_code="zh-hans")


@pytest.fixture
def en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home_zh(zh):
    return HomePage.objects.get(locale=zh, depth=2)


@pytest.fixture
def home_en(en):
    return HomePage.objects.get(locale=en, depth=2)


@pytest.fixture
def about_zh(home_zh):
    return StandardPage.objects.child_of(home_zh).get(slug="about")


@pytest.fixture
def portal_settings(home_zh):
    from wagtail.models import Site

    return PortalSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def make_user(db):
    from tests.accounts.factories import UserFactory

    return UserFactory


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests (row locks, concurrent requests) are skipped, visibly, on SQLite."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://...")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def without_demo_content(db):
    """For tests about an empty site: the demo's content index and its pages removed (rolled back after)."""
    from home.models import ContentIndexPage

    for index in ContentIndexPage.objects.filter(slug="knowledge", depth=3):
        index.delete()
