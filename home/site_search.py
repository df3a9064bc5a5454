"""The public search page's rules: the current language only, a filter by kind, promoted results first."""

from django.core.paginator import Paginator
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from .listing import KIND_MODELS, filter_links, page_number
from .models import ContentPage, UnansweredSearch
from .visibility import public

RESULTS_PER_PAGE = 10


def kind_label(page_class):
    if issubclass(page_class, ContentPage) and page_class.kind:
        return page_class.kind_label()
    return str(page_class._meta.verbose_name).capitalize()


def search_site(request, query, kind, notices):
    """Results for a query with words in it, in the language being read (a wrong page number adds
    to `notices`)."""
    locale = Locale.get_active()
    pages = public(Page.objects.live().filter(locale=locale), request)
    if kind in KIND_MODELS:
        pages = pages.type(KIND_MODELS[kind])
    paginator = Paginator(pages.specific(defer=True).search(query), RESULTS_PER_PAGE)
    results = paginator.page(page_number(request, paginator, notices))
    promotions = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query), page__live=True, page__locale=locale
    )
    promoted = list(promotions.select_related("page"))
    if not paginator.count and not promoted:
        UnansweredSearch.record(query, locale.language_code)
    return {
        "results": results,
        "items": [{"page": page, "kind": kind_label(type(page))} for page in results.object_list],
        "promoted": promoted,
        "kind_links": kind_links(query, kind),
    }


def kind_links(query, chosen):
    kind = chosen if chosen in KIND_MODELS else None
    return filter_links("kind", ContentPage.Kind.choices, kind, {"q": query, "kind": kind})
