import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from destinations.models import AlertIndexPage, DestinationIndexPage
from events.models import EventIndexPage
from home.models import (
    ArticlePage,
    BrochurePage,
    CaseStudyPage,
    ContentIndexPage,
    ContentPage,
    HomePage,
    StandardPage,
    VideoPage,
    reading_minutes,
)
from quizzes.models import QuizIndexPage
from tests.home import factories as cf
from training.models import CourseIndexPage

pytestmark = pytest.mark.django_db

CONTENT_KINDS = {ArticlePage, CaseStudyPage, BrochurePage, VideoPage}


class TestContentPageTree(WagtailPageTestCase):
    def test_content_index_sits_under_a_home_page(self):
        self.assertAllowedParentPageTypes(ContentIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                ContentIndexPage,
                DestinationIndexPage,
                AlertIndexPage,
                EventIndexPage,
                QuizIndexPage,
                CourseIndexPage,
            },
        )

    def test_content_index_holds_the_four_kinds_only(self):
        self.assertAllowedSubpageTypes(ContentIndexPage, CONTENT_KINDS)

    def test_every_kind_sits_only_in_a_content_index_and_holds_nothing(self):
        for kind in CONTENT_KINDS:
            self.assertAllowedParentPageTypes(kind, {ContentIndexPage})
            self.assertAllowedSubpageTypes(kind, set())

    def test_editors_cannot_put_a_case_outside_an_index_nor_an_index_under_an_article(self):
        self.assertCanNotCreateAt(HomePage, CaseStudyPage)
        self.assertCanNotCreateAt(StandardPage, CaseStudyPage)
        self.assertCanNotCreateAt(ArticlePage, ContentIndexPage)


@pytest.fixture
def index(home_zh):
    return cf.ContentIndexPageFactory(parent=home_zh)


def titles_on(client, url):
    html = client.get(url).content.decode()
    return html, [
        chunk.split(">", 1)[1].split("<", 1)[0] for chunk in html.split('class="stretched-link" ')[1:]
    ]


def test_lists_children_newest_first(client, index):
    first = cf.ArticlePageFactory(parent=index, title="较早的文章")
    second = cf.CaseStudyPageFactory(parent=index, title="较新的案例")
    html, titles = titles_on(client, index.url)
    assert titles == [second.title, first.title]
    assert "真实案例" in html or "Real-life case" in html


def test_filters_by_topic_audience_and_kind(client, index, zh):
    fraud = cf.topic(zh, "fraud-and-scams")
    health = cf.topic(zh, "mental-health")
    from home.models import Audience

    students = Audience.objects.get(slug="students")
    fraud_article = cf.with_topics(cf.ArticlePageFactory(parent=index, title="诈骗文章"), [fraud], [students])
    cf.with_topics(cf.ArticlePageFactory(parent=index, title="心理文章"), [health])
    fraud_case = cf.with_topics(cf.CaseStudyPageFactory(parent=index, title="诈骗案例"), [fraud])

    assert titles_on(client, index.url + "?topic=fraud-and-scams")[1] == [
        fraud_case.title,
        fraud_article.title,
    ]
    assert titles_on(client, index.url + "?audience=students")[1] == [fraud_article.title]
    assert titles_on(client, index.url + "?topic=fraud-and-scams&kind=case")[1] == [fraud_case.title]


def test_filter_links_keep_the_other_filters_in_the_url(client, index):
    cf.ArticlePageFactory(parent=index)
    html = client.get(index.url + "?kind=article").content.decode()
    assert (
        'href="?kind=article&amp;topic=fraud-and-scams"' in html
        or 'href="?topic=fraud-and-scams&amp;kind=article"' in html
    )
    assert (
        'href="?audience=students&amp;kind=article"' in html
        or 'href="?kind=article&amp;audience=students"' in html
    )


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("?topic=no-such-topic", "该主题不存在"),
        ("?audience=aliens", "该受众不存在"),
        ("?kind=podcast", "该内容类型不存在"),
    ],
)
def test_unknown_filter_is_ignored_with_a_message(client, index, query, notice):
    page = cf.ArticlePageFactory(parent=index)
    response = client.get(index.url + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert notice in html
    assert page.title in html


def test_unknown_filter_message_in_english(client, home_en, index):
    english_index = index.copy_for_translation(home_en.locale)
    english_index.title = "Safety knowledge"
    english_index.save_revision().publish()
    response = client.get(english_index.url + "?topic=%25%27%F0%9F%98%80")
    assert response.status_code == 200
    assert "That topic does not exist: showing every topic." in response.content.decode()


@pytest.mark.parametrize("number", ["abc", "0", "-1", "1.5", "%F0%9F%98%80", "%00"])
def test_wrong_page_number_shows_first_page_with_a_message(client, index, number):
    cf.ArticlePageFactory(parent=index)
    response = client.get(f"{index.url}?page={number}")
    assert response.status_code == 200
    assert "页码无效" in response.content.decode()


@pytest.mark.parametrize("number", ["3", "9" * 40])
def test_page_number_past_the_end_shows_the_last_page(client, index, number):
    for n in range(ContentIndexPage.page_size + 1):
        cf.ArticlePageFactory(parent=index, title=f"文章{n}")
    response = client.get(f"{index.url}?page={number}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "没有这么多页" in html
    assert "文章0" in html  # the oldest, on the last page


def test_pagination_keeps_the_filters(client, index, zh):
    fraud = cf.topic(zh, "fraud-and-scams")
    for n in range(ContentIndexPage.page_size + 1):
        cf.with_topics(cf.ArticlePageFactory(parent=index, title=f"诈骗{n}"), [fraud])
    html = client.get(index.url + "?topic=fraud-and-scams").content.decode()
    assert 'href="?topic=fraud-and-scams&amp;page=2"' in html


def test_drafts_and_the_other_language_are_not_listed(client, index, home_en):
    cf.ArticlePageFactory(parent=index, title="已发布")
    draft = ArticlePage(title="草稿", slug="draft", summary="s", body=[], live=False)
    index.add_child(instance=draft)
    english_index = index.copy_for_translation(home_en.locale)
    english_index.save_revision().publish()
    html, titles = titles_on(client, index.url)
    assert titles == ["已发布"]
    assert titles_on(client, english_index.url)[1] == []


def test_index_renders_in_the_same_number_of_queries_for_10_and_200_children(client, index, zh):
    fraud = cf.topic(zh, "fraud-and-scams")

    def count_queries():
        client.get(index.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(index.url + "?topic=fraud-and-scams").status_code == 200
        return len(captured.captured_queries)

    pages = [
        cf.with_topics(cf.ArticlePageFactory(parent=index, title=f"批量{n}"), [fraud]) for n in range(10)
    ]
    with_ten = count_queries()
    parent_path = index.path
    for n in range(190):
        page = ArticlePage(title=f"更多{n}", slug=f"more-{n}", summary="s", body=[], live=True)
        index.add_child(instance=page)
        page.topics.set([fraud])
    assert ContentPage.objects.filter(path__startswith=parent_path).count() == 200
    assert len(pages) == 10
    assert count_queries() == with_ten <= 15


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("", 0),
        ("字" * 400, 1),
        ("字" * 401, 2),
        ("字" * 800, 2),
        ("word " * 200, 1),
        ("word " * 201 + "字" * 200, 2),
    ],
)
def test_reading_time_counts_chinese_characters_and_english_words(text, minutes):
    assert reading_minutes(text) == minutes


def test_pages_under_a_view_restriction_are_not_listed(client, index):
    from wagtail.models import PageViewRestriction

    cf.ArticlePageFactory(parent=index, title="公开文章")
    private = cf.ArticlePageFactory(parent=index, title="内部文章")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert titles_on(client, index.url)[1] == ["公开文章"]
