import os
import subprocess
import sys

import pytest


@pytest.mark.django_db
def test_health_check_answers_ok_without_caching(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def settings_value(expression, **env):
    script = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
        [sys.executable, "-c", script],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def test_redis_cache_when_redis_url_is_set():
    backend = settings_value("settings.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/3")
    assert backend == "django.core.cache.backends.redis.RedisCache"


def test_postgres_when_database_url_says_so():
    engine = settings_value(
        "settings.DATABASES['default']['ENGINE']", DATABASE_URL="postgres://postgres@127.0.0.1:5432/portal"
    )
    assert engine == "django.db.backends.postgresql"


def test_sqlite_default_uses_wal_and_immediate_transactions():
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "o = settings.DATABASES['default']['OPTIONS']; "
        "print(o['transaction_mode'], 'WAL' in o['init_command'])"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "IMMEDIATE True"
