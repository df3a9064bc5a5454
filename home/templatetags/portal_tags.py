import hashlib

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from accounts.sections import HomeOrder

from ..qr import qr_svg
from ..site_cache import cached, cached_for_request
from ..visibility import public

register = template.Library()

# What the header's language switcher shows ("中 / EN"); the full name from LANGUAGES is the link's name.
LANGUAGE_SHORT_NAMES = {"zh-hans": "中", "en": "EN"}


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


def _language_urls(request, page):
    """{language code: the page's translation's URL, or that language's home page}: the same for every
    visitor, so kept per site version (once per request, though the head and the switcher both ask)."""
    memo = request.__dict__.setdefault("_portal_language_urls", {})
    if page.pk in memo:
        return memo[page.pk]

    def build():
        translations = _translations(request, page)
        urls = {}
        for code, _name in settings.LANGUAGES:
            target = translations[page.translation_key].get(code) or translations["root"].get(code)
            urls[code] = target.get_url(request) if target is not None else f"/{code}/"
        return urls

    memo[page.pk] = cached_for_request("language-urls", request, build, page.pk)
    return memo[page.pk]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: to this page's translation, or to that language's home page.

    Returns a list of dicts (code, name, short_name, url, current) for the switcher.
    """
    request = context["request"]
    current = translation.get_language()
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    links = []
    if page is not None:
        urls = _language_urls(request, page)
        for code, name in settings.LANGUAGES:
            links.append(_language_link(code, name, urls[code], current))
    else:
        for code, name in settings.LANGUAGES:
            url = translate_url(request.get_full_path(), code)
            links.append(_language_link(code, name, url, current))
    return links


def _language_link(code, name, url, current):
    short_name = LANGUAGE_SHORT_NAMES.get(code, code.upper())
    return {"code": code, "name": name, "short_name": short_name, "url": url, "current": code == current}


# The menu leads with the consular tasks, in this order; other pages follow in the page tree's order,
# and plain pages (about, contact) come last. Named by model: home imports none of these rooms.
MENU_TASKS = (
    "destinations.destinationindexpage",
    "destinations.alertindexpage",
    "home.contentindexpage",
    "quizzes.quizindexpage",
    "training.courseindexpage",
    "events.eventindexpage",
)
MENU_LAST = ("home.standardpage",)


def menu_rank(page):
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    model = f"{content_type.app_label}.{content_type.model}"
    if model in MENU_TASKS:
        return (0, MENU_TASKS.index(model), page.path)
    return (2 if model in MENU_LAST else 1, 0, page.path)


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The current language's top-level pages marked "show in menus", the consular tasks first."""
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    language = translation.get_language()

    def build():
        home = _translations(request, page)["root"].get(language)
        if home is None:
            return []
        children = public(home.get_children().live().in_menu(), request)
        children = children.only("id", "title", "url_path", "path", "depth", "content_type")
        return [
            {"title": child.title, "url": child.get_url(request)} for child in sorted(children, key=menu_rank)
        ]

    return cached_for_request("menu", request, build, language)


@register.filter
def home_section_anchor(section):
    """A home-page section's name for ids and classes: its place in HomeOrder ("safety-alerts"), or
    "section-<order>" for an order outside it."""
    try:
        return HomeOrder(section.order).name.lower().replace("_", "-")
    except ValueError:
        return f"section-{section.order}"


@register.simple_tag(takes_context=True)
def page_qr_svg(context):
    """The QR code of this page's address (as in its canonical link), built once per address and
    language: a content page stays within its query bound and pays for segno once."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    language = translation.get_language()

    def build():
        return qr_svg(url, css_class="share-qr", label=gettext("QR code of this page's address"))

    return cached("page-qr", build, language, hashlib.sha256(url.encode()).hexdigest())
