"""The human-readable site map (网站地图): the site's sections and their pages in the reader's language.

Two levels under the home page in the reader's language, live and public, in the editors' order.
The queries are the same however many pages there are: the reader's home page and the pages under it
(view restrictions come from the cached lookup in visibility.py, URLs from Wagtail's cached site root
paths), and the result is kept until the site next changes.
"""

from dataclasses import dataclass, field

from django.utils import translation
from wagtail.models import Page, Site

from .site_cache import cached
from .visibility import public

LEVELS = 2


@dataclass
class SiteMapEntry:
    title: str
    url: str
    pages: list = field(default_factory=list)


def reader_home(site, language):
    """The live copy of the site's home page in `language`, or None."""
    return (
        Page.objects.live()
        .filter(translation_key=site.root_page.translation_key, locale__language_code=language)
        .only("id", "path", "depth", "url_path")
        .first()
    )


def site_map_sections(request):
    """[SiteMapEntry(section, pages=[SiteMapEntry, ...]), ...] for the reader's language."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    language = translation.get_language()

    def build():
        home = reader_home(site, language)
        if home is None:
            return []
        pages = public(
            Page.objects.live()
            .descendant_of(home)
            .filter(depth__lte=home.depth + LEVELS)
            .order_by("path")
            .only("id", "title", "path", "depth", "url_path"),
            request,
        )
        sections = []
        for page in pages:
            url = page.get_url(request)
            if not url:
                continue
            if page.depth == home.depth + 1:
                sections.append((page.path, SiteMapEntry(page.title, url)))
            elif sections and page.path.startswith(sections[-1][0]):
                sections[-1][1].pages.append(SiteMapEntry(page.title, url))
        return [entry for _path, entry in sections]

    return cached("site-map", build, site.pk, language)


def site_map_context(request):
    """The sections that hold pages, each with its list, and the single pages (about, privacy, ...)
    gathered in one list after them."""
    entries = site_map_sections(request)
    return {
        "sections": [entry for entry in entries if entry.pages],
        "single_pages": [entry for entry in entries if not entry.pages],
    }
