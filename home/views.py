from urllib.parse import urlencode

from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .search import query_words
from .site_map import site_map_context
from .site_search import search_site

# A longer query is cut, with a notice: no question needs more, and every word costs the index a lookup.
SEARCH_QUERY_MAX_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "").strip()
    notices = []
    if len(query) > SEARCH_QUERY_MAX_LENGTH:
        query = query[:SEARCH_QUERY_MAX_LENGTH].strip()
        notices.append(
            _("Your search was shortened to the first %(max)d characters.") % {"max": SEARCH_QUERY_MAX_LENGTH}
        )
    context = {
        "search_query": "",
        "error": "",
        "results": None,
        "notices": notices,
        "query_max_length": SEARCH_QUERY_MAX_LENGTH,
        "fresh_fragments": True,  # anyone can make up a query (home/templatetags/kept_fragments.py)
    }
    if query and not query_words(query):
        context["error"] = _(
            "Please type a word to search for: punctuation and emoji alone cannot be searched."
        )
    elif query:
        context.update(search_site(request, query, kind, notices), search_query=query)
        context["page_query"] = urlencode({"q": query, **({"kind": kind} if kind else {})})
    return render(request, "home/search.html", context)


def site_map(request):
    return render(request, "home/site_map.html", site_map_context(request))


@never_cache
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    # Anyone can make up a path (home/templatetags/kept_fragments.py).
    return render(request, "404.html", {"fresh_fragments": True}, status=404)
