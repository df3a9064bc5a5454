"""An Atom feed of the newest articles and real-life cases, one per language (/zh-hans/feeds/latest/).

The same for every visitor of a language, in a fixed number of queries: the locale, the site, its
settings and the pages (view restrictions come from the shared lookup in visibility.py).
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from .models import ArticlePage, CaseStudyPage, ContentPage, PortalSettings
from .sitemaps import hreflang
from .visibility import public

FEED_LENGTH = 20


@dataclass
class FeedContext:
    request: HttpRequest
    locale: Locale
    portal: PortalSettings


class LatestContentFeed(Feed):
    """Live, public articles and cases of the active language, newest first."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        return FeedContext(
            request=request, locale=Locale.get_active(), portal=PortalSettings.for_request(request)
        )

    @property
    def language(self):
        return hreflang(translation.get_language())

    def title(self, obj):
        return _("%(name)s – latest") % {"name": obj.portal.campaign_name}

    def subtitle(self, obj):
        return _("New articles and real-life cases")

    def link(self, obj):
        # The home page of the active language.
        return obj.request.build_absolute_uri(reverse("wagtail_serve", args=[""]))

    def author_name(self, obj):
        return obj.portal.office_name

    def items(self, obj):
        request = obj.request
        site = Site.find_for_request(request)
        pages = ContentPage.objects.live().type(ArticlePage, CaseStudyPage).filter(locale=obj.locale)
        if site is not None:
            roots = [
                root.root_path
                for root in Site.get_site_root_paths()
                if root.site_id == site.pk and root.language_code == obj.locale.language_code
            ]
            if not roots:
                return []
            pages = pages.filter(url_path__startswith=roots[0])
        pages = public(pages, request).order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        items = list(pages)
        for page in items:
            page.feed_link = request.build_absolute_uri(page.get_url(request))
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at
