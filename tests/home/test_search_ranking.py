"""The search set: real questions against the whole demo site, and where the page that answers them ranks.

The demo is seeded the way `seed_demo` seeds it (every room's content), once for this module and
rolled back after it: the test walks the result pages as a visitor would and reports every query's
rank, so a regression names the query and how far its answer fell.
"""

import io

import pytest
from django.db import transaction
from wagtail import hooks

from home.demo import SEED_DEMO_CONTENT

pytestmark = [pytest.mark.django_db, pytest.mark.engine]  # ranking is the database's full-text search

# (language, query, slug of the page that answers it, the lowest rank that still counts as found first)
SEARCH_SET = [
    ("zh-hans", "诈骗", "phone-scams", 3),
    ("zh-hans", "诈骗", "virtual-kidnapping", 10),
    ("zh-hans", "护照", "lost-passport", 1),
    ("zh-hans", "护照丢失", "lost-passport", 1),
    ("zh-hans", "电信诈骗", "phone-scams", 1),
    ("zh-hans", "防范诈骗", "fraud-and-personal-safety", 1),
    ("zh-hans", "地震", "earthquake-family-trip", 2),
    ("zh-hans", "心理健康", "student-mental-health", 1),
    ("zh-hans", "泰国", "th", 1),
    ("en", "scam", "phone-scams", 3),
    ("en", "passports", "lost-passport", 1),
    ("en", "passport", "lost-passport", 1),
    ("en", "earthquake", "earthquake-family-trip", 2),
    ("en", "Thailand", "th", 1),
]


def seed_whole_demo():
    from home.demo import DemoSeeder

    stdout = io.StringIO()
    DemoSeeder(stdout).run()
    for seed in hooks.get_hooks(SEED_DEMO_CONTENT):
        seed(stdout)


@pytest.fixture(scope="module")
def whole_demo(django_db_setup, django_db_blocker):
    """Every room's demo content (about a minute to seed), shared by this module's tests, then undone."""
    with django_db_blocker.unblock(), transaction.atomic():
        seed_whole_demo()
        yield
        transaction.set_rollback(True)


def rank_of(client, language, query, slug, max_pages=10):
    """The 1-based place of the page with `slug` in the results as a visitor pages through them, or None."""
    place = 0
    for number in range(1, max_pages + 1):
        response = client.get(f"/{language}/search/", {"q": query, "page": number})
        results = response.context["results"]
        for item in response.context["items"]:
            place += 1
            if item["page"].slug == slug:
                return place
        if results is None or not results.has_next():
            return None
    return None


def test_the_answer_to_each_question_in_the_search_set_comes_first(client, whole_demo):
    ranks = [
        (language, query, slug, worst, rank_of(client, language, query, slug))
        for language, query, slug, worst in SEARCH_SET
    ]
    report = "\n".join(
        f"{language:8} {query:10} {slug:28} rank {rank or 'not found'} (at most {worst})"
        for language, query, slug, worst, rank in ranks
    )
    print("\n" + report)  # the table the closing note reports
    missed = [row for row in ranks if row[4] is None or row[4] > row[3]]
    assert not missed, "Answers ranked too low:\n" + report


KINDS_A_PERSON_USES = {
    "zh-hans": {
        "文章",
        "真实案例",
        "宣传册",
        "视频",
        "测验",
        "课程",
        "目的地",
        "安全提醒",
        "活动",
        "栏目",
        "网站信息",
        "首页",
    },
    "en": {
        "Article",
        "Real-life case",
        "Brochure",
        "Video",
        "Quiz",
        "Course",
        "Destination",
        "Safety alert",
        "Event",
    }
    | {"Section", "Site information", "Home page"},
}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_kind_of_page_in_the_demo_has_a_label_a_person_uses(client, whole_demo, language):
    query = "诈骗 安全" if language == "zh-hans" else "safety"
    kinds = set()
    for number in range(1, 20):
        response = client.get(f"/{language}/search/", {"q": query, "page": number})
        kinds |= {item["kind"] for item in response.context["items"]}
        if not response.context["results"].has_next():
            break
    assert kinds and kinds <= KINDS_A_PERSON_USES[language], kinds - KINDS_A_PERSON_USES[language]


def test_a_page_of_mixed_results_stays_within_15_queries(client, whole_demo, django_assert_max_num_queries):
    client.get("/zh-hans/search/", {"q": "安全"})  # the content types are cached once per process
    with django_assert_max_num_queries(15):
        response = client.get("/zh-hans/search/", {"q": "诈骗"})
    assert len({type(item["page"]) for item in response.context["items"]}) >= 4
