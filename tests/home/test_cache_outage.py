"""Redis down is not the site down (home/cache_backend.py): with REDIS_URL set and Redis unreachable,
every page renders uncached, sign-in works (sessions and lockouts are in the database), rate limits
fail open with a logged warning, and everything recovers by itself when Redis answers again."""

import logging
import shutil
import time

import pytest
import redis.exceptions
from django.core.cache import cache
from django.test import Client

from home.cache_backend import FailOpenRedisCache
from home.public_forms import RateLimits, within_rate_limit
from tests.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.redis_server import free_port, start_redis

pytestmark = pytest.mark.django_db

PAGES = ["/zh-hans/", "/en/", "/zh-hans/about/", "/zh-hans/knowledge/", "/zh-hans/search/?q=诈骗"]
LOGIN_URL = "/zh-hans/accounts/login/"


def redis_cache(location, backend="home.cache_backend.FailOpenRedisCache"):
    # As portal/settings/base.py configures it when REDIS_URL is set.
    return {
        "default": {
            "BACKEND": backend,
            "LOCATION": location,
            "KEY_PREFIX": "portal",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_cache("redis://127.0.0.1:1/0")  # nothing listens on port 1
    settings.PAGE_CACHE_ENABLED = True


def test_every_page_answers_uncached_when_redis_is_down(redis_down, caplog):
    client = Client()
    with caplog.at_level(logging.WARNING, logger="home.cache_backend"):
        for path in [*PAGES, LOGIN_URL]:
            for _ in range(2):
                assert client.get(path).status_code == 200, path
    assert "Cache unreachable" in caplog.text


def test_sign_in_works_when_redis_is_down(redis_down):
    person = UserFactory(name="断线时登录的人")
    client = Client()
    response = client.post(LOGIN_URL, {"login": person.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert "断线时登录的人" in client.get("/zh-hans/about/").content.decode()


def test_rate_limits_fail_open_with_one_logged_warning(redis_down, caplog):
    limits = RateLimits("outage-test", address_and_email=(1, 60), email=(1, 60), address=(1, 60))
    with caplog.at_level(logging.WARNING, logger="home.cache_backend"):
        assert all(within_rate_limit(limits, "203.0.113.9", "a@example.org") for _ in range(5))
    warnings = [record for record in caplog.records if record.name == "home.cache_backend"]
    assert len(warnings) == 1
    assert "rate limits are not enforced" in warnings[0].getMessage()


class FlakyClient:
    """Stands for Redis: refuses connections while `down`, else a dictionary (no expiry)."""

    down = False
    data = {}

    def __init__(self, servers, **options):
        pass

    def _check(self):
        if FlakyClient.down:
            raise redis.exceptions.ConnectionError("Connection refused.")

    def get(self, key, default):
        self._check()
        return self.data.get(key, default)

    def get_many(self, keys):
        self._check()
        return {key: self.data[key] for key in keys if key in self.data}

    def set(self, key, value, timeout):
        self._check()
        self.data[key] = value

    def add(self, key, value, timeout):
        self._check()
        if key in self.data:
            return False
        self.data[key] = value
        return True

    def incr(self, key, delta):
        self._check()
        if key not in self.data:
            raise ValueError(key)
        self.data[key] += delta
        return self.data[key]

    def delete(self, key):
        self._check()
        return self.data.pop(key, None) is not None

    def clear(self):
        self._check()
        self.data.clear()
        return True


class FlakyRedisCache(FailOpenRedisCache):
    RETRY_SECONDS = 0  # tries again at the next call

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = FlakyClient


@pytest.fixture
def flaky_redis(settings):
    FlakyClient.down = False
    FlakyClient.data = {}
    settings.CACHES = redis_cache("redis://flaky:6379/0", backend=f"{__name__}.FlakyRedisCache")
    settings.PAGE_CACHE_ENABLED = True
    yield FlakyClient
    FlakyClient.down = False


def served_from_cache(path, django_assert_num_queries):
    Client().get(path)
    with django_assert_num_queries(0):
        return Client().get(path).status_code == 200


def test_the_cache_comes_back_by_itself_and_shows_what_was_published_meanwhile(
    flaky_redis, about_zh, django_assert_num_queries, django_assert_max_num_queries
):
    assert served_from_cache("/zh-hans/about/", django_assert_num_queries)
    version_before = cache.get("portal:site-version")
    flaky_redis.down = True
    about_zh.title = "断线期间发布的标题"
    about_zh.save_revision().publish()  # its version bump cannot reach Redis
    for _ in range(2):
        response = Client().get("/zh-hans/about/")
        assert response.status_code == 200
        assert "断线期间发布的标题" in response.content.decode()
    flaky_redis.down = False
    # The copy cached before the outage is not served: the first call that reaches Redis again
    # bumps the site version.
    assert "断线期间发布的标题" in Client().get("/zh-hans/about/").content.decode()
    assert served_from_cache("/zh-hans/about/", django_assert_num_queries)
    assert cache.get("portal:site-version") > version_before


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server")
def test_a_real_redis_stopped_and_started_again(settings, django_assert_num_queries):
    port = free_port()
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{port}/0")
    settings.PAGE_CACHE_ENABLED = True
    server = start_redis(port)
    try:
        assert served_from_cache("/zh-hans/about/", django_assert_num_queries)
        server.terminate()
        server.wait(5)
        for path in [*PAGES, LOGIN_URL]:
            assert Client().get(path).status_code == 200, path
        server = start_redis(port)
        time.sleep(FailOpenRedisCache.RETRY_SECONDS)
        Client().get("/zh-hans/about/")  # reaches Redis again (and renews the version)
        assert served_from_cache("/zh-hans/about/", django_assert_num_queries)
    finally:
        server.terminate()
        server.wait(5)
