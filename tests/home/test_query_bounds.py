"""Every public page type within 12 SQL queries warm and 15 cold, in one place (issue 18, item 3).

"Cold" is the first request after a publish: the site version bumped (home/site_cache.py), so every
header, footer and listing kept per site version is built again (routes from path to page are kept
until a route changes: home/page_routes.py). "Warm" is the request after.
The anonymous page cache (home/page_cache.py) is switched off: what is bounded is the render itself.
One site with a page of every type is built once per data size; at the larger size the listings and
related content have more rows to choose from, and no page may ask more for it.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home import site_cache
from home.models import StandardPage, Topic
from tests.destinations.factories import (
    AlertIndexPageFactory,
    DestinationFactory,
    DestinationIndexPageFactory,
    DestinationPageFactory,
    SafetyAlertPageFactory,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import translate
from tests.home.factories import (
    ArticlePageFactory,
    CaseStudyPageFactory,
    ContentIndexPageFactory,
    ImageFactory,
    with_topics,
)
from tests.quizzes.factories import QuestionFactory, QuizIndexPageFactory, QuizPageFactory
from tests.training.factories import CourseIndexPageFactory, CoursePageFactory

pytestmark = pytest.mark.django_db

WARM = 12
COLD = 15


@pytest.fixture(autouse=True)
def without_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "page_cache" not in name]
    # Room for every version's entries: a local-memory cache culls a third at random when full.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }


def more_rows(index, events, how_many, topics):
    """`how_many` more articles on the first article's topics and `how_many` more past events."""
    past = timezone.now() - datetime.timedelta(days=30)
    for number in range(how_many):
        with_topics(ArticlePageFactory(parent=index), topics)
        starts = past - datetime.timedelta(days=number)
        EventPageFactory(parent=events, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))


def build_site(home_zh, zh):
    """A page of every public type (Chinese; an article also in English); returns its addresses and a
    function adding rows."""
    topics = list(Topic.objects.filter(locale=zh)[:1])
    index = ContentIndexPageFactory(parent=home_zh)
    article = with_topics(ArticlePageFactory(parent=index), topics)
    case = CaseStudyPageFactory(parent=index, hero_image=ImageFactory(), hero_image_alt="地铁站台")
    english = translate(article, "en", title="Phone scams")
    destinations = DestinationIndexPageFactory(parent=home_zh)
    japan = DestinationPageFactory(parent=destinations, destination=DestinationFactory(country="JP"))
    alerts = AlertIndexPageFactory(parent=home_zh)
    alert = SafetyAlertPageFactory(parent=alerts, destinations=[japan.destination])
    events = EventIndexPageFactory(parent=home_zh)
    event = EventPageFactory(parent=events, capacity=30)
    quizzes = QuizIndexPageFactory(parent=home_zh)
    quiz = QuizPageFactory(parent=quizzes, questions=[QuestionFactory() for _ in range(3)])
    courses = CourseIndexPageFactory(parent=home_zh)
    course = CoursePageFactory(parent=courses, lessons=2)
    lesson = course.get_children().live().first()
    about = StandardPage.objects.child_of(home_zh).live().first()
    pages = {
        "home": "/zh-hans/",
        "home (English)": "/en/",
        "standard page": about.url,
        "content index": index.url,
        "content index by topic": f"{index.url}?topic=scams",
        "article": article.url,
        "article (English)": english.url,
        "case study": case.url,
        "destination index": destinations.url,
        "destination": japan.url,
        "alert index": alerts.url,
        "safety alert": alert.url,
        "event index": events.url,
        "event": event.url,
        "quiz index": quizzes.url,
        "quiz": quiz.url,
        "course index": courses.url,
        "course": course.url,
        "lesson": lesson.url,
        "search": "/zh-hans/search/?q=诈骗",
        "empty search": "/zh-hans/search/",
        "site map page": "/zh-hans/site-map/",
        "sitemap.xml": "/sitemap.xml",
        "robots.txt": "/robots.txt",
        "latest feed": "/zh-hans/feeds/latest/",
        "alerts feed": "/zh-hans/feeds/alerts/",
        "event calendar feed": "/zh-hans/events/feed.ics",
    }
    return pages, lambda how_many: more_rows(index, events, how_many, topics)


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(captured.captured_queries)


def bounds(client, pages):
    """{page: (cold, warm)}: each page once to load Python's own caches, then after a publish, then again."""
    found = {}
    for name, path in pages.items():
        client.get(path)
        site_cache.site_changed()
        cold = queries(client, path)
        found[name] = (cold, queries(client, path))
    return found


def over(found):
    return {name: counts for name, counts in found.items() if counts[0] > COLD or counts[1] > WARM}


def test_every_public_page_type_within_12_queries_warm_and_15_cold_at_two_sizes(client, home_zh, zh):
    pages, add_rows = build_site(home_zh, zh)
    small = bounds(client, pages)
    print("(cold, warm) queries:", small)  # shown with -s
    assert not over(small), f"(cold, warm) queries over {COLD}/{WARM}: {over(small)}"
    add_rows(10)
    large = bounds(client, pages)
    assert not over(large), f"(cold, warm) queries over {COLD}/{WARM} with more rows: {over(large)}"
    grown = {name: (small[name], large[name]) for name in pages if large[name][1] > small[name][1]}
    assert not grown, f"warm queries grew with the rows: {grown}"
