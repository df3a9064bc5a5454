"""The destination finder: "Where are you going?" at the top of the home page.

Added through the ``home_page_sections`` hook (order ``HomeOrder.DESTINATION_FINDER``). Without
JavaScript it is a GET form to the destination index, which lists the matches, or goes straight to
the destination's page when exactly one matches (``go=1``, see ``straight_to_the_only_match``).
With JavaScript (static/js/destination-finder.js) it suggests destinations as one types, from a list
embedded once in the page and kept in ``home.site_cache``: no query on a warm home page, two on a
cold one, however many destinations there are.
"""

import json

from django.shortcuts import redirect
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.sections import HomeOrder, Section
from home.site_cache import cached_per_language
from home.visibility import public

from .listing import QUERY_MAX_LENGTH, named_pages
from .models import DestinationIndexPage, DestinationPage
from .names import latin_key, matches, normalise_query

FINDER_ORDER = HomeOrder.DESTINATION_FINDER
GO_PARAMETER = "go"  # on the index: with one match, go to its page rather than list it


def finder_data(request, language_code=None):
    """The index's URL and every destination with a live page in the language, in the reader's
    alphabetical order: name, the other language's name, URL and match text. None without an index."""

    def build(language_code):
        index = (
            public(DestinationIndexPage.objects.live(), request)
            .filter(locale__language_code=language_code)
            .only("id", "url_path", "path", "depth")
            .first()
        )
        if index is None:
            return False  # cached: "no index" is an answer too
        pages = public(DestinationPage.objects.live().child_of(index), request).select_related("destination")
        pages = pages.only("id", "title", "url_path", "path", "depth", "destination__country")
        chinese = language_code.startswith("zh")
        entries = []
        for page, zh_name, en_name, pinyin, text in named_pages(pages):
            entries.append(
                (
                    (pinyin, zh_name) if chinese else (latin_key(en_name), en_name),
                    {
                        "name": zh_name if chinese else en_name,
                        "other": en_name if chinese else zh_name,
                        "url": page.get_url(request),
                        "match": text,
                    },
                )
            )
        entries.sort(key=lambda entry: entry[0])
        entries = [entry for _key, entry in entries]
        return {
            "index_url": index.get_url(request),
            "entries": entries,
            "entries_json": _script_json(entries),
        }

    return cached_per_language("destinations-finder", request, build, language_code) or None


def _script_json(value):
    """JSON safe inside a <script type="application/json"> element, as Django's json_script makes it,
    but with Chinese as it is rather than as \\u escapes (a third of the bytes)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026"))  # noqa: S308


def home_page_section(request):
    """The finder, first on the home page; nothing when no destination has a page in this language."""
    data = finder_data(request)
    if not data or not data["entries"]:
        return None
    return Section(
        order=FINDER_ORDER,
        title=_("Where are you going?"),
        template_name="destinations/includes/home_finder.html",
        context={
            "index_url": data["index_url"],
            "entries_json": data["entries_json"],
            "go_parameter": GO_PARAMETER,
            "query_max_length": QUERY_MAX_LENGTH,
            # Filled in by the script as one types: "%(count)s" is the number of suggestions.
            "count_one": ngettext("%(count)s destination suggested", "%(count)s destinations suggested", 1),
            "count_other": ngettext("%(count)s destination suggested", "%(count)s destinations suggested", 2),
        },
    )


def straight_to_the_only_match(page, request, serve_args, serve_kwargs):
    """The ``before_serve_page`` hook: the finder's form (``?q=泰国&go=1``) lands on the destination's
    page when exactly one destination matches; otherwise the index lists the matches as usual."""
    if not isinstance(page, DestinationIndexPage) or not request.GET.get(GO_PARAMETER):
        return None
    query = normalise_query(request.GET.get("q", "").strip()[:QUERY_MAX_LENGTH])
    if not query:
        return None
    data = finder_data(request)  # the request is in the page's language (the URL's prefix)
    if not data or data["index_url"] != page.get_url(request):
        return None
    found = [entry for entry in data["entries"] if matches(query, entry["match"])]
    if len(found) == 1:
        return redirect(found[0]["url"])
    return None
