"""Chinese-aware search: the segmentation every app's pages use, and the backend that segments and ranks.

Wagtail's database backends (SQLite FTS5, PostgreSQL full text) treat a run of Chinese characters as
one token, so 诈骗 would not find 防范电信诈骗. Pages index a segmented copy of their text, and the
backend below segments every query the same way, on the public search page and in the admin alike.
English words are lower-cased and stemmed in the same step, at indexing and at query time, so
"passports" finds "passport" on SQLite too (PostgreSQL's own stemming then sees stems: the same on
both sides).

Ranking, the same rules on both databases:
- a page's title and the text it leads with (its summary or introduction) go into the backends'
  title column, which counts about ten times a word in the body;
- each page type says how much its matches weigh (`search_weight`): the awareness content and quizzes
  a search is mostly for outweigh pages that mention a word in passing, and index pages weigh least;
- a query of several words found as typed in a page's title puts that page first.
"""

import functools
import re

import jieba
import snowballstemmer
from django.db.models import Case, F, FloatField, IntegerField, Value, When
from django.db.models.functions import Greatest, Length
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelsearch.backends import database
from modelsearch.query import And, Not, Or, Phrase, PlainText
from wagtail.blocks import ChoiceBlock
from wagtail.search import index

jieba.setLogLevel(60)

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w")
_ENGLISH_WORD = re.compile(r"[a-z]+")
_stemmer = snowballstemmer.stemmer("english")


def warm_up():
    jieba.initialize()


@functools.lru_cache(maxsize=20000)
def stem(word):
    """An English word's stem ("passports" -> "passport"); any other word as it is, lower-cased."""
    word = word.lower()
    return _stemmer.stemWord(word) if _ENGLISH_WORD.fullmatch(word) else word


def segment(text):
    """Text split into the words a search can match, in either language (English words stemmed)."""
    if not text:
        return ""
    words = (word.strip() for word in jieba.cut_for_search(_SPACES.sub(" ", str(text))))
    return " ".join(stem(word) for word in words if word)


_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|blockquote)>|<br\s*/?>", re.IGNORECASE)


def text_of_html(source):
    """Text of rich-text HTML, with a space where a paragraph or line ends (so English words of two
    paragraphs do not run together)."""
    return strip_tags(_BLOCK_END.sub(" ", source or ""))


def stream_text(stream_value):
    """The readable text of a StreamField value, markup and choice values (such as a heading's "h2")
    removed."""
    parts = []

    def collect(value):
        if value is None:
            return
        if hasattr(value, "source"):  # RichText
            parts.append(text_of_html(value.source))
        elif isinstance(value, str):
            parts.append(value)
        elif isinstance(value, dict):
            child_blocks = getattr(getattr(value, "block", None), "child_blocks", {})
            for name, item in value.items():
                if not isinstance(child_blocks.get(name), ChoiceBlock):
                    collect(item)
        elif isinstance(value, list | tuple):
            for item in value:
                collect(item)
        elif hasattr(value, "raw_data") or hasattr(value, "__iter__"):
            for item in value:
                collect(getattr(item, "value", item))

    collect(stream_value)
    return " ".join(part for part in parts if part)


class SearchWeight:
    """How much a page type's matches count (a multiplier of its text score)."""

    LEARNING = 6.0  # articles, cases, brochures, videos, quizzes: what a search is mostly for
    REFERENCE = 1.0  # destinations, alerts, events, the site's own pages
    SECTION = 0.5  # index pages: they list what their pages say


# PostgreSQL turns boosts into its weights A-D (images' and documents' titles have 10): the title
# lands on B (0.21), the lead on C (0.02), the body on D (0.01).
TITLE_BOOST = 2
LEAD_BOOST = 0.1
# SQLite: a word in the title column (title and lead) counts this many times one in the body.
SQLITE_LEAD_FACTOR = 2
# On both databases, the query's words found in a page's title multiply its score by up to
# 1 + TITLE_FACTOR, more for a short title the words make most of ("护照丢失怎么办" before a long
# title that also says 护照).
TITLE_FACTOR = 3
TITLE_COVERAGE_FACTOR = 4
TITLE_WORDS_COUNTED = 10


class _SegmentedTitle(index.SearchField):
    """The title, segmented. Named `title` because both database backends put only search fields of
    that name in their title column, the one that outweighs the body."""

    def __init__(self):
        super().__init__("title", boost=TITLE_BOOST)

    def get_value(self, obj):
        return segment(obj.title)


class _SegmentedLead(index.SearchField):
    """What the page leads with (its summary or introduction), segmented, in the title column too."""

    def __init__(self):
        super().__init__("title", boost=LEAD_BOOST)

    def get_value(self, obj):
        return segment(obj.search_lead())


class SegmentedSearchMixin:
    """For page types: index segmented copies of the title, the lead and ``search_text()``.

    A page type says what a search result calls it (`search_kind`, a word a person would use) and
    how much its matches weigh against other types' (`search_weight`).
    """

    search_kind = _("Web page")
    search_weight = SearchWeight.REFERENCE

    search_fields = [
        index.AutocompleteField("segmented_title"),
        index.SearchField("segmented_text"),
    ]

    @classmethod
    def get_search_fields(cls):
        # Page's own `title` field (one unsegmented token for a Chinese title) makes way for the
        # segmented title and lead.
        fields = [
            field
            for field in super().get_search_fields()
            if not (type(field) is index.SearchField and field.field_name == "title")
        ]
        return [*fields, _SegmentedTitle(), _SegmentedLead()]

    def search_text(self):
        return ""

    def search_lead(self):
        """The sentence or two a page opens with: its summary, else its introduction."""
        return getattr(self, "summary", "") or strip_tags(getattr(self, "intro", "") or "")

    def search_result_date(self):
        """The date a search result shows."""
        return self.first_published_at

    def segmented_title(self):
        return segment(self.title)

    def segmented_text(self):
        return segment(self.search_text())


def query_words(query):
    """The words of a query, segmented; punctuation and emoji dropped (they mean nothing to a full-text
    index, and characters such as a double quote are syntax to SQLite FTS5)."""
    return " ".join(word for word in segment(query).split() if _WORD.search(word))


class SegmentedQuery(PlainText):
    """A query's words, segmented, and what was typed (`phrase`), to find it whole in titles."""

    def __init__(self, query_string, phrase, operator=PlainText.DEFAULT_OPERATOR, boost=1):
        super().__init__(query_string, operator=operator, boost=boost)
        self.phrase = phrase


def _segment_query(query, operator=None):
    """A query string, or the admin's parsed plain-text query, segmented into words ("" if none)."""
    if isinstance(query, str):
        words = query_words(query)
        if not words:
            return ""
        return SegmentedQuery(words, _SPACES.sub(" ", query.strip()), operator=operator or "and")
    if isinstance(query, PlainText):
        return SegmentedQuery(
            query_words(query.query_string), query.query_string, operator=query.operator, boost=query.boost
        )
    if isinstance(query, And | Or):
        return type(query)([_segment_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(_segment_query(query.subquery))
    return query


class _SegmentingQueries:
    def search(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        return super().search(
            _segment_query(query, operator), model_or_queryset, fields, operator, order_by_relevance
        )

    def autocomplete(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        return super().autocomplete(
            _segment_query(query, operator), model_or_queryset, fields, operator, order_by_relevance
        )


@functools.cache
def _weighted_page_models():
    from modelsearch.index import get_indexed_models
    from wagtail.models import Page

    return [
        model
        for model in get_indexed_models()
        if issubclass(model, Page) and getattr(model, "search_weight", SearchWeight.REFERENCE) != 1
    ]


def page_weights():
    """An expression: each page's `search_weight`, by its content type (content types are cached)."""
    from django.contrib.contenttypes.models import ContentType

    models = _weighted_page_models()
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    return Case(
        *(When(content_type_id=content_types[model].pk, then=Value(model.search_weight)) for model in models),
        default=Value(SearchWeight.REFERENCE),
        output_field=FloatField(),
    )


def title_bonus(words):
    """An expression: 1 + TITLE_FACTOR x (the share of the words found in the page's title), more when
    they make up most of a short title. Words are matched inside the title as stored (a stem is the
    start of its word, a Chinese word part of the run of characters around it)."""
    words = list(dict.fromkeys(words))[:TITLE_WORDS_COUNTED]
    found = [Case(When(title__icontains=word, then=Value(1.0)), default=Value(0.0)) for word in words]
    share = functools.reduce(lambda a, b: a + b, found) / Value(float(len(words)))
    covered = functools.reduce(
        lambda a, b: a + b,
        (
            Case(When(title__icontains=word, then=Value(float(len(word)))), default=Value(0.0))
            for word in words
        ),
    ) / Greatest(Length("title"), Value(1), output_field=FloatField())
    return Value(1.0) + Value(float(TITLE_FACTOR)) * share * (Value(1.0) + TITLE_COVERAGE_FACTOR * covered)


class _RankedPages:
    """Pages ordered by: the typed phrase in the title first, then text score x page weight x title."""

    RELEVANCE_SIGN = 1  # SQLite's bm25() is negative, smaller for better matches

    def _ranks_pages(self):
        from wagtail.models import Page

        return (
            self.order_by_relevance
            and issubclass(self.queryset.model, Page)
            and isinstance(self.query, SegmentedQuery)
            and bool(self.query.query_string.split())
        )

    def search(self, config, start, stop, score_field=None, **kwargs):
        if not self._ranks_pages():
            return super().search(config, start, stop, score_field=score_field, **kwargs)
        score_name = score_field or "_text_score"
        queryset = super().search(config, None, None, score_field=score_name, **kwargs)
        words = self.query.query_string.split()
        queryset = queryset.annotate(
            _phrase_in_title=self._phrase_in_title(words),
            _relevance=self.RELEVANCE_SIGN * F(score_name) * page_weights() * title_bonus(words),
        )
        return queryset.order_by("-_phrase_in_title", "-_relevance", "-pk")[start:stop]

    def _phrase_in_title(self, words):
        # One word needs no phrase: the title bonus puts it first.
        if len(set(words)) < 2:
            return Value(0, output_field=IntegerField())
        return Case(
            When(title__icontains=self.query.phrase, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )


def _sqlite_ranking(compiler_class):
    from modelsearch.backends.database.sqlite.query import BM25, SQLiteFTSIndexEntry

    class ColumnBM25(BM25):
        """FTS5's bm25() counting only some columns (autocomplete, body, title, in the table's order)."""

        def __init__(self, *column_weights):
            super().__init__()
            self.column_weights = column_weights

        def as_sql(self, compiler, connection, function=None, template=None):
            weights = ", ".join(str(float(weight)) for weight in self.column_weights)
            return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []

    class RankedSQLitePages(_RankedPages, compiler_class):
        RELEVANCE_SIGN = -1

        def _build_rank_expression(self, vectors, config):
            # One bm25() over every column gives a title match barely more than a body match (term
            # frequencies saturate); scoring the columns apart lets the title column outweigh the body.
            title = self.build_tsrank("title", self.query, config=config)
            return title * SQLITE_LEAD_FACTOR + self.build_tsrank("body", self.query, config=config)

        def build_tsrank(self, vector, query, config=None, boost=1.0):
            if isinstance(query, PlainText | Phrase | Not):
                column = ColumnBM25(0, 1, 0) if vector == "body" else ColumnBM25(0, 0, 1)
                return column * boost if boost != 1.0 else column
            return super().build_tsrank(vector, query, config=config, boost=boost)

    return RankedSQLitePages


def _ranked_compiler(backend_class):
    compiler_class = backend_class.query_compiler_class
    if backend_class.__module__.endswith(".sqlite"):
        return _sqlite_ranking(compiler_class)
    if backend_class.__module__.endswith(".postgres"):
        return _postgres_ranking(compiler_class)
    return compiler_class


def _postgres_ranking(compiler_class):
    class RankedPostgresPages(_RankedPages, compiler_class):
        def get_index_vectors(self, search_query):
            # Without the backend's title_norm (the average title length over this one's): it made a
            # short page's lead outweigh a long article; a short title counts through title_bonus.
            return [(F("index_entries__title"), 1.0), (F("index_entries__body"), 1.0)]

    return RankedPostgresPages


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Wagtail's database backend for this database, with every query segmented and pages ranked."""
    backend_class = type(database.SearchBackend(params))
    segmenting_class = type(
        f"Segmenting{backend_class.__name__}",
        (_SegmentingQueries, backend_class),
        {"query_compiler_class": _ranked_compiler(backend_class)},
    )
    return segmenting_class(params)
