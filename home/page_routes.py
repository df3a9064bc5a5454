"""The route from a path to its page, and the request's site, kept until the routes change.

Wagtail finds a page by walking the tree one slug at a time (about eight queries for an article:
the site, its root page, the root in the reader's language, then each level and its specific row)
and checks view restrictions on the page and its ancestors (two more). Here the answer is kept:
the next request for the same path loads its page in one query and asks nothing else.

A kept route lives under its own version (ROUTE_VERSION_KEY), which every change that can send a
path elsewhere bumps: a page unpublished, moved or deleted, an alias made an ordinary page, a view
restriction or a site saved or deleted, a locale added or removed. Publishing a page changes no
route (an ordinary publish is the common change, and the pages it changes are rebuilt under the site
version of home/site_cache.py), and what it could change is checked on every use: the page kept is
loaded and must still be live and still have the address it was kept under (a slug changed, a parent
renamed), or the route is looked up afresh. Only a page's own address is kept, never a sub-route
(which may take any text), so the kept routes are as few as the pages; a sub-route's path (an event's
register/, a quiz's start/) starts from the kept route of its page, which routes the rest itself, when
no routable page above it could have taken the path first.

Nothing personal is kept: the route is the same for everyone. Wagtail still serves the page as
usual (before_serve_page hooks, view restrictions checked against this request, the page's own
sub-routes resolved on each request); only the look-ups are skipped.
"""

import functools
import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_unpublished, post_page_move

from . import site_cache

ROUTE_VERSION_KEY = "portal:route-version"
TIMEOUT = 60 * 60 * 24


def _route_version(request):
    """The route version, read once per request (each time without one)."""
    version = getattr(request, "_portal_route_version", None)
    if version is None:
        version = cache.get(ROUTE_VERSION_KEY)
        if version is None:
            cache.add(ROUTE_VERSION_KEY, site_cache.first_version(), None)
            version = cache.get(ROUTE_VERSION_KEY, 1)
        if request is not None:
            request._portal_route_version = version
    return version


def kept_until_routes_change(name, build, request=None):
    """The value under this name, built once per route version: for what only a change of route can
    change (the paths under a view restriction), so a publish does not build it again."""
    key = ":".join(["portal-route", str(_route_version(request)), name])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def routes_changed(**kwargs):
    try:
        cache.incr(ROUTE_VERSION_KEY)
    except ValueError:  # no version yet: nothing kept under one either
        cache.set(ROUTE_VERSION_KEY, site_cache.first_version(), None)


for _signal in (page_unpublished, post_page_move):
    _signal.connect(routes_changed, dispatch_uid=f"portal-page-routes-{_signal!r}")


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction | Site | Locale):
        routes_changed()


def _saved(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, PageViewRestriction | Site | Locale):
        routes_changed()
    elif isinstance(instance, Page) and update_fields and "alias_of_id" in update_fields:
        routes_changed()  # an alias made an ordinary page: its restrictions are its own now


post_delete.connect(_deleted, dispatch_uid="portal-page-routes-deleted")
post_save.connect(_saved, dispatch_uid="portal-page-routes-saved")


def _digest(*parts):
    """A short, key-safe name for what a visitor sent (host names and paths in any characters)."""
    return hashlib.sha256("\n".join(str(part) for part in parts).encode()).hexdigest()[:32]


def _key(request, name, *parts):
    host = _digest(request._get_raw_host(), request.get_port())
    return ":".join(
        ["portal-route", str(_route_version(request)), name, host, *(str(part) for part in parts)]
    )


def _cached_site(request):
    """The request's Site as Wagtail would find it (host, then host and port, then the default)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    key = _key(request, "site")
    kept = cache.get(key)
    if kept is None:
        kept = Site._find_for_request(request) or "-"  # "-": no site answers this host; kept too
        cache.set(key, kept, TIMEOUT)
    request._wagtail_site = None if kept == "-" else kept
    return request._wagtail_site


def _restrictions(ids):
    """What Page.get_view_restrictions returns, from the ids found when the route was kept."""
    if not ids:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(pk__in=ids)


def _keep_restrictions(page, ids):
    # functools.partial of a module function, so a page that is pickled stays picklable
    page.get_view_restrictions = functools.partial(_restrictions, tuple(ids))


def _is_the_page_itself(page, site, components):
    """Whether the path names the page itself (not one of its sub-routes)."""
    if page.depth - site.root_page.depth != len(components):
        return False
    own = [part for part in page.url_path.split("/") if part]
    return not components or own[-len(components) :] == components


def _page_key(request, components):
    return _key(request, "page", translation.get_language() or "-", _digest("/".join(components)))


def _kept_page(kept):
    """The page of a kept route, or None when it is gone or has another address now. The page itself
    is kept per site version (every publish, unpublish, move or delete, and a live page saved, bump
    it: home/site_cache.py, home/page_cache.py), so a page's request asks nothing to find it."""
    content_type_id, page_id, url_path, restriction_ids, _below = kept

    def load():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            return None
        # Its images (a hero, a cover, a poster) with it: every page with one asks one query less.
        images = [
            field.name
            for field in model._meta.concrete_fields
            if field.many_to_one and field.related_model is get_image_model()
        ]
        return model.objects.select_related(*images).filter(pk=page_id).first()

    page = site_cache.cached("route-page", load, page_id)
    if page is None or page.url_path != url_path:
        return None
    _keep_restrictions(page, restriction_ids)
    return page


def _from_kept(request, components):
    """The route from the kept route of the path, or of the nearest page above it whose sub-routes
    Wagtail would reach the same way (no routable page above it could take the rest first): that page
    routes the rest itself, as in Wagtail's walk. Returns the route (False: none, a 404) and how many
    components the kept route it started from has; (None, None) when nothing usable is kept."""
    keys = [_page_key(request, components[:length]) for length in range(len(components), -1, -1)]
    found = cache.get_many(keys)
    for length, key in zip(range(len(components), -1, -1), keys, strict=True):
        kept = found.get(key)
        if kept is None or (length < len(components) and not kept[4]):
            continue
        page = _kept_page(kept)
        if page is None:
            return None, None
        try:
            # checks it is live; its own sub-routes
            return page.route(request, components[length:]), length
        except Http404:
            return False, length
    return None, None


def _reaches_below(page):
    """Whether Wagtail's walk reaches this page with any rest of a path unchanged: no page above it (to
    the site's root) is routable, which could take a longer path as a sub-route of its own."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    above = page.get_ancestors().values_list("content_type_id", flat=True)
    for content_type_id in above:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or issubclass(model, RoutablePageMixin):
            return False
    return True


def _route_for(request, path):
    """The route Wagtail would find (page, args, kwargs), from a kept route when there is one."""
    components = [component for component in path.split("/") if component]
    result, kept_length = _from_kept(request, components)
    if result is False:
        return None
    if result is None:
        result = Page.route_for_request(request, path)
    site = _cached_site(request)
    if result is None or site is None:
        return result
    page = result[0]
    # The page that answered keeps its own route (a sub-route's path: the page's part of it), also
    # when it was reached from the kept route of a page above it.
    own = components[: max(page.depth - site.root_page.depth, 0)]
    if kept_length is not None and len(own) <= kept_length:
        return result  # the kept route's own page (with a sub-route of its own): kept already
    if not _is_the_page_itself(page, site, own):
        return result
    below = _reaches_below(page)
    if len(own) < len(components) and not below:
        return result  # a routable page above might take the page's own address as its sub-route
    site_cache.cached("route-page", lambda: page, page.pk)  # as _kept_page would load it
    restriction_ids = [restriction.pk for restriction in page.get_view_restrictions()]
    _keep_restrictions(page, restriction_ids)
    content_type_id = ContentType.objects.get_for_model(page).pk
    value = (content_type_id, page.pk, page.url_path, tuple(restriction_ids), below)
    cache.set(_page_key(request, own), value, TIMEOUT)
    return result


class CachedRoutesMiddleware:
    """Sets the request's Wagtail site and, for Wagtail's page view, its route from what is kept (see
    the module's docstring); reads the site version once for the whole request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with site_cache.version_read_once():
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # wagtail.views loads the page model: imported here, since home.visibility imports this
        # module while the models load
        from wagtail import views as wagtail_views

        if view_func is wagtail_views.serve and not hasattr(request, "_wagtail_route_for_request"):
            _cached_site(request)  # a page's view only: other views may need no site at all
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            request._wagtail_route_for_request = _route_for(request, path)
