"""Chinese-aware search: the segmentation every app's pages use, and the backend that segments queries.

Wagtail's database backends (SQLite FTS5, PostgreSQL full text) treat a run of Chinese characters as
one token, so 诈骗 would not find 防范电信诈骗. Pages index a segmented copy of their text, and the
backend below segments every query the same way, on the public search page and in the admin alike.
"""

import re

import jieba
from django.utils.html import strip_tags
from modelsearch.backends import database
from modelsearch.query import And, Not, Or, PlainText
from wagtail.search import index

jieba.setLogLevel(60)

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w")


def warm_up():
    jieba.initialize()


def segment(text):
    """Text split into the words a search can match, in either language."""
    if not text:
        return ""
    words = (word.strip() for word in jieba.cut_for_search(_SPACES.sub(" ", str(text))))
    return " ".join(word for word in words if word)


def stream_text(stream_value):
    """The readable text of a StreamField value, markup removed."""
    parts = []

    def collect(value):
        if value is None:
            return
        if hasattr(value, "source"):  # RichText
            parts.append(strip_tags(value.source))
        elif isinstance(value, str):
            parts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list | tuple):
            for item in value:
                collect(item)
        elif hasattr(value, "raw_data") or hasattr(value, "__iter__"):
            for item in value:
                collect(getattr(item, "value", item))

    collect(stream_value)
    return " ".join(part for part in parts if part)


class SegmentedSearchMixin:
    """For page types: index segmented copies of the title and of ``search_text()``."""

    search_fields = [
        index.SearchField("segmented_title", boost=2),
        index.AutocompleteField("segmented_title"),
        index.SearchField("segmented_text"),
    ]

    def search_text(self):
        return ""

    def segmented_title(self):
        return segment(self.title)

    def segmented_text(self):
        return segment(self.search_text())


class _SegmentingQueries:
    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(_segment_query(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(_segment_query(query), model_or_queryset, *args, **kwargs)


def query_words(query):
    """The words of a query, segmented; punctuation and emoji dropped (they mean nothing to a full-text
    index, and characters such as a double quote are syntax to SQLite FTS5)."""
    return " ".join(word for word in segment(query).split() if _WORD.search(word))


def _segment_query(query):
    """A query string, or the admin's parsed plain-text query, segmented into words."""
    if isinstance(query, str):
        return query_words(query)
    if isinstance(query, PlainText):
        return PlainText(query_words(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, And | Or):
        return type(query)([_segment_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(_segment_query(query.subquery))
    return query


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Wagtail's database backend for this database, with every query segmented first."""
    backend = database.SearchBackend(params)
    segmenting_class = type(f"Segmenting{type(backend).__name__}", (_SegmentingQueries, type(backend)), {})
    return segmenting_class(params)
