"""Fixtures every test folder shares.

The bilingual demo tree (home pages, standard pages, topics, settings) is built once per test
database, right after migrations, so ordinary tests (rolled back after each) start from a real
site. Tests that use ``transactional_db`` or ``live_server`` empty every table afterwards, so they
rebuild it with ``rebuild_site`` (see tests/browser); ``pytest_runtest_setup`` below fails one that
does not, before its flush can empty the site for the tests after it.
"""

import io

import pytest
from django.db import connections, transaction
from wagtail.models import Locale

from home.demo import DemoSeeder
from home.models import HomePage, PortalSettings, StandardPage


def seed_site():
    DemoSeeder(io.StringIO()).run()


# On PostgreSQL, the copy of every table that rebuild_site restores (a schema of the test database).
SNAPSHOT_SCHEMA = "rebuild_site_snapshot"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        seed_site()
        # Transactional tests restore this snapshot (rebuild_site): migrations' data and the demo tree.
        for alias in connections:
            connection = connections[alias]
            if not connection.settings_dict.get("TEST", {}).get("SERIALIZE", True):
                continue
            if connection.vendor == "postgresql":
                take_snapshot(connection)
                # Django's serialized rollback then has nothing to load (rebuild_site copies the rows
                # back, 0.1 s instead of several seconds), but its flush still leaves out post_migrate.
                connection._test_serialized_contents = "[]"
            else:
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


def site_tables(connection):
    """The tables Django's flush empties after a transactional test, quoted."""
    names = connection.introspection.django_table_names(only_existing=True, include_views=False)
    return [connection.ops.quote_name(name) for name in sorted(names)]


def take_snapshot(connection):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SNAPSHOT_SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SNAPSHOT_SCHEMA}")
        for table in site_tables(connection):
            cursor.execute(f"CREATE TABLE {SNAPSHOT_SCHEMA}.{table} AS TABLE {table}")


def restore_snapshot(connection):
    """Every table as the snapshot has it, in one transaction (foreign keys are checked at commit)."""
    tables = site_tables(connection)  # names from Django's introspection, quoted: no outside input
    delete = "; ".join(f"DELETE FROM {table}" for table in tables)  # noqa: S608
    copy = "; ".join(f"INSERT INTO {table} SELECT * FROM {SNAPSHOT_SCHEMA}.{table}" for table in tables)  # noqa: S608
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(delete)
        cursor.execute(copy)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rolled-back rows would otherwise leave cached menus behind."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def rebuild_site(django_db_serialized_rollback, transactional_db):
    """For transactional tests: what Wagtail's migrations created and the demo tree, restored each time.

    Django's serialized rollback reloads the snapshot django_db_setup took on SQLite; on PostgreSQL
    the rows are copied back from the snapshot's schema here (the first transactional test finds the
    demo tree already there, each later one the tables the last one's flush emptied).
    """
    for alias in connections:
        connection = connections[alias]
        if connection.vendor == "postgresql" and connection.settings_dict.get("TEST", {}).get(
            "SERIALIZE", True
        ):
            restore_snapshot(connection)


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
    """PostgreSQL-only tests (row locks, concurrent requests) are skipped, visibly, on SQLite.

    Each of them must be marked ``engine`` too: CI leaves ``postgres_only`` out of the SQLite run and
    picks ``engine`` for the PostgreSQL run, so one without ``engine`` would run nowhere.
    """
    from django.conf import settings

    unpicked = [item.nodeid for item in items if postgres_only_without_engine(item)]
    if unpicked:
        raise pytest.UsageError(
            "Marked postgres_only but not engine, so CI would run them on neither database: "
            + ", ".join(unpicked)
            + ". Add pytest.mark.engine next to postgres_only."
        )
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://...")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


def postgres_only_without_engine(item):
    return item.get_closest_marker("postgres_only") is not None and item.get_closest_marker("engine") is None


def is_transactional(item):
    """Whether pytest-django runs `item` in a transactional test case (as pytest-django decides it):
    ``transactional_db`` or ``live_server`` among its fixtures (directly or through another fixture),
    ``django_db(transaction=True)`` or ``reset_sequences=True``, or a unittest ``TransactionTestCase``."""
    from django.test import TestCase, TransactionTestCase
    from pytest_django.fixtures import validate_django_db

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase) and not issubclass(cls, TestCase):
        return True
    marker = item.get_closest_marker("django_db")
    if marker is not None:
        transaction, reset_sequences, *_ = validate_django_db(marker)
        if transaction or reset_sequences:
            return True
    fixtures = getattr(item, "fixturenames", ())
    return "transactional_db" in fixtures or "live_server" in fixtures


def missing_rebuild_site(item):
    """The failure message for a transactional test without ``rebuild_site``, else None.

    A transactional test empties every table when it ends: the root page, the default Site, the
    locales, the groups and the workflow Wagtail's migrations made, and the demo tree. Every later
    test that expects them (all browser tests, on PostgreSQL) then fails far from the cause.
    """
    if not is_transactional(item) or "rebuild_site" in getattr(item, "fixturenames", ()):
        return None
    return (
        f"{item.nodeid} is transactional (transactional_db, live_server or django_db(transaction=True)) "
        "but does not use the rebuild_site fixture: its flush would empty the site for every later test. "
        'Add the fixture (an argument, or @pytest.mark.usefixtures("rebuild_site")); see tests/conftest.py.'
    )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Fails a transactional test without ``rebuild_site`` before any fixture (and its flush) runs."""
    message = missing_rebuild_site(item)
    if message:
        pytest.fail(message, pytrace=False)


@pytest.fixture
def without_demo_content(db):
    """For tests about an empty site: the demo's content index and its pages removed (rolled back after)."""
    from home.models import ContentIndexPage

    for index in ContentIndexPage.objects.filter(slug="knowledge", depth=3):
        index.delete()
