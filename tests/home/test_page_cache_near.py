"""The page cache's near copies (home/page_cache.py): with Redis, each process keeps the pages it served,
and a hit reads only the site version from Redis. A copy is served only under the version Redis holds
now, so a change made through another server, Redis down, or Redis emptied never shows an old page."""

import shutil

import pytest
import redis
from django.test import Client
from wagtail.models import Page

from home import page_cache
from tests.redis_server import free_port, start_redis

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server"),
]

PATH = "/zh-hans/about/"


@pytest.fixture
def shared_cache(settings):
    """The page cache on a redis-server of this test's own, as production configures it."""
    port = free_port()
    server = start_redis(port)
    settings.CACHES = {
        "default": {
            "BACKEND": "home.cache_backend.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": "portal",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.PAGE_CACHE_ENABLED = True
    page_cache._near.clear()
    try:
        yield redis.Redis(port=port), server
    finally:
        page_cache._near.clear()
        server.terminate()
        server.wait(5)


def page_entries(client):
    return client.keys("*page-cache:*")


def retitle(page, title):
    """An edit that sends no signal here, as one made through another server."""
    Page.objects.filter(pk=page.pk).update(title=title)


def test_a_hit_is_served_from_the_near_copy_reading_only_the_version(
    shared_cache, about_zh, django_assert_num_queries
):
    redis_client, _server = shared_cache
    first = Client().get(PATH)
    assert first.status_code == 200
    assert page_entries(redis_client)
    redis_client.delete(*page_entries(redis_client))  # only this process's copy is left
    with django_assert_num_queries(0):
        second = Client().get(PATH)
    assert second.status_code == 200
    assert second.content == first.content


def test_a_change_made_through_another_server_shows_at_once(shared_cache, about_zh):
    redis_client, _server = shared_cache
    Client().get(PATH)
    retitle(about_zh, "另一台服务器发布的标题")
    (version_key,) = redis_client.keys("*site-version")
    redis_client.incr(version_key)  # what a publish on the other server does
    assert "另一台服务器发布的标题" in Client().get(PATH).content.decode()


def test_no_near_copy_is_served_while_redis_is_down(shared_cache, about_zh):
    _redis_client, server = shared_cache
    Client().get(PATH)
    server.terminate()
    server.wait(5)
    retitle(about_zh, "缓存断线时的标题")
    response = Client().get(PATH)
    assert response.status_code == 200
    assert "缓存断线时的标题" in response.content.decode()


def test_redis_emptied_never_brings_back_an_old_copy(shared_cache, about_zh):
    # Redis restarted without persistence: the version starts again, at a number never used before.
    redis_client, _server = shared_cache
    Client().get(PATH)
    redis_client.flushall()
    retitle(about_zh, "缓存清空后的标题")
    Client().get("/zh-hans/")  # another page first (another process, say) starts the version again
    assert "缓存清空后的标题" in Client().get(PATH).content.decode()


def test_near_copies_stay_within_their_byte_limit_oldest_out_first():
    copies = page_cache._NearCopies()

    def entry(size):
        return (1, float("inf"), 200, {}, b"x" * size)

    for name in "abcd":
        copies.keep(name, entry(100), limit=400)
    copies.keep("e", entry(100), limit=400)
    assert copies.get("a") is None
    assert all(copies.get(name) for name in "bcde")
    copies.keep("huge", entry(101), limit=400)  # over a quarter of the limit: never kept
    assert copies.get("huge") is None
    assert copies.get("b") is not None


def test_a_local_memory_cache_keeps_no_near_copies(settings, about_zh):
    settings.PAGE_CACHE_ENABLED = True
    page_cache._near.clear()
    Client().get(PATH)
    Client().get(PATH)
    assert not page_cache._near._entries
