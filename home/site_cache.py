"""What every page's header and footer shows (menu, settings, restricted paths), cached across requests.

Keys carry a site version that any editorial change bumps (publish, unpublish, move, delete, a view
restriction or the portal settings saved), so a stale menu or banner never outlives the change. With
REDIS_URL set, every host shares the version; with the default local-memory cache each process keeps
its own, which is right for one process (`make run`) and for tests (cleared before each test).
"""

import contextlib
import contextvars
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from accounts.models import AccountSettings

from .models.settings import PortalSettings

VERSION_KEY = "portal:site-version"
TIMEOUT = 60 * 60


# The version read once per request (home.page_routes.CachedRoutesMiddleware opens the memo): a page
# asks for a dozen kept values, and each would otherwise read the version again.
_request_memo = contextvars.ContextVar("portal_site_version_memo", default=None)


def first_version():
    """Where the version starts, at random: should Redis lose its keys (restarted without persistence),
    no number from before comes back, so nothing a process kept under one (the page cache's near
    copies) is taken for current."""
    return secrets.randbelow(2**48) + 1


def _version():
    memo = _request_memo.get()
    if memo is not None and "version" in memo:
        return memo["version"]
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, first_version(), None)
        version = cache.get(VERSION_KEY, 1)
    if memo is not None:
        memo["version"] = version
    return version


@contextlib.contextmanager
def version_read_once():
    """Within this block (one request), the site version is read from the cache once; a change made
    within it (site_changed) is seen at once."""
    token = _request_memo.set({})
    try:
        yield
    finally:
        _request_memo.reset(token)


def cached(name, build, *parts):
    """The value under this name for this site version, built once."""
    key = ":".join(["portal", str(_version()), name, *(str(part) for part in parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def cached_for_request(name, request, build, *parts):
    """`build()` as the request's site shows it, built once per site version (with `parts`, what else it
    varies on); a preview builds its draft's own, never kept and never served from what is kept."""
    if request is None or getattr(request, "is_preview", False):
        return build()
    site = Site.find_for_request(request)
    return cached(name, build, site.pk if site else "-", *parts)


def cached_per_language(name, request, build, language_code=None):
    """`build(language_code)` for the request's site in a language (the active one unless given),
    built once per site version: what a listing shows every visitor of one language alike."""
    language_code = language_code or translation.get_language() or settings.LANGUAGE_CODE
    site = Site.find_for_request(request)
    return cached(name, lambda: build(language_code), site.pk if site else "-", language_code)


def site_changed(**kwargs):
    memo = _request_memo.get()
    if memo is not None:
        memo.pop("version", None)
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet: nothing cached under one either
        cache.set(VERSION_KEY, first_version(), None)


for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(site_changed, dispatch_uid=f"portal-site-cache-{signal!r}")


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction):
        site_changed()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_save, sender=PortalSettings)
@receiver(post_save, sender=AccountSettings)  # the privacy notice the footer links to
def restriction_or_settings_saved(sender, **kwargs):
    site_changed()


def default_site_settings():
    """The default site's PortalSettings (hotline, office) for work done without a request (a worker,
    a PDF), cached until an editor saves them, like the header's."""
    return cached("portal-settings-default-site", PortalSettings.for_default_site)
