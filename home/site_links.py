"""The pages every page links to from its footer and forms, in the reader's language.

The privacy notice is the one people agree to at sign-up (``accounts.AccountSettings``: one setting,
not two that can disagree); the accessibility statement and the contact page are chosen in the
portal settings. Each link leads to the live copy in the reader's language, else the default
language's. Built once per site, language and site version (``site_cache``): two queries cold, none warm.
"""

from django.db.models import Q
from django.urls import reverse
from wagtail.models import Page, Site

from accounts.models import AccountSettings

from .models.settings import PortalSettings
from .reader_language import copy_for_reader
from .site_cache import cached, cached_per_language


def portal_settings_for(site):
    """The site's PortalSettings, cached until an editor saves them (the header's and footer's)."""
    return cached("portal-settings", lambda: PortalSettings.for_site(site), site.pk)


def chosen_pages(site):
    """{"privacy": page id, "accessibility": ..., "contact": ...} for the pages an editor chose."""
    portal = portal_settings_for(site)
    chosen = {
        "privacy": AccountSettings.for_site(site).privacy_notice_id,
        "accessibility": portal.accessibility_page_id,
        "contact": portal.contact_page_id,
    }
    return {role: page_id for role, page_id in chosen.items() if page_id is not None}


def build_site_links(site, request, language):
    chosen = chosen_pages(site)
    links = {"site_map": {"url": reverse("site_map")}}
    if not chosen:
        return links
    sources = Page.objects.filter(pk__in=chosen.values()).values("translation_key")
    pages = list(
        Page.objects.filter(Q(pk__in=chosen.values()) | Q(translation_key__in=sources))
        .select_related("locale")
        .only("id", "title", "live", "translation_key", "url_path", "path", "depth", "locale__language_code")
    )
    by_id = {page.pk: page for page in pages}
    for role, page_id in chosen.items():
        source = by_id.get(page_id)
        if source is None:
            continue
        copies = [page for page in pages if page.live and page.translation_key == source.translation_key]
        page = copy_for_reader(copies, language)
        url = page.get_url(request) if page is not None else None
        if url:
            links[role] = {"title": page.title, "url": url}
    return links


def site_links(request):
    """{"privacy": {"title", "url"}, "accessibility": ..., "contact": ..., "site_map": {"url"}}; a role
    is missing when no live page is chosen for it."""
    site = Site.find_for_request(request)
    if site is None:
        return {"site_map": {"url": reverse("site_map")}}
    return cached_per_language(
        "site-links", request, lambda language: build_site_links(site, request, language)
    )
