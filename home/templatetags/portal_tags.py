from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: to this page's translation, or to that language's home page.

    Returns a list of dicts (code, name, url, current) for the switcher.
    """
    request = context["request"]
    current = translation.get_language()
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    translated_urls = {}
    if page is not None:
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            translated_urls[translated.locale.language_code] = translated.get_url(request)
        root = _site_root(request)
        if root is not None:
            for home in root.get_translations(inclusive=True).live().select_related("locale"):
                translated_urls.setdefault(home.locale.language_code, home.get_url(request))
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None:
            url = translated_urls.get(code) or f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {"code": code, "name": name, "url": url, "current": code == current, "known": code in locales}
        )
    return links


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The current language's top-level pages marked "show in menus"."""
    request = context["request"]
    root = _site_root(request)
    if root is None:
        return []
    try:
        home = root.get_translation(Locale.get_active())
    except (Page.DoesNotExist, Locale.DoesNotExist):
        home = root
    return [
        {"title": child.title, "url": child.get_url(request)}
        for child in home.get_children()
        .live()
        .public()
        .in_menu()
        .only("id", "title", "url_path", "path", "depth")
    ]
