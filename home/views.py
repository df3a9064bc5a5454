from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale, Page

from .search import query_words

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 100


def search(request):
    query = request.GET.get("q", "").strip()
    error = ""
    if len(query) > SEARCH_QUERY_MAX_LENGTH:
        error = _("Please use a shorter search (at most %(max)d characters).") % {
            "max": SEARCH_QUERY_MAX_LENGTH
        }
        query = ""
    results = None
    if query and not query_words(query):
        error = _("Please type a word to search for: punctuation and emoji alone cannot be searched.")
        query = ""
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific(defer=True)
        paginator = Paginator(pages.search(query), SEARCH_RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
    context = {
        "search_query": query,
        "results": results,
        "error": error,
        "page_query": urlencode({"q": query}),
    }
    return render(request, "home/search.html", context)


@never_cache
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: a failing database must not fail the error page too.
    return render(request, "500.html", status=500, using=None)
