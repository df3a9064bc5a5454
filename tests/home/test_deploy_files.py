"""deploy/: what the gunicorn, nginx and systemd files promise, against the settings and commands."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands
from django.test import override_settings

from home.checks import shared_cache

DEPLOY = Path(settings.BASE_DIR) / "deploy"
README = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")


def test_gunicorn_config_loads_with_threads_and_the_nginx_limits(monkeypatch):
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:8123")
    config = {}
    exec(compile((DEPLOY / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), config)  # noqa: S102
    assert config["bind"] == "127.0.0.1:8123"
    assert config["worker_class"] == "gthread"
    assert config["workers"] >= 1 and config["threads"] >= 1
    assert config["limit_request_line"] == 8190


def test_nginx_appends_the_client_address_for_one_trusted_proxy_and_fits_the_uploads():
    site = (DEPLOY / "nginx" / "portal.conf").read_text()
    # TRUSTED_PROXY_COUNT=1 reads the right-most X-Forwarded-For entry: nginx must append, not replace.
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in site
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", site).group(1))
    largest = max(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    assert megabytes * 1024 * 1024 > largest
    assert "large_client_header_buffers 4 8k;" in site
    # The private files' folder is never served.
    assert not [alias for alias in re.findall(r"alias ([^;]+);", site) if "private" in alias]
    # The micro-cache never keeps a response for a session.
    assert "proxy_no_cache $cookie_sessionid" in site


def test_every_scheduled_command_has_a_timer_and_exists():
    timers = {path.name: path.read_text() for path in (DEPLOY / "systemd").glob("*.timer")}
    started = set()
    for text in timers.values():
        unit = re.search(r"^Unit=(\S+)$", text, re.MULTILINE).group(1)
        assert (DEPLOY / "systemd" / re.sub(r"@[^.]+", "@", unit)).exists(), unit
        match = re.match(r"portal-command@(\w+)\.service", unit)
        if match:
            started.add(match.group(1))
    commands = get_commands()
    assert started <= set(commands)
    # Every command README's cron section schedules has its timer (prune has its own service).
    cron = set(re.findall(r"manage\.py (\w+)", README.split("```cron", 1)[1].split("```", 1)[0]))
    assert cron - {"prune_db_task_results"} <= started
    assert "prune_db_task_results" in (DEPLOY / "systemd" / "portal-prune-task-results.service").read_text()
    assert "db_worker --backend portal" in (DEPLOY / "systemd" / "portal-worker.service").read_text()
    assert "deploy/gunicorn.conf.py" in (DEPLOY / "systemd" / "portal-web.service").read_text()


@pytest.mark.parametrize(
    ("backend", "warned"),
    [
        ("django.core.cache.backends.locmem.LocMemCache", True),
        ("home.cache_backend.FailOpenRedisCache", False),
        ("django.core.cache.backends.redis.RedisCache", False),
    ],
)
def test_deploy_check_warns_when_the_cache_belongs_to_each_process(backend, warned):
    caches = {"default": {"BACKEND": backend, "LOCATION": "redis://127.0.0.1:6379/0"}}
    with override_settings(CACHES=caches):
        warnings = shared_cache(None)
    assert [warning.id for warning in warnings] == (["home.W004"] if warned else [])
