"""The pages every page links to from its footer and forms, in the reader's language.

The privacy notice is the one people agree to at sign-up (``accounts.AccountSettings``: one setting,
not two that can disagree); the accessibility statement and the contact page are chosen in the
portal settings. Each link leads to the live copy in the reader's language, else the default
language's. Built once per site, language and site version (``site_cache``): one query cold, none warm.
"""

from django.db.models import Q, Subquery
from django.urls import reverse
from wagtail.models import Page, Site

from accounts.models import AccountSettings

from .models.settings import PortalSettings
from .reader_language import copy_for_reader
from .site_cache import cached, cached_per_language


def portal_settings_for(site):
    """The site's PortalSettings, cached until an editor saves them (the header's and footer's)."""
    return cached("portal-settings", lambda: PortalSettings.for_site(site), site.pk)


def build_site_links(site, request, language):
    """One query: the chosen pages and their copies, each row carrying the privacy notice chosen in
    AccountSettings (a subquery: no query of its own)."""
    portal = portal_settings_for(site)
    chosen = {"accessibility": portal.accessibility_page_id, "contact": portal.contact_page_id}
    chosen_ids = [page_id for page_id in chosen.values() if page_id is not None]
    privacy = AccountSettings.objects.filter(site_id=site.pk).values("privacy_notice_id")[:1]
    is_chosen = Q(pk__in=chosen_ids) | Q(pk=Subquery(privacy))
    sources = Page.objects.filter(is_chosen).values("translation_key")
    pages = list(
        Page.objects.filter(is_chosen | Q(translation_key__in=sources))
        .select_related("locale")
        .annotate(privacy_notice_id=Subquery(privacy))
        .only("id", "title", "live", "translation_key", "url_path", "path", "depth", "locale__language_code")
    )
    links = {"site_map": {"url": reverse("site_map")}}
    chosen = {"privacy": pages[0].privacy_notice_id if pages else None} | chosen
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
