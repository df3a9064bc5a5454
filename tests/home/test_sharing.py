"""Sharing and finding: sitemap.xml, robots.txt, the Atom feed of new content and the meta tags in <head>."""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.timezone import localtime
from django.utils.translation import gettext
from wagtail.models import Page, PageViewRestriction

from home.models import ArticlePage, StandardPage
from tests.home import factories as cf

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ORIGIN = "http://testserver"


def translate(page, locale, title):
    translated = page.copy_for_translation(locale)
    translated.title = title
    translated.save_revision().publish()
    return Page.objects.get(pk=translated.pk).specific


def draft(index, title):
    body = [("paragraph", "<p>尚未发布。</p>")]
    page = ArticlePage(title=title, slug=f"draft-{len(title)}", summary="草稿", body=body, live=False)
    index.add_child(instance=page)
    page.save_revision()
    return page


def unpublished(index, title):
    page = cf.ArticlePageFactory(parent=index, title=title)
    page.unpublish()
    return page


def count_queries(client, url):
    client.get(url)  # the first request warms Wagtail's site-root cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.fixture
def indexes(home_zh, home_en, en):
    index = cf.ContentIndexPageFactory(parent=home_zh)
    return index, translate(index, en, "Knowledge")


# sitemap.xml


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted input
    assert root.tag == f"{SITEMAP}urlset"
    entries = {}
    for url in root.findall(f"{SITEMAP}url"):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
            if link.get("rel") == "alternate"
        }
        entries[url.findtext(f"{SITEMAP}loc")] = {
            "lastmod": url.findtext(f"{SITEMAP}lastmod"),
            "alternates": alternates,
        }
    return entries


def test_sitemap_lists_both_languages_with_hreflang_alternates(client, indexes, en):
    index_zh, index_en = indexes
    article = cf.ArticlePageFactory(parent=index_zh, title="防范电信诈骗")
    english = translate(article, en, "Beware of phone scams")
    chinese_only = cf.ArticlePageFactory(parent=index_zh, title="只有中文")

    entries = sitemap(client)

    zh_home, en_home = f"{ORIGIN}/zh-hans/", f"{ORIGIN}/en/"
    both_homes = {"zh-Hans": zh_home, "en": en_home, "x-default": zh_home}
    assert entries[zh_home]["alternates"] == both_homes
    assert entries[en_home]["alternates"] == both_homes
    zh_url, en_url = ORIGIN + article.url, ORIGIN + english.url
    assert en_url.startswith(f"{ORIGIN}/en/")
    both_articles = {"zh-Hans": zh_url, "en": en_url, "x-default": zh_url}
    assert entries[zh_url]["alternates"] == both_articles
    assert entries[en_url]["alternates"] == both_articles
    assert entries[zh_url]["lastmod"] == localtime(article.last_published_at).strftime("%Y-%m-%d")
    assert entries[ORIGIN + chinese_only.url]["alternates"] == {}
    assert ORIGIN + index_en.url in entries
    assert all(loc.startswith((f"{ORIGIN}/zh-hans/", f"{ORIGIN}/en/")) for loc in entries)


def test_sitemap_lists_only_live_public_pages(client, indexes):
    index_zh, _index_en = indexes
    live = cf.ArticlePageFactory(parent=index_zh, title="已发布")
    hidden = [draft(index_zh, "草稿"), unpublished(index_zh, "已撤回")]
    private = cf.ArticlePageFactory(parent=index_zh, title="内部资料")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")

    entries = sitemap(client)

    assert ORIGIN + live.url in entries
    for page in [*hidden, private]:
        assert ORIGIN + Page.objects.get(pk=page.pk).url not in entries
    assert not any("/admin/" in loc for loc in entries)


def test_sitemap_queries_do_not_grow_with_the_number_of_pages(client, indexes, en):
    index_zh, index_en = indexes
    for _ in range(5):
        translate(cf.ArticlePageFactory(parent=index_zh), en, "Translated")
    before = count_queries(client, "/sitemap.xml")
    for _ in range(45):
        translate(cf.ArticlePageFactory(parent=index_zh), en, "Translated")
    after = count_queries(client, "/sitemap.xml")
    assert len(sitemap(client)) >= 100
    assert after == before
    assert after <= 4


# robots.txt


def test_robots_txt_allows_all_but_private_paths_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().strip().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Allow: /" in lines
    disallowed = {line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow:")}
    assert disallowed == {"/admin/", "/zh-hans/accounts/", "/en/accounts/", "/zh-hans/my/", "/en/my/"}
    assert lines[-1] == f"Sitemap: {ORIGIN}/sitemap.xml"


# Atom feed


def feed(client, language):
    response = client.get(f"/{language}/feeds/latest/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted input
    assert root.tag == f"{ATOM}feed"
    return root


def entries_of(root):
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "published": entry.findtext(f"{ATOM}published"),
            "updated": entry.findtext(f"{ATOM}updated"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


@pytest.mark.usefixtures("without_demo_content")
def test_feed_lists_only_live_articles_and_cases_of_its_language(client, indexes, home_zh, portal_settings):
    index_zh, index_en = indexes
    article = cf.ArticlePageFactory(parent=index_zh, title="在线文章", summary="文章摘要")
    case = cf.CaseStudyPageFactory(parent=index_zh, title="在线案例")
    draft(index_zh, "草稿文章")
    unpublished(index_zh, "撤回的文章")
    cf.BrochurePageFactory(parent=index_zh, title="宣传册不在订阅中")
    english_only = cf.ArticlePageFactory(
        parent=index_en, title="English only article", summary="English summary"
    )
    cf.publish(home_zh, StandardPage(title="标准页面不在订阅中", slug="standard-not-in-feed"))

    root = feed(client, "zh-hans")

    assert root.get(XML_LANG) == "zh-Hans"
    with translation.override("zh-hans"):
        expected_title = gettext("%(name)s – latest") % {"name": portal_settings.campaign_name_zh}
    assert root.findtext(f"{ATOM}title") == expected_title
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    entries = entries_of(root)
    assert [entry["title"] for entry in entries] == ["在线案例", "在线文章"]  # newest first
    by_title = {entry["title"]: entry for entry in entries}
    assert by_title["在线文章"]["summary"] == "文章摘要"
    assert by_title["在线文章"]["link"] == ORIGIN + article.url
    assert by_title["在线案例"]["link"] == ORIGIN + case.url
    assert by_title["在线文章"]["published"].startswith(str(article.first_published_at.year))
    assert by_title["在线文章"]["updated"]

    english = feed(client, "en")
    assert english.get(XML_LANG) == "en"
    assert english.findtext(f"{ATOM}title") == f"{portal_settings.campaign_name_en} – latest"
    assert [entry["title"] for entry in entries_of(english)] == ["English only article"]
    assert entries_of(english)[0]["link"] == ORIGIN + english_only.url


def test_feed_keeps_the_newest_20_in_a_fixed_number_of_queries(client, indexes):
    index_zh, _index_en = indexes
    for _ in range(3):
        cf.ArticlePageFactory(parent=index_zh)
    before = count_queries(client, "/zh-hans/feeds/latest/")
    for _ in range(25):
        cf.CaseStudyPageFactory(parent=index_zh)
    after = count_queries(client, "/zh-hans/feeds/latest/")
    assert after == before
    assert after <= 5
    assert len(entries_of(feed(client, "zh-hans"))) == 20


# Meta tags


class HeadTags(HTMLParser):
    """The <meta> and <link> tags of a page, by property/name and by rel."""

    def __init__(self, html):
        super().__init__()
        self.meta, self.links = {}, []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        if tag == "link":
            self.links.append(attrs)

    def link(self, rel, **match):
        return [
            link
            for link in self.links
            if link.get("rel") == rel and all(link.get(key) == value for key, value in match.items())
        ]

    def hreflangs(self):
        return {link["hreflang"]: link["href"] for link in self.link("alternate") if "hreflang" in link}


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return HeadTags(response.content.decode())


def test_article_has_description_open_graph_canonical_and_alternates(client, indexes, en, portal_settings):
    index_zh, _index_en = indexes
    article = cf.ArticlePageFactory(
        parent=index_zh,
        title="护照丢失怎么办",
        summary="护照丢失后的补办步骤",
        hero_image=cf.ImageFactory(),
        hero_image_alt="护照",
    )
    english = translate(article, en, "Lost passport")

    head = head_of(client, article.url)

    assert head.meta["description"] == "护照丢失后的补办步骤"
    assert head.meta["og:title"] == "护照丢失怎么办"
    assert head.meta["og:description"] == "护照丢失后的补办步骤"
    assert head.meta["og:type"] == "article"
    assert head.meta["og:url"] == ORIGIN + article.url
    assert head.meta["og:locale"] == "zh_CN"
    assert head.meta["og:site_name"] == portal_settings.campaign_name_zh
    assert head.meta["og:image"].startswith(f"{ORIGIN}/")
    assert ".fill-1200x630" in head.meta["og:image"]
    assert head.meta["og:image:alt"] == "护照"
    assert [link["href"] for link in head.link("canonical")] == [ORIGIN + article.url]
    zh_url, en_url = ORIGIN + article.url, ORIGIN + english.url
    assert head.hreflangs() == {"zh-Hans": zh_url, "en": en_url, "x-default": zh_url}
    assert head.link("alternate", type="application/atom+xml")[0]["href"] == "/zh-hans/feeds/latest/"

    english_head = head_of(client, english.url)
    assert english_head.meta["og:locale"] == "en_US"
    assert english_head.hreflangs() == {"zh-Hans": zh_url, "en": en_url, "x-default": zh_url}
    assert english_head.link("alternate", type="application/atom+xml")[0]["href"] == "/en/feeds/latest/"


def test_an_untranslated_page_has_no_alternate_pointing_at_the_other_home_page(client, indexes):
    index_zh, _index_en = indexes
    article = cf.ArticlePageFactory(parent=index_zh, title="只有中文")  # no image: no og:image
    head = head_of(client, article.url)
    assert head.hreflangs() == {"zh-Hans": ORIGIN + article.url, "x-default": ORIGIN + article.url}
    assert "og:image" not in head.meta


def test_home_page_is_a_website_with_both_languages(client, home_zh, portal_settings):
    head = head_of(client, "/zh-hans/")
    assert head.meta["og:type"] == "website"
    assert head.meta["og:title"] == home_zh.title
    assert head.meta["og:url"] == f"{ORIGIN}/zh-hans/"
    assert head.meta["description"]
    assert [link["href"] for link in head.link("canonical")] == [f"{ORIGIN}/zh-hans/"]
    assert head.hreflangs() == {
        "zh-Hans": f"{ORIGIN}/zh-hans/",
        "en": f"{ORIGIN}/en/",
        "x-default": f"{ORIGIN}/zh-hans/",
    }


def test_an_app_view_gets_the_campaign_description_and_its_own_canonical(client, portal_settings):
    head = head_of(client, "/en/search/?q=passport")
    assert portal_settings.campaign_name_en in head.meta["description"]
    assert head.meta["og:type"] == "website"
    assert head.meta["og:site_name"] == portal_settings.campaign_name_en
    assert [link["href"] for link in head.link("canonical")] == [f"{ORIGIN}/en/search/"]
    assert head.hreflangs()["zh-Hans"].startswith(f"{ORIGIN}/zh-hans/search/")


def test_search_description_wins_over_the_summary(client, indexes):
    index_zh, _index_en = indexes
    article = cf.ArticlePageFactory(parent=index_zh, summary="摘要", search_description="搜索引擎看到的描述")
    assert head_of(client, article.url).meta["description"] == "搜索引擎看到的描述"


def test_descriptions_are_escaped_once_and_long_ones_shortened(client, indexes):
    index_zh, _index_en = indexes
    summary = "A & B <警惕> " + "长" * 300
    article = cf.ArticlePageFactory(parent=index_zh, title="Q&A", summary=summary[:300])
    response = client.get(article.url)
    html = response.content.decode()
    assert 'content="A &amp; B &lt;警惕&gt; ' in html
    assert "&amp;amp;" not in html
    head = HeadTags(html)
    assert head.meta["og:title"] == "Q&A"
    assert head.meta["description"].startswith("A & B <警惕> ")
    assert len(head.meta["description"]) == 300


@pytest.mark.parametrize("path", ["/zh-hans/", "/en/"])
def test_home_page_with_meta_tags_stays_within_15_queries(client, path, django_assert_max_num_queries):
    client.get(path)
    with django_assert_max_num_queries(15):
        assert client.get(path).status_code == 200
