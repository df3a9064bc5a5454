"""The guards in tests/conftest.py: a transactional test must use ``rebuild_site``, and a
``postgres_only`` test must be marked ``engine`` (or CI would run it on neither database)."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.test import TestCase, TransactionTestCase

from tests.conftest import is_transactional, missing_rebuild_site, postgres_only_without_engine

PROJECT = Path(__file__).resolve().parent.parent


def fake_item(fixtures=(), marks=(), cls=None):
    """What the guards read from a pytest item: its node id, fixture closure, closest marks and class."""
    by_name = {}
    for mark in marks:
        by_name.setdefault(mark.name, mark)
    return SimpleNamespace(
        nodeid="tests/test_x.py::test_x",
        fixturenames=list(fixtures),
        cls=cls,
        get_closest_marker=by_name.get,
    )


@pytest.mark.parametrize(
    "item",
    [
        fake_item(),
        fake_item(["db"], [pytest.mark.django_db.mark]),
        fake_item(["transactional_db", "rebuild_site"]),
        fake_item(["live_server", "transactional_db", "rebuild_site"]),
        fake_item(["rebuild_site"], [pytest.mark.django_db(transaction=True).mark]),
        fake_item(cls=TestCase),
    ],
    ids=["no database", "db", "transactional_db and rebuild_site", "live_server and rebuild_site",
         "transaction=True and rebuild_site", "TestCase"],
)  # fmt: skip
def test_what_keeps_the_site_passes(item):
    assert missing_rebuild_site(item) is None


@pytest.mark.parametrize(
    "item",
    [
        fake_item(["transactional_db"]),
        fake_item(["site_url", "live_server"]),  # through another fixture: the closure lists it
        fake_item(marks=[pytest.mark.django_db(transaction=True).mark]),
        fake_item(marks=[pytest.mark.django_db(True).mark]),
        fake_item(marks=[pytest.mark.django_db(transaction=True, reset_sequences=True).mark]),
        fake_item(cls=TransactionTestCase),
    ],
    ids=["transactional_db", "live_server", "transaction=True", "django_db(True)", "reset_sequences",
         "TransactionTestCase"],
)  # fmt: skip
def test_a_transactional_test_without_rebuild_site_is_refused_with_the_fix(item):
    assert is_transactional(item)
    message = missing_rebuild_site(item)
    assert message.startswith("tests/test_x.py::test_x is transactional")
    assert "rebuild_site" in message and "usefixtures" in message


def test_postgres_only_must_be_marked_engine():
    engine, postgres_only = pytest.mark.engine.mark, pytest.mark.postgres_only.mark
    assert postgres_only_without_engine(fake_item(marks=[postgres_only]))
    assert not postgres_only_without_engine(fake_item(marks=[postgres_only, engine]))
    assert not postgres_only_without_engine(fake_item(marks=[engine]))
    assert not postgres_only_without_engine(fake_item())


def test_the_hooks_fail_before_any_flush_runs(tmp_path):
    """A real pytest run with the project's hooks: the transactional test without rebuild_site fails in
    its setup (before pytest-django would create a database), the others are untouched."""
    (tmp_path / "conftest.py").write_text(
        textwrap.dedent(
            """
            from pathlib import Path

            import pytest

            from tests.conftest import pytest_collection_modifyitems, pytest_runtest_setup  # noqa: F401


            @pytest.fixture(scope="session")
            def django_db_setup():
                Path("database-was-set-up").touch()
            """
        )
    )
    (tmp_path / "test_sample.py").write_text(
        textwrap.dedent(
            """
            import pytest

            def test_plain():
                pass

            def test_flushes(transactional_db):
                pass

            @pytest.mark.django_db(transaction=True)
            def test_flushes_by_marker():
                pass
            """
        )
    )
    env = os.environ | {"PYTHONPATH": str(PROJECT), "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", "-q", "-rE"]
    run = subprocess.run(  # noqa: S603
        [*command, str(tmp_path)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert "1 passed, 2 errors" in run.stdout, run.stdout + run.stderr
    assert "test_sample.py::test_flushes is transactional" in run.stdout
    assert "test_sample.py::test_flushes_by_marker is transactional" in run.stdout
    assert not (tmp_path / "database-was-set-up").exists()

    (tmp_path / "test_sample.py").write_text(
        "import pytest\n\n\n@pytest.mark.postgres_only\ndef test_nowhere():\n    pass\n"
    )
    run = subprocess.run(  # noqa: S603
        [*command, str(tmp_path)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == pytest.ExitCode.USAGE_ERROR, run.stdout + run.stderr
    assert "test_sample.py::test_nowhere" in run.stderr


@pytest.mark.postgres_only
@pytest.mark.engine
@pytest.mark.django_db(transaction=True)
def test_rebuild_site_copies_the_snapshot_back_on_postgresql(rebuild_site):
    """What a transactional test changed, and what the flush after it empties, comes back."""
    from django.db import connection
    from wagtail.models import Page, Site

    from home.models import HomePage
    from tests.conftest import restore_snapshot

    pages, sites = Page.objects.count(), Site.objects.count()
    assert HomePage.objects.filter(depth=2).count() == 2
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    assert not HomePage.objects.exists()

    restore_snapshot(connection)

    assert (Page.objects.count(), Site.objects.count()) == (pages, sites)
    assert HomePage.objects.filter(depth=2).count() == 2
