"""The destination a real-life case happened in, under the case, through the ``content_page_links`` hook.

The case names its country; the destination's page (risk level, emergency numbers, embassy contacts,
entry rules) is the next thing to read. Every live, public destination page is read in one query and
cached under the site version (a publish renews it), so a case asks nothing for it. A country with
no page shows nothing.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from accounts.sections import Section
from home.site_cache import cached_for_request
from home.visibility import public

from .models import DestinationPage

CONTENT_DESTINATION_ORDER = 10  # first: where the case happened, before a quiz (20) and events (30)


@dataclass(frozen=True)
class DestinationLink:
    """What a case shows about its destination's page: small enough to cache, no page object."""

    title: str
    url: str


def destination_pages(request):
    """{(language code, ISO code): DestinationLink} of every live, public destination page (cached)."""

    def build():
        pages = (
            public(DestinationPage.objects.live(), request)
            .select_related("destination", "locale")
            .only("id", "title", "url_path", "path", "depth", "destination__country", "locale__language_code")
        )
        links = {}
        for page in pages:
            url = page.get_url(request)
            if url:
                key = (page.locale.language_code, page.destination.country.code)
                links[key] = DestinationLink(title=page.title, url=url)
        return links

    return cached_for_request("destination-pages-by-country", request, build)


def destination_for(request, country, language_code):
    """The destination page of a country in that language, else in the site's default language."""
    links = destination_pages(request)
    return links.get((language_code, country)) or links.get((settings.LANGUAGE_CODE, country))


def content_page_links(request, subject):
    """The case's destination page; nothing for content without a country or a country without a page."""
    if not subject.country:
        return None
    destination = destination_for(request, subject.country, subject.language_code)
    if destination is None:
        return None
    return Section(
        order=CONTENT_DESTINATION_ORDER,
        title=_("Where it happened"),
        template_name="destinations/includes/content_destination.html",
        context={"destination": destination},
    )
