import threading

import pytest
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.models import UnansweredSearch
from tests.home import factories as cf

pytestmark = [pytest.mark.django_db, pytest.mark.engine]  # the search backend


@pytest.fixture
def index(home_zh):
    return cf.ContentIndexPageFactory(parent=home_zh)


def test_results_show_the_kind_of_page(client, index):
    cf.CaseStudyPageFactory(parent=index, title="留学生遭遇电信诈骗")
    html = client.get("/en/search/", {"q": "x"}).content.decode()  # warm up
    html = client.get("/zh-hans/search/", {"q": "诈骗"}).content.decode()
    assert "留学生遭遇电信诈骗" in html
    assert 'class="content-card__kind">真实案例<' in html


def test_kind_filter_keeps_only_that_kind(client, index):
    cf.ArticlePageFactory(parent=index, title="诈骗防范指南")
    cf.CaseStudyPageFactory(parent=index, title="诈骗真实案例")
    html = client.get("/zh-hans/search/", {"q": "诈骗", "kind": "case"}).content.decode()
    assert "诈骗真实案例" in html
    assert "诈骗防范指南" not in html


def test_unknown_kind_shows_every_kind(client, index):
    cf.ArticlePageFactory(parent=index, title="诈骗防范指南")
    assert "诈骗防范指南" in client.get("/zh-hans/search/", {"q": "诈骗", "kind": "podcast"}).content.decode()


def test_search_finds_words_in_a_case_body_and_not_english_pages(client, index, home_en):
    cf.CaseStudyPageFactory(parent=index, title="一个案例", what_happened="<p>他的护照在机场丢失了。</p>")
    english = cf.ContentIndexPageFactory(parent=home_en, slug="knowledge-en", title="Knowledge")
    cf.ArticlePageFactory(parent=english, title="Passport lost at the airport", summary="passport 丢失")
    html = client.get("/zh-hans/search/", {"q": "护照丢失"}).content.decode()
    assert "一个案例" in html
    assert "Passport lost at the airport" not in html


def test_english_search_finds_english_pages(client, home_en):
    english = cf.ContentIndexPageFactory(parent=home_en, slug="knowledge-en", title="Knowledge")
    cf.ArticlePageFactory(
        parent=english, title="What to do if your passport is stolen", summary="Report it to the police."
    )
    html = client.get("/en/search/", {"q": "stolen passport"}).content.decode()
    assert "What to do if your passport is stolen" in html


def test_promoted_results_come_first(client, index, about_zh):
    query = Query.objects.create(query_string="护照")
    SearchPromotion.objects.create(query=query, page=about_zh, description="先看这里", sort_order=0)
    html = client.get("/zh-hans/search/", {"q": "护照"}).content.decode()
    assert 'id="promoted-heading"' in html
    assert "先看这里" in html


def test_a_search_that_finds_nothing_is_counted_for_editors(client):
    client.get("/zh-hans/search/", {"q": "火星签证"})
    client.get("/zh-hans/search/", {"q": "火星签证 "})
    assert UnansweredSearch.objects.get(language="zh-hans").count == 2


def test_a_search_that_finds_something_is_not_counted(client, index):
    cf.ArticlePageFactory(parent=index, title="诈骗防范指南")
    client.get("/zh-hans/search/", {"q": "诈骗"})
    assert not UnansweredSearch.objects.exists()


def test_editors_see_the_report_and_others_do_not(client, make_user):
    from django.contrib.auth.models import Group

    UnansweredSearch.record("火星签证", "zh-hans")
    editor = make_user(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get("/admin/reports/unanswered-searches/")
    assert response.status_code == 200
    assert "火星签证" in response.content.decode()
    officer = make_user(is_staff=True)
    officer.groups.add(Group.objects.get(name="Officers"))
    client.force_login(officer)
    assert client.get("/admin/reports/unanswered-searches/").status_code in (302, 403)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("rebuild_site")
def test_two_searches_at_once_are_both_counted():
    barrier = threading.Barrier(8)

    def search():
        barrier.wait()
        UnansweredSearch.record("同时搜索", "zh-hans")
        connection.close()

    threads = [threading.Thread(target=search) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert UnansweredSearch.objects.get(query_string="同时搜索").count == 8
