"""The public search page's rules: the current language only, a filter by kind, promoted results first;
each result with its kind, its date and an excerpt around the words found."""

import html
import re

from django.core.paginator import Paginator
from django.db import models
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from . import page_cache
from .listing import KIND_MODELS, filter_links, page_number
from .models import ContentPage, UnansweredSearch
from .search import query_words, stem, stream_text, text_of_html
from .visibility import public

RESULTS_PER_PAGE = 10
# An excerpt's width, a Chinese character counting two (about four lines on a phone in either
# language), and how much of it comes before the first word found.
EXCERPT_WIDTH = 150
EXCERPT_LEAD_IN = 20
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")

_LATIN_WORD = r"[A-Za-z0-9]+"


def kind_label(page_class):
    if issubclass(page_class, ContentPage) and page_class.kind:
        return page_class.kind_label()
    return getattr(page_class, "search_kind", None) or str(page_class._meta.verbose_name).capitalize()


def search_site(request, query, kind, notices):
    """Results for a query with words in it, in the language being read (a wrong page number adds
    to `notices`)."""
    locale = Locale.get_active()
    pages = public(Page.objects.live().filter(locale=locale), request)
    if kind in KIND_MODELS:
        pages = pages.type(KIND_MODELS[kind])
    paginator = Paginator(pages.specific().search(query), RESULTS_PER_PAGE)
    results = paginator.page(page_number(request, paginator, notices))
    promotions = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query), page__live=True, page__locale=locale
    )
    promoted = list(promotions.select_related("page"))
    if not paginator.count and not promoted:
        UnansweredSearch.record(query, locale.language_code)
        page_cache.do_not_store()  # each unanswered search is counted: the next one must reach here
    finder = WordFinder(query)
    return {
        "results": results,
        "items": [result_item(page, finder) for page in results.object_list],
        "promoted": promoted,
        "kind_links": kind_links(query, kind),
    }


def result_item(page, finder):
    date = page.search_result_date() if hasattr(page, "search_result_date") else page.first_published_at
    excerpt = finder.excerpt(page_text(page))
    return {"page": page, "kind": kind_label(type(page)), "date": date, "excerpt": excerpt}


def page_text(page):
    """The readable text of a page's own fields, its lead first: from the row already loaded, no query."""
    lead = page.search_lead() if hasattr(page, "search_lead") else ""
    parts = [lead]
    for field in type(page)._meta.concrete_fields:
        if field.model is Page or field.is_relation or field.choices or isinstance(field, models.URLField):
            continue
        value = field.value_from_object(page)
        if isinstance(field, StreamField):
            text = html.unescape(stream_text(value))
        elif isinstance(field, RichTextField):
            text = html.unescape(text_of_html(value))
        elif isinstance(field, models.CharField | models.TextField):
            text = value or ""  # plain text, escaped with the rest of the excerpt
        else:
            continue
        if text and text != lead:
            parts.append(text)
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


class WordFinder:
    """Finds a query's words in a text as the index matches them: Chinese words as they are, English
    words by their stem ("passport" in a text answers "passports")."""

    def __init__(self, query):
        words = query_words(query).split()
        self.stems = {word for word in words if re.fullmatch(_LATIN_WORD, word)}
        others = sorted({word for word in words if word not in self.stems}, key=len, reverse=True)
        pattern = "|".join([_LATIN_WORD, *(re.escape(word) for word in others)])
        self.pattern = re.compile(pattern, re.IGNORECASE)

    def matches(self, text):
        for match in self.pattern.finditer(text):
            word = match.group()
            if not re.fullmatch(_LATIN_WORD, word) or stem(word) in self.stems:
                yield match

    def excerpt(self, text):
        """A short passage of `text` around the first word found, the words found in <mark> (escaped)."""
        first = next(self.matches(text), None)
        start = 0 if first is None or first.start() <= EXCERPT_LEAD_IN else first.start() - EXCERPT_LEAD_IN
        end = _end_at_width(text, start, EXCERPT_WIDTH)
        start, end = _word_boundaries(text, start, end)
        passage = text[start:end]
        pieces, position = [], 0
        for match in self.matches(passage):
            pieces += [escape(passage[position : match.start()]), "<mark>", escape(match.group()), "</mark>"]
            position = match.end()
        pieces.append(escape(passage[position:]))
        return mark_safe(  # noqa: S308 - every piece of the text is escaped above
            ("…" if start > 0 else "") + "".join(pieces) + ("…" if end < len(text) else "")
        )


def _end_at_width(text, start, width):
    end = start
    while end < len(text) and width > 0:
        width -= 2 if _WIDE.match(text[end]) else 1
        end += 1
    return end


def _word_boundaries(text, start, end):
    """`start` and `end` moved off the middle of an English word (Chinese can be cut anywhere)."""
    if 0 < start < len(text) and re.match(_LATIN_WORD, text[start - 1 : start + 1]):
        space = text.find(" ", start, start + 20)
        start = space + 1 if space != -1 else start
    if end < len(text) and re.fullmatch(r"[A-Za-z0-9]{2}", text[end - 1 : end + 1]):
        space = text.rfind(" ", max(start, end - 20), end)
        end = space if space != -1 else end
    return start, end


def kind_links(query, chosen):
    kind = chosen if chosen in KIND_MODELS else None
    return filter_links("kind", ContentPage.Kind.choices, kind, {"q": query, "kind": kind})
