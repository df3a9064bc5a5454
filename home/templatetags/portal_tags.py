from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

from ..site_cache import cached
from ..visibility import public

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


def _translations(request, page):
    """Live translations of this page and of the site's home page, by language: one query per request."""
    cache = getattr(request, "_portal_translations", None)
    if cache is None:
        root = _site_root(request)
        keys = {p.translation_key for p in (page, root) if p is not None}
        cache = {key: {} for key in keys}
        for translated in Page.objects.live().filter(translation_key__in=keys).select_related("locale"):
            cache[translated.translation_key][translated.locale.language_code] = translated
        cache["root"] = cache.get(root.translation_key, {}) if root is not None else {}
        request._portal_translations = cache
    return cache


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: to this page's translation, or to that language's home page.

    Returns a list of dicts (code, name, url, current) for the switcher.
    """
    request = context["request"]
    current = translation.get_language()
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    links = []
    if page is not None:
        translations = _translations(request, page)
        for code, name in settings.LANGUAGES:
            target = translations[page.translation_key].get(code) or translations["root"].get(code)
            url = target.get_url(request) if target is not None else f"/{code}/"
            links.append({"code": code, "name": name, "url": url, "current": code == current})
    else:
        for code, name in settings.LANGUAGES:
            url = translate_url(request.get_full_path(), code)
            links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The current language's top-level pages marked "show in menus"."""
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    home = _translations(request, page)["root"].get(translation.get_language())
    if home is None:
        return []

    def build():
        children = public(home.get_children().live().in_menu(), request)
        return [
            {"title": child.title, "url": child.get_url(request)}
            for child in children.only("id", "title", "url_path", "path", "depth")
        ]

    return cached("menu", build, home.pk)
