"""The human-readable site map (网站地图): sections and their pages in the reader's language."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def child(parent, title, slug, live=True):
    """A page under `parent`, live without a revision (fast enough for a few hundred)."""
    return parent.add_child(instance=StandardPage(title=title, slug=slug, live=live))


@pytest.fixture
def guides(home_zh, home_en):
    """A section with two pages in Chinese, and its English copy with one."""
    section_zh = child(home_zh, "出行指南", "guides")
    child(section_zh, "行前准备", "before")
    child(section_zh, "落地之后", "after")
    section_en = child(home_en, "Travel guides", "guides")
    child(section_en, "Before you go", "before")
    return section_zh


def test_site_map_lists_sections_and_their_pages_in_chinese(client, guides):
    html = client.get("/zh-hans/site-map/").content.decode()
    assert "<h1>网站地图</h1>" in html
    assert '<a href="/zh-hans/guides/">出行指南</a></h2>' in html
    assert '<li><a href="/zh-hans/guides/before/">行前准备</a></li>' in html
    assert '<li><a href="/zh-hans/guides/after/">落地之后</a></li>' in html
    assert "Travel guides" not in html


def test_site_map_lists_sections_and_their_pages_in_english(client, guides):
    html = client.get("/en/site-map/").content.decode()
    assert "<h1>Site map</h1>" in html
    assert '<a href="/en/guides/">Travel guides</a></h2>' in html
    assert '<li><a href="/en/guides/before/">Before you go</a></li>' in html
    assert "出行指南" not in html


def test_single_pages_are_gathered_under_about_this_site(client):
    html = client.get("/zh-hans/site-map/").content.decode()
    about = html[html.index('id="site-map-about"') :]
    for slug, title in [("about", "关于我们"), ("privacy", "隐私声明"), ("contact", "联系我们")]:
        assert f'<li><a href="/zh-hans/{slug}/">{title}</a></li>' in about


def test_site_map_leaves_out_draft_and_private_pages(client, guides):
    child(guides, "草稿页", "draft", live=False)
    private = child(guides, "内部页", "internal")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/zh-hans/site-map/").content.decode()
    assert "草稿页" not in html
    assert "内部页" not in html
    assert "行前准备" in html


def test_a_newly_published_page_appears_in_a_cached_site_map(client, guides):
    client.get("/zh-hans/site-map/")
    page = StandardPage(title="新的指南", slug="new")
    guides.add_child(instance=page)
    page.save_revision().publish()
    assert "新的指南" in client.get("/zh-hans/site-map/").content.decode()


def site_map_queries(client):
    """Queries of a site map built afresh (the per-process caches warmed by another page first)."""
    cache.clear()
    client.get("/zh-hans/about/")
    with CaptureQueriesContext(connection) as context:
        response = client.get("/zh-hans/site-map/")
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


def test_site_map_stays_within_15_queries_the_same_at_10_and_300_pages(client, guides):
    for n in range(8):
        child(guides, f"指南 {n}", f"guide-{n}")
    at_10, html = site_map_queries(client)
    assert "指南 7" in html
    for n in range(8, 298):
        child(guides, f"指南 {n}", f"guide-{n}")
    at_300, html = site_map_queries(client)
    assert "指南 297" in html
    assert at_300 == at_10
    assert at_300 <= 15
    print(f"site map queries at 10 and 300 pages: {at_10}, {at_300}")


def test_the_xml_sitemap_for_search_engines_stays(client):
    assert client.get("/sitemap.xml").status_code == 200
