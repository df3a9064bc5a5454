"""What a content index shows: its children newest first, filtered by topic, audience and kind.

Filters are plain links that keep each other in the URL. A wrong page number or an unknown filter
never errors: the list shows the first or last page, or ignores the filter, and says so.
"""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from accounts.sections import CONTENT_PAGE_LINKS, ContentSubject, collect_sections

# The modules, not the `home.models` package: the content pages call back into this module for their
# context, and the package imports every page type.
from .models.content import (
    RELATED_CONTENT_COUNT,
    ArticlePage,
    BrochurePage,
    CaseStudyPage,
    ContentIndexPage,
    ContentPage,
    RelatedContent,
    VideoPage,
)
from .models.vocabulary import Audience, Topic
from .reader_language import reader_language
from .site_cache import cached_for_request
from .visibility import public

KIND_MODELS = {model.kind: model for model in (ArticlePage, CaseStudyPage, BrochurePage, VideoPage)}
FILTERS = ("topic", "audience", "kind")


def _url(params, **changes):
    merged = {key: value for key, value in {**params, **changes}.items() if value}
    return "?" + urlencode(merged) if merged else "?"


# More digits than any list has pages: read as "past the end" (int() refuses over 4,300 digits).
PAGE_NUMBER_MAX_DIGITS = 9


def page_number(request, paginator, notices):
    """The page asked for in `?page=`; a wrong one falls back to the first or last, with a notice.

    Any decimal digits count (a Chinese keyboard's full-width "２" too); "²" is a digit that int()
    refuses, so it is not a page number.
    """
    requested = request.GET.get("page", "1").strip()
    if not requested.isdecimal():
        number = 0
    elif len(requested) > PAGE_NUMBER_MAX_DIGITS:
        number = paginator.num_pages + 1
    else:
        number = int(requested)
    if number < 1:
        if requested != "1":
            notices.append(_("That page number is not valid: showing the first page."))
        return 1
    if number > paginator.num_pages:
        notices.append(_("There are not that many pages: showing the last page."))
        return paginator.num_pages
    return number


def filter_links(name, options, chosen, params):
    """Links for one filter: "all" first, then each option, each keeping the other parameters."""
    base = {key: value for key, value in params.items() if key != name and value}
    links = [{"label": _("All"), "url": _url(base), "current": chosen is None}]
    links += [
        {"label": label, "url": _url(base, **{name: value}), "current": value == chosen}
        for value, label in options
    ]
    return links


def content_listing(index, request):
    """The index's content, filtered and paginated. What a choice of filters and page shows is the same
    for every visitor, so the count and each page of cards are kept per site version (any publish,
    topic or audience saved renews them); a preview shows the draft's own. Unknown filter values are
    turned away before anything is looked up, so only real choices are ever kept."""
    params = {key: request.GET.get(key, "").strip()[:100] for key in FILTERS}
    notices = []

    def kept(name, build, *parts):
        return cached_for_request(name, request, build, index.pk, index.page_size, *parts)

    topics = kept(
        "content-topics", lambda: list(Topic.objects.filter(locale_id=index.locale_id).order_by("name"))
    )
    topic = next((t for t in topics if t.slug == params["topic"]), None)
    if params["topic"] and topic is None:
        notices.append(_("That topic does not exist: showing every topic."))
        params["topic"] = ""

    audience = params["audience"] if params["audience"] in Audience.Kind.values else None
    if params["audience"] and audience is None:
        notices.append(_("That audience does not exist: showing content for everyone."))
        params["audience"] = ""

    kind = params["kind"] if params["kind"] in KIND_MODELS else None
    if params["kind"] and kind is None:
        notices.append(_("That kind of content does not exist: showing every kind."))
        params["kind"] = ""

    def chosen_pages():
        pages = public(ContentPage.objects.live().child_of(index), request)
        pages = pages.select_related("hero_image").order_by("-first_published_at", "-pk")
        if topic is not None:
            pages = pages.filter(topics__translation_key=topic.translation_key)
        if audience is not None:
            pages = pages.filter(audiences__slug=audience)
        if kind is not None:
            pages = pages.filter(content_type=ContentType.objects.get_for_model(KIND_MODELS[kind]))
        return pages.distinct()

    choice = (params["topic"], audience or "", kind or "")
    total = kept("content-count", lambda: chosen_pages().count(), *choice)
    paginator = Paginator(range(total), index.page_size)
    page_obj = paginator.page(page_number(request, paginator, notices))

    def cards():
        topics_by_key = {t.translation_key: t for t in topics}
        if not total:
            return []
        shown = chosen_pages().prefetch_related("topics")[page_obj.start_index() - 1 : page_obj.end_index()]
        return [
            {
                "page": page,
                "kind": page.kind_name,
                "topics": [
                    topics_by_key[t.translation_key]
                    for t in page.topics.all()
                    if t.translation_key in topics_by_key
                ],
            }
            for page in shown
        ]

    # Read only when the list is rendered, not when the page's kept fragment of it is shown.
    items = SimpleLazyObject(lambda: kept("content-cards", cards, *choice, page_obj.number))
    active_filter_count = sum(1 for key in FILTERS if params[key])
    return {
        "items": items,
        "page_obj": page_obj,
        "notices": notices,
        "filtered": active_filter_count > 0,
        "active_filter_count": active_filter_count,
        "topic_links": filter_links(
            "topic", [(t.slug, t.name) for t in topics], params["topic"] or None, params
        ),
        "audience_links": filter_links("audience", Audience.Kind.choices, audience, params),
        "kind_links": filter_links("kind", ContentPage.Kind.choices, kind, params),
        "page_query": urlencode({key: params[key] for key in FILTERS if params[key]}),
    }


HOME_LATEST_COUNT = 6


def home_page_content(home, request):
    """The home page's curated sections: featured content, the latest content, topic tiles.

    A section with nothing in it is left out by the template. The same for every visitor of the
    published page, so kept per site version (a publish, a topic saved renews it); a preview shows its
    draft's own.
    """
    return cached_for_request("home-content", request, lambda: _home_page_content(home, request), home.pk)


def _home_page_content(home, request):
    featured = [
        feature.page
        for feature in home.featured.select_related("page", "page__hero_image").order_by("sort_order")
        if feature.page.live
    ]
    latest = list(
        public(ContentPage.objects.live().descendant_of(home).filter(locale_id=home.locale_id), request)
        .exclude(pk__in=[page.pk for page in featured])
        .select_related("hero_image")
        .order_by("-first_published_at", "-pk")[:HOME_LATEST_COUNT]
    )
    index = ContentIndexPage.objects.live().child_of(home).only("id", "url_path", "path", "depth").first()
    tiles = []
    if index is not None:
        with_content = (
            ContentPage.objects.live()
            .child_of(index)
            .filter(topics__translation_key=OuterRef("translation_key"))
        )
        topics = Topic.objects.filter(locale_id=home.locale_id).filter(Exists(with_content)).order_by("name")
        index_url = index.get_url(request)
        tiles = [
            {"topic": topic, "url": f"{index_url}?{urlencode({'topic': topic.slug})}"} for topic in topics
        ]
    return {
        "featured": [_card(page) for page in featured],
        "latest": [_card(page) for page in latest],
        "topic_tiles": tiles,
        "content_index": index,
    }


def _card(page, topics=()):
    """What a content card shows: the page, its kind and (in listings) its topics."""
    return {"page": page, "kind": page.kind_name, "topics": list(topics)}


def related_content(page, request):
    """The editor's choice in this language, in the editor's order; failing that, the newest content
    sharing a topic. Pages under a view restriction are left out.

    One query: the editor's choices sort first (by their place in the editor's list), so when the
    first row is a choice, only choices are kept."""
    chosen_at = RelatedContent.objects.filter(
        source_id=page.pk, page__translation_key=OuterRef("translation_key")
    ).values("sort_order")[:1]
    topic_keys = page.topics.values("translation_key")
    candidates = (
        public(ContentPage.objects.live().filter(locale_id=page.locale_id), request)
        .exclude(pk=page.pk)
        .annotate(chosen_at=Subquery(chosen_at))
        .filter(Q(chosen_at__isnull=False) | Q(topics__translation_key__in=topic_keys))
        .distinct()
        .order_by(F("chosen_at").asc(nulls_last=True), "-first_published_at", "-pk")
    )
    pages = list(candidates[:RELATED_CONTENT_COUNT])
    if pages and pages[0].chosen_at is not None:
        pages = [chosen for chosen in pages if chosen.chosen_at is not None]
    return [_card(related) for related in pages]


def content_page_context(page, request):
    """What a content page shows beside its own fields: topics in its language, audiences, related.

    The same for every visitor of the published page, so kept per site version (any publish, topic or
    audience saved renews it); a preview shows its draft's own."""

    def build():
        topic_keys = page.topics.values("translation_key")
        topics = Topic.objects.filter(locale_id=page.locale_id, translation_key__in=topic_keys)
        return {
            "page_topics": list(topics),
            "page_audiences": list(page.audiences.all()),
            "related": related_content(page, request),
        }

    shown = cached_for_request("content-page-facts", request, build, page.pk)
    url = page.get_url(request) or ""
    return shown | {
        # A content page sits directly in its index: the index's URL is the page's without the slug.
        "index_url": url[: url.rstrip("/").rfind("/") + 1],
        "leads_on": leads_on(page, shown["page_topics"], request),
    }


def leads_on(page, page_topics, request):
    """What other rooms offer after reading the page (content_page_links): a quiz and the next event on
    its topics, the destination a case happened in. The page is served in its own language: the active
    one (reading `page.locale` would cost a query)."""
    country = getattr(page, "country", None)
    subject = ContentSubject(
        language_code=reader_language(),
        topic_keys=frozenset(topic.translation_key for topic in page_topics),
        country=getattr(country, "code", None) or "",
    )
    return collect_sections(CONTENT_PAGE_LINKS, request, subject)
