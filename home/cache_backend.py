"""Django's Redis cache, failing open: the cache is an accelerator, so Redis down is never a 500.

While Redis cannot be reached every call answers as an empty cache would (`get` the default, `set`
nothing kept, `incr` ValueError, the "missing key" callers already handle), and `add` says it added
(allauth takes a lock with `add` before counting a sign-in: refused, it would refuse the sign-in). So
pages render uncached, sessions and lockouts (in the database) keep working, and rate limits count
nothing: they fail open. One warning is logged per `WARN_SECONDS` at most. After a failure the backend
does not try Redis again for `RETRY_SECONDS` (a blackholed host costs one socket timeout, not one per
call), then tries again by itself: no restart. When it answers again the site version is bumped first
(a publish during the outage could not bump it), so no page cached before the outage is served after.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

FAILURES = (RedisError, OSError)


class FailOpenRedisCache(RedisCache):
    RETRY_SECONDS = 2.0
    WARN_SECONDS = 60.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._failed = False
        self._warned_at = None

    def _call(self, name, default, *args, **kwargs):
        now = time.monotonic()
        if now < self._down_until:
            return self._unavailable(name, default)
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except FAILURES as error:
            self._failed = True
            self._down_until = now + self.RETRY_SECONDS
            if self._warned_at is None or now - self._warned_at >= self.WARN_SECONDS:
                self._warned_at = now
                logger.warning(
                    "Cache unreachable (%s): pages render uncached and rate limits are not enforced "
                    "until it answers again.",
                    error,
                )
            return self._unavailable(name, default)
        if self._failed:
            self._failed = False
            self._warned_at = None
            logger.warning("Cache reachable again: pages are cached and rate limits enforced.")
            self._recovered()
            if name in ("get", "get_many", "has_key"):
                # Read again after the bump: a page read in this call may be one cached before it.
                return self._call(name, default, *args, **kwargs)
        return result

    @staticmethod
    def _unavailable(name, default):
        if name == "incr":
            raise ValueError("Cache unavailable.")
        return default

    def _recovered(self):
        from .site_cache import VERSION_KEY

        try:
            super().incr(VERSION_KEY)
        except ValueError:
            pass  # no version stored: nothing was cached under one either
        except FAILURES:
            self._failed = True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", True, key, value, timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version=version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", None, key, delta, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version=version)

    def clear(self):
        return self._call("clear", False)
