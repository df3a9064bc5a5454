"""The content index on a phone (results first, filters folded into one disclosure that counts the active
ones) and the print button and QR code under articles, cases, brochures and videos."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.qr import qr_svg
from tests.home import factories as cf

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_zh):
    return cf.ContentIndexPageFactory(parent=home_zh)


def disclosure(html):
    match = re.search(r'<details class="content-filters[^"]*">(.*?)</details>', html, re.DOTALL)
    assert match, "the filters are folded into one <details>"
    return match.group(1)


def test_filters_are_folded_after_the_heading_and_the_results_follow(client, index):
    cf.ArticlePageFactory(parent=index, title="一篇文章")
    html = client.get(index.url).content.decode()
    folded = disclosure(html)
    summary = re.search(r"<summary[^>]*>(.*?)</summary>", folded, re.DOTALL).group(1)
    assert summary.strip() == "筛选"  # nothing active, nothing counted
    assert '<details class="content-filters mb-4">' in html  # closed: the results come first
    for heading in ("主题", "适用对象", "类型"):
        assert heading in folded
    assert html.index("</details>") < html.index("一篇文章")


@pytest.mark.parametrize(("query", "count"), [("?kind=article", 1), ("?kind=article&audience=students", 2)])
def test_the_disclosure_says_how_many_filters_are_active(client, index, zh, query, count):
    cf.with_topics(cf.ArticlePageFactory(parent=index), [cf.topic(zh, "fraud-and-scams")])
    folded = disclosure(client.get(index.url + query).content.decode())
    summary = re.search(r"<summary[^>]*>(.*?)</summary>", folded, re.DOTALL).group(1)
    assert f'<span class="content-filters__count">已选 {count} 项</span>' in summary
    assert '<a href="?">清除筛选</a>' in folded


def test_the_active_count_in_english(client, home_en, index):
    english = index.copy_for_translation(home_en.locale, copy_parents=False)
    english.save_revision().publish()
    html = client.get(english.url + "?kind=case&topic=fraud-and-scams&audience=students").content.decode()
    assert '<span class="content-filters__count">3 active</span>' in disclosure(html)


def test_an_unknown_filter_is_not_counted(client, index):
    folded = disclosure(client.get(index.url + "?kind=nonsense").content.decode())
    assert "content-filters__count" not in folded


def share_tools(html):
    match = re.search(r'<aside class="share-tools[^"]*"[^>]*>(.*?)</aside>', html, re.DOTALL)
    assert match, "the page has its print and share tools"
    return match.group(1)


@pytest.mark.parametrize("kind", ["article", "case", "brochure", "video"])
def test_content_pages_offer_print_and_a_qr_code_of_their_address(client, index, kind):
    page = cf.CONTENT_PAGE_FACTORIES[kind](parent=index)
    html = client.get(page.url).content.decode()
    tools = share_tools(html)
    button = re.search(r"<button[^>]*data-print-page[^>]*>([^<]*)</button>", tools)
    assert button and 'type="button"' in button.group(0) and button.group(1) == "打印本页"
    assert "onclick" not in html  # the CSP allows no inline handlers: static/js/print-page.js does it
    assert re.search(r'<script src="[^"]*print-page[^"]*\.js" defer></script>', html)
    # The QR code encodes the page's own address and is drawn on wide screens only.
    assert 'class="share-tools__qr d-none d-lg-flex"' in tools
    assert qr_svg(f"http://testserver{page.url}", css_class="share-qr", label="本页网址的二维码") in tools


def test_the_qr_code_follows_the_reader_language(client, home_en, index):
    page = cf.ArticlePageFactory(parent=index)
    english = page.copy_for_translation(home_en.locale, copy_parents=True)
    english.save_revision().publish()
    tools = share_tools(client.get(english.url).content.decode())
    assert 'aria-label="QR code of this page&#x27;s address"' in tools
    assert ">Print this page<" in tools


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_article_with_its_qr_code_stays_within_15_queries_at_3_and_30_articles(client, index):
    page = cf.ArticlePageFactory(parent=index)
    for _ in range(2):
        cf.ArticlePageFactory(parent=index)
    at_three = count_queries(client, page.url)
    for _ in range(27):
        cf.ArticlePageFactory(parent=index)
    at_thirty = count_queries(client, page.url)
    assert at_three == at_thirty <= 15
