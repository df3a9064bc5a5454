import pytest

from tests.django_process import last_line, run_django


@pytest.mark.django_db
def test_health_check_answers_ok_without_caching(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def dev_setting(expression, **env):
    snippet = f"from django.conf import settings; print({expression})"
    return last_line(run_django(snippet, "portal.settings.dev", drop=("DATABASE_URL", "REDIS_URL"), **env))


def test_redis_cache_when_redis_url_is_set():
    backend = dev_setting("settings.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/3")
    assert backend == "home.cache_backend.FailOpenRedisCache"  # Django's RedisCache, failing open


def test_local_memory_cache_without_redis_url():
    assert dev_setting("settings.CACHES['default']['BACKEND']").endswith("LocMemCache")


def test_postgres_when_database_url_says_so():
    engine = dev_setting(
        "settings.DATABASES['default']['ENGINE']", DATABASE_URL="postgres://postgres@127.0.0.1:5432/portal"
    )
    assert engine == "django.db.backends.postgresql"


def test_sqlite_default_uses_wal_and_immediate_transactions():
    options = "settings.DATABASES['default']['OPTIONS']"
    assert (
        dev_setting(f"{options}['transaction_mode'], 'WAL' in {options}['init_command']") == "IMMEDIATE True"
    )
