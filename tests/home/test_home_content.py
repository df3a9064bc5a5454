import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.models import HomePageFeature
from tests.accounts.factories import UserFactory
from tests.home import factories as cf

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_zh):
    return cf.ContentIndexPageFactory(parent=home_zh)


@pytest.mark.usefixtures("without_demo_content")
def test_empty_sections_disappear(client, home_zh):
    html = client.get("/zh-hans/").content.decode()
    assert 'id="featured-content-heading"' not in html
    assert 'id="latest-content-heading"' not in html
    assert 'id="topics-heading"' not in html


def test_featured_content_chosen_by_editors_comes_first(client, home_zh, index):
    case = cf.CaseStudyPageFactory(parent=index, title="精选案例")
    cf.ArticlePageFactory(parent=index, title="最新文章")
    HomePageFeature.objects.create(home=home_zh, page=case, sort_order=0)
    html = client.get("/zh-hans/").content.decode()
    assert 'id="featured-content-heading"' in html
    featured = html.split('id="featured-content-heading"')[1].split("</section>")[0]
    assert "精选案例" in featured
    latest = html.split('id="latest-content-heading"')[1].split("</section>")[0]
    assert "最新文章" in latest
    assert "精选案例" not in latest  # not shown twice


def test_unpublished_featured_content_is_left_out(client, home_zh, index):
    case = cf.CaseStudyPageFactory(parent=index, title="已撤下案例")
    HomePageFeature.objects.create(home=home_zh, page=case, sort_order=0)
    case.unpublish()
    assert "已撤下案例" not in client.get("/zh-hans/").content.decode()


@pytest.mark.usefixtures("without_demo_content")
def test_topic_tiles_link_to_the_filtered_index_for_topics_with_content(client, home_zh, index, zh):
    cf.with_topics(cf.ArticlePageFactory(parent=index), [cf.topic(zh, "fraud-and-scams")])
    html = client.get("/zh-hans/").content.decode()
    tiles = html.split('id="topics-heading"')[1].split("</section>")[0]
    assert f'href="{index.url}?topic=fraud-and-scams"' in tiles
    assert "mental-health" not in tiles


def test_latest_content_is_in_the_pages_language_only(client, home_zh, home_en, index):
    cf.ArticlePageFactory(parent=index, title="中文最新")
    assert "中文最新" not in client.get("/en/").content.decode()


def test_home_page_queries_do_not_grow_with_content(client, home_zh, index, zh):
    fraud = cf.topic(zh, "fraud-and-scams")
    for n in range(3):
        HomePageFeature.objects.create(
            home=home_zh, page=cf.with_topics(cf.ArticlePageFactory(parent=index), [fraud]), sort_order=n
        )

    def count():
        client.get("/zh-hans/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/zh-hans/")
        return len(captured.captured_queries)

    before = count()
    for _ in range(20):
        cf.with_topics(cf.CaseStudyPageFactory(parent=index), [fraud])
    assert count() == before <= 15


def test_the_home_pages_sections_are_kept_until_the_next_publish(client, home_zh, index):
    cf.ArticlePageFactory(parent=index, title="先发的文章")
    client.get("/zh-hans/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/zh-hans/")
    sql = " ".join(query["sql"] for query in warm.captured_queries)
    assert "home_homepagefeature" not in sql and "home_topic" not in sql
    cf.ArticlePageFactory(parent=index, title="刚发布的文章")  # a publish: shown at once
    assert "刚发布的文章" in client.get("/zh-hans/").content.decode()


def test_a_preview_of_the_home_page_shows_its_drafts_features_not_the_kept_ones(client, home_zh, index):
    case = cf.CaseStudyPageFactory(parent=index, title="草稿里精选的案例")
    client.get("/zh-hans/")  # the published page's sections are kept
    editor = UserFactory(is_superuser=True, is_staff=True)
    draft = Page.objects.get(pk=home_zh.pk).specific
    draft.featured = [HomePageFeature(page=case, sort_order=0)]
    revision = draft.save_revision(user=editor)
    client.force_login(editor)
    preview = client.get(f"/admin/pages/{home_zh.pk}/revisions/{revision.pk}/view/").content.decode()
    assert "草稿里精选的案例" in preview.split('id="featured-content-heading"')[1].split("</section>")[0]
