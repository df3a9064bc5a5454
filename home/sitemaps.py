"""Finding the site: sitemap.xml (both languages, with hreflang alternates) and robots.txt.

The sitemap builds on Wagtail's own sitemap class (``wagtail.contrib.sitemaps``), which works without
the app in INSTALLED_APPS: the template is Django's ``sitemap.xml`` from ``django.contrib.sitemaps``.
Wagtail's class lists only the descendants of the site's root page (one language) and adds no
alternates, so this one lists the descendants of every translation of the root page and groups the
pages by translation key. The queries are the same however many pages there are: the site and the
pages with their locales (the view restrictions come from the shared lookup in visibility.py, the
URLs from Wagtail's cached site root paths).
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import to_locale
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page, Site

from .visibility import public

# Paths no crawler should spend time on: the admin, sign-in and sign-up, and a person's own pages.
ROBOTS_DISALLOWED = ["/admin/"] + [
    f"/{code}/{section}/" for section in ("accounts", "my") for code, _name in settings.LANGUAGES
]


def hreflang(language_code):
    """The language as search engines read it (BCP 47): zh-Hans, en."""
    return to_locale(language_code).replace("_", "-")


class PortalSitemap(Sitemap):
    """Every live, public page of the site in every language, each with its translations as alternates."""

    def __init__(self, request=None):
        super().__init__(request)
        self._pages = None
        self._translations = {}

    def items(self):
        if self._pages is None:
            site = self.get_wagtail_site()
            roots = [root.root_path for root in Site.get_site_root_paths() if root.site_id == site.pk]
            if not roots:
                self._pages = []
                return self._pages
            under_a_root = Q()
            for root_path in roots:
                under_a_root |= Q(url_path__startswith=root_path)
            pages = (
                Page.objects.live()
                .filter(under_a_root)
                .select_related("locale")
                .only(
                    "id",
                    "path",
                    "depth",
                    "url_path",
                    "translation_key",
                    "locale__language_code",
                    "last_published_at",
                    "latest_revision_created_at",
                )
                .order_by("path")
            )
            pages = public(pages, self.request) if self.request is not None else pages.public()
            self._pages = list(pages)
            for page in self._pages:
                self._translations.setdefault(page.translation_key, {})[page.locale.language_code] = page
        return self._pages

    def location(self, obj):
        if self.request is None:
            return obj.get_full_url()
        return self.request.build_absolute_uri(obj.get_url(self.request))

    def alternates(self, page):
        """The page in each language it exists in, plus x-default (the default language's version)."""
        versions = self._translations.get(page.translation_key, {})
        if len(versions) < 2:
            return []
        alternates = [
            {"lang_code": hreflang(code), "location": self.location(versions[code])}
            for code, _name in settings.LANGUAGES
            if code in versions
        ]
        if settings.LANGUAGE_CODE in versions:
            alternates.append(
                {"lang_code": "x-default", "location": self.location(versions[settings.LANGUAGE_CODE])}
            )
        return alternates

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            urls.append(
                {
                    "item": item,
                    "location": self.location(item),
                    "lastmod": self.lastmod(item),
                    "changefreq": None,
                    "priority": "",
                    "alternates": self.alternates(item),
                }
            )
        last_mods = [url["lastmod"] for url in urls]
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    @property
    def paginator(self):
        # Django's re-reads the items on each access; these are read once (see items()).
        return Paginator(self.items(), self.limit)


def sitemap(request):
    return wagtail_sitemap_views.sitemap(request, sitemaps={"pages": PortalSitemap})


def robots_txt(request):
    context = {
        "disallowed": ROBOTS_DISALLOWED,
        "sitemap_url": request.build_absolute_uri(reverse("sitemap")),
    }
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")
