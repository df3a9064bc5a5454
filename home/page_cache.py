"""The page cache: what an anonymous visitor gets, kept whole and served before any other work.

Design (issue 18, items 1 and 2):

- `PageCacheMiddleware` sits right after SecurityMiddleware and WhiteNoise, before sessions, locale,
  CSRF, CSP, axes and ours. A hit returns the stored bytes with every header the page had (CSP,
  Content-Language, Vary...), so it costs one cache round trip and no query.
- Keyed on the request's scheme, host, full path with its query string and language (URL prefix,
  language cookie or Accept-Language, as Django's LocaleMiddleware would choose). The entry holds the
  site version of `home.site_cache` it was rendered under; one `get_many` reads the entry and the
  current version together, and an entry from an older version is never served. Every editorial change
  bumps the version (publish, unpublish, move, delete, view restrictions, settings, and the models
  `CONTENT_MODELS` lists: topics, questions, destination facts, events, images, documents...).
- Never personal: only GET and HEAD without a session, messages or Authorization, answered 200 and
  not streamed, with no cookie set, no CSRF token used, no `private`/`no-store`/`no-cache` in
  Cache-Control, no Vary beyond Cookie/Accept-Language/Accept-Encoding, no preview, and nothing that
  called `do_not_store()` (an unanswered search that is logged, for one). A private event already says
  `private`; view-restricted pages need a session (password) or a sign-in. Anything else rendered for a
  request that had a session or a signed-in person says `private, no-store`.
- Never stale with the clock: code that shows something time-bound tells the page when it changes
  (`expires_at(moment)`: an alert's end or start, an event's end) or asks for a short life
  (`expires_in(seconds)`: places left on the events pages). Every entry also ends at Beijing midnight
  ("today") and after PAGE_CACHE_SECONDS at most.
- Headers: a stored page says `max-age=0, public, s-maxage=PAGE_CACHE_SHARED_SECONDS` (browsers always
  ask again; a shared proxy such as nginx's micro-cache may keep it those few seconds, the one place a
  page can be seconds old) with `Vary: Cookie`; other anonymous pages `max-age=0`; personal ones
  `private, no-store`.
- Shared through Redis when REDIS_URL is set (home.cache_backend: an outage makes every page render
  uncached, never a 500). With local memory each process keeps its own cache and its own version, so
  run one process, or set REDIS_URL when several serve the site.
- Near copies: with a shared cache each process also keeps the entries it read or stored in its own
  memory (`_NearCopies`, at most PAGE_CACHE_NEAR_BYTES), so a hit reads only the small site version
  from Redis instead of the whole page (a hit then costs about what a local-memory hit does). A near
  copy is served only when its version is the one Redis holds now and it has not expired, so it is
  exactly as fresh as the shared entry; with Redis unreachable there is no version, and nothing is
  served from them.
"""

import contextvars
import datetime
import hashlib
import math
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from wagtail.models import Page

from .site_cache import VERSION_KEY, first_version, site_changed
from .times import BEIJING

__all__ = ["PageCacheMiddleware", "do_not_store", "expires_at", "expires_in"]

KEY_PREFIX = "page-cache:"
ALLOWED_VARY = {"cookie", "accept-language", "accept-encoding"}
FORBIDDEN_CACHE_CONTROL = {"private", "no-store", "no-cache"}


class _Bound:
    __slots__ = ("store", "until")

    def __init__(self):
        self.until = math.inf  # a POSIX timestamp
        self.store = True


_bound = contextvars.ContextVar("page_cache_bound", default=None)


def expires_at(moment):
    """What this page shows changes at `moment` (an aware datetime): keep it no longer. Moments
    already passed and None are ignored."""
    bound = _bound.get()
    if bound is not None and moment is not None:
        stamp = moment.timestamp()
        if stamp > time.time():
            bound.until = min(bound.until, stamp)


def expires_in(seconds):
    """What this page shows may change within `seconds` (places left): keep it no longer."""
    bound = _bound.get()
    if bound is not None:
        bound.until = min(bound.until, time.time() + seconds)


def do_not_store():
    """This response must not be kept (it records something, or is for this visitor alone)."""
    bound = _bound.get()
    if bound is not None:
        bound.store = False


def _next_beijing_midnight(now):
    today = now.astimezone(BEIJING).date()
    midnight = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(), BEIJING)
    return midnight.timestamp()


def _candidate(request):
    """May this request be answered from the cache, or its answer kept? (No session, no sign-in.)"""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path_info.startswith(settings.PAGE_CACHE_SKIP_PREFIXES)


def _language(request, path):
    """The language LocaleMiddleware will choose: the URL's prefix, else the cookie or Accept-Language."""
    prefix = path[1 : path.find("/", 1)] if path.count("/") > 1 else ""
    if prefix in _PREFIXES:
        return prefix
    return translation.get_language_from_request(request, check_path=True)


_PREFIXES = frozenset(code for code, _name in settings.LANGUAGES)


def _key(request):
    # The Host header as sent: a host Django refuses is answered 400 and never stored, so looking it
    # up finds nothing (cheaper than validating it on every hit).
    meta = request.META
    path = request.path
    raw = "|".join(
        (
            request.scheme,
            meta.get("HTTP_HOST") or meta.get("SERVER_NAME", ""),
            _language(request, path),
            path,
            meta.get("QUERY_STRING", ""),
        )
    )
    return KEY_PREFIX + hashlib.blake2b(raw.encode(), digest_size=20).hexdigest()


def _cache_control_words(response):
    value = response.get("Cache-Control", "")
    return {part.split("=", 1)[0].strip().lower() for part in cc_delim_re.split(value) if part}


def _storable(request, response, bound):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not bound.store or response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if getattr(request, "is_preview", False):
        return False
    if _cache_control_words(response) & FORBIDDEN_CACHE_CONTROL:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part}
    if not vary <= ALLOWED_VARY:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _personal(request, response):
    """Rendered for one visitor: a session, a sign-in, a cookie set or a CSRF token used."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    return bool(response.cookies) or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def _hit(entry):
    _version, _expires, status, headers, content = entry
    response = HttpResponse(content, status=status)
    # The headers as the page had them, already checked when it was rendered: copied in whole rather
    # than set one by one (a third of a hit's cost).
    response.headers._store = dict(headers)
    return response


class _NearCopies:
    """This process's copies of shared entries, the longest kept first out when over `limit` bytes of
    content. Only ever served for the version the shared cache holds now (the caller's
    check), so a copy is never fresher or staler than the shared entry."""

    def __init__(self):
        self._entries = {}
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key):
        return self._entries.get(key)

    def keep(self, key, entry, limit):
        size = len(entry[4])
        if size > limit // 4:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old[4])
            while self._entries and self._bytes + size > limit:
                self._bytes -= len(self._entries.pop(next(iter(self._entries)))[4])
            self._entries[key] = entry
            self._bytes += size

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0


_near = _NearCopies()


def _near_limit():
    """Bytes of near copies to keep: none when the cache is this process's own memory already."""
    if "locmem" in settings.CACHES["default"]["BACKEND"].lower():
        return 0
    return settings.PAGE_CACHE_NEAR_BYTES


def _fresh(entry, version, now):
    return entry is not None and version is not None and entry[0] == version and entry[1] > now


class PageCacheMiddleware:
    """Answers anonymous visitors from the page cache; keeps what may be kept (module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.PAGE_CACHE_ENABLED and _candidate(request)):
            return self._headers(request, self.get_response(request), stored=False)
        key = _key(request)
        now = time.time()
        near_limit = _near_limit()
        near = _near.get(key) if near_limit else None
        if near is not None:
            # A copy here: only the version is read from the shared cache, and the entry only if the
            # copy is from an older version.
            version = cache.get(VERSION_KEY)
            if _fresh(near, version, now):
                return _hit(near)
            entry = cache.get(key) if version is not None else None
        else:
            found = cache.get_many([VERSION_KEY, key])
            version = found.get(VERSION_KEY)
            entry = found.get(key)
        if _fresh(entry, version, now):
            if near_limit:
                _near.keep(key, entry, near_limit)
            return _hit(entry)
        if version is None:
            cache.add(VERSION_KEY, first_version(), None)
            version = cache.get(VERSION_KEY)
        bound = _Bound()
        token = _bound.set(bound)
        try:
            response = self.get_response(request)
        finally:
            _bound.reset(token)
        stored = (
            version is not None
            and _storable(request, response, bound)
            and self._store(key, version, bound, response)
        )
        return self._headers(request, response, stored=stored)

    def _store(self, key, version, bound, response):
        now = time.time()
        until = min(
            bound.until,
            now + settings.PAGE_CACHE_SECONDS,
            _next_beijing_midnight(timezone.now()),
        )
        seconds = int(until - now)
        if seconds < 1:
            return False
        patch_cache_control(
            response, max_age=0, public=True, s_maxage=min(settings.PAGE_CACHE_SHARED_SECONDS, seconds)
        )
        patch_vary_headers(response, ["Cookie"])
        headers = response.headers._store  # {lower-case name: (name, value)}, what _hit copies back
        entry = (version, until, response.status_code, headers, response.content)
        cache.set(key, entry, seconds)
        near_limit = _near_limit()
        if near_limit:
            _near.keep(key, entry, near_limit)
        return True

    def _headers(self, request, response, *, stored):
        if stored:
            return response
        if _personal(request, response):
            words = _cache_control_words(response)
            if "public" in words or "s-maxage" in words or "max-age" in words:
                del response.headers["Cache-Control"]
            patch_cache_control(response, private=True, no_store=True)
        elif request.method in ("GET", "HEAD") and not response.has_header("Cache-Control"):
            patch_cache_control(response, max_age=0)
        return response


# What a public page shows besides pages and the settings site_cache already watches: saving or
# deleting one of these renews every page (and every cached fragment).
CONTENT_MODELS = {
    "home.topic",
    "home.audience",
    "destinations.destination",
    "destinations.consularcontact",
    "destinations.changenote",
    "destinations.emergencycard",
    "events.event",
    "quizzes.choice",
    "training.trainingsettings",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.collectionviewrestriction",
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailmedia.media",
    "wagtailsearchpromotions.searchpromotion",
    "wagtailsearchpromotions.query",
}


def _content_changed(sender, instance, **kwargs):
    if sender._meta.label_lower in CONTENT_MODELS:
        site_changed()
    elif isinstance(instance, Page) and kwargs.get("signal") is post_save and instance.live:
        # A live page saved without publishing (a script, a bulk fix) still shows at once.
        site_changed()


post_save.connect(_content_changed, dispatch_uid="portal-page-cache-content-saved")
post_delete.connect(_content_changed, dispatch_uid="portal-page-cache-content-deleted")
