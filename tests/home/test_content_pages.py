"""The public detail pages of awareness content: articles, real-life cases, brochures and videos.

Chinese pages are checked against the Chinese translation of each interface string (whatever it is
when the test runs), so the tests keep passing once the strings are translated.
"""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape

from home.models import ArticlePage, Audience, RelatedContent
from tests.home import factories as cf

pytestmark = pytest.mark.django_db

FACTORIES = cf.CONTENT_PAGE_FACTORIES
TEMPLATES = {
    "article": "home/article_page.html",
    "case": "home/case_study_page.html",
    "brochure": "home/brochure_page.html",
    "video": "home/video_page.html",
}
WECHAT_HINT = "Open in your phone's browser to download: in WeChat, tap ··· then “Open in browser”."
ILLUSTRATIVE = "Illustrative case: based on common situations, not on one real person."


@pytest.fixture(autouse=True)
def fresh_caches():
    """Renditions are cached by image id, and ids come back after each test's rollback."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def index(home_zh):
    return cf.ContentIndexPageFactory(parent=home_zh)


@pytest.fixture
def index_en(index, en):
    translated = index.copy_for_translation(en)
    translated.title = "Safety knowledge"
    translated.save_revision().publish()
    return translated


def zh_text(message, context=None):
    """An interface string as a Chinese page shows it (template literals are not escaped)."""
    with translation.override("zh-hans"):
        return translation.pgettext(context, message) if context else translation.gettext(message)


def get_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def translate(page, locale, **fields):
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def related_section(html):
    """The related-content section, or "" when the page shows none."""
    match = re.search(r'<section class="related-content".*?</section>', html, re.S)
    return match.group(0) if match else ""


# Every kind, in both languages


@pytest.mark.parametrize("kind", FACTORIES)
def test_each_kind_renders_in_chinese_with_one_h1(client, index, kind):
    page = FACTORIES[kind](parent=index)
    response = client.get(page.url)
    assert response.status_code == 200
    assert TEMPLATES[kind] in [template.name for template in response.templates]
    html = response.content.decode()
    assert '<html lang="zh-Hans"' in html
    assert html.count("<h1") == 1
    assert f"<h1>{page.title}</h1>" in html
    assert page.summary in html


@pytest.mark.parametrize("kind", FACTORIES)
def test_each_kind_renders_its_english_translation_in_english(client, index, index_en, en, kind):
    page = FACTORIES[kind](parent=index)
    english = translate(page, en, title=f"English {kind}", summary="An English summary.")
    assert english.url.startswith("/en/")
    html = get_html(client, english)
    assert '<html lang="en"' in html
    assert f"<h1>English {kind}</h1>" in html
    assert "An English summary." in html
    assert str(type(page).kind_label()) in html  # "Article", "Real-life case"...


def test_case_in_english_shows_english_headings_and_country(client, index, index_en, en):
    english = translate(
        cf.CaseStudyPageFactory(parent=index, country="FR", year=2023), en, title="Robbed at night"
    )
    html = get_html(client, english)
    for heading in ("What happened", "What went wrong", "How help came", "Lessons"):
        assert f">{heading}</h2>" in html
    assert "France, 2023" in html


# Articles


def article_of_length(index, characters):
    """An article whose title, summary and body hold this many Chinese characters in all."""
    title, summary = "阅读时间", "一篇测试文章"
    filler = "字" * (characters - len(title) - len(summary))
    page = cf.ArticlePageFactory(parent=index, title=title, body=[("paragraph", f"<p>{filler}</p>")])
    page.summary = summary
    page.save_revision().publish()
    assert page.reading_time == -(-characters // 400)
    return page


def reading_time_text(html):
    match = re.search(r'<time datetime="PT(\d+)M">([^<]*)</time>', html)
    assert match, "no reading time shown"
    return match.group(1), match.group(2)


def test_article_shows_reading_time_of_800_chinese_characters_as_2_minutes(client, index):
    page = article_of_length(index, 800)
    minutes, text = reading_time_text(get_html(client, page))
    assert minutes == "2"
    assert "2" in text
    assert zh_text("Reading time:") in get_html(client, page)


def test_article_reading_time_rounds_up(client, index):
    minutes, text = reading_time_text(get_html(client, article_of_length(index, 801)))
    assert minutes == "3"
    assert "3" in text


def test_english_article_says_min_read(client, index, index_en, en):
    english = translate(article_of_length(index, 800), en, title="Reading time")
    assert reading_time_text(get_html(client, english)) == ("2", "2 min read")


def test_article_body_blocks_render(client, index):
    page = cf.ArticlePageFactory(
        parent=index,
        body=[
            ("heading", {"text": "出发之前", "level": "h2"}),
            ("paragraph", "<p>护照复印件与原件分开存放。</p>"),
        ],
    )
    html = get_html(client, page)
    assert "<h2>出发之前</h2>" in html
    assert "护照复印件与原件分开存放。" in html


def test_article_shows_its_topics_and_audiences(client, index, zh):
    page = cf.with_topics(
        cf.ArticlePageFactory(parent=index),
        [cf.topic(zh, "fraud-and-scams"), cf.topic(zh, "personal-safety")],
        Audience.objects.filter(slug="students"),
    )
    html = get_html(client, page)
    assert f">{zh_text('Topics')}</dt>" in html
    assert "防范诈骗" in html
    assert "人身安全" in html
    assert f'href="{index.url}?topic=fraud-and-scams"' in html
    assert f">{zh_text('For')}</dt>" in html
    with translation.override("zh-hans"):
        assert escape(str(Audience.objects.get(slug="students"))) in html


def test_english_translation_shows_english_topic_names(client, index, index_en, zh, en):
    page = cf.with_topics(cf.ArticlePageFactory(parent=index), [cf.topic(zh, "personal-safety")])
    html = get_html(client, translate(page, en, title="Staying safe"))
    tags = re.search(r'<dl class="content-tags">.*?</dl>', html, re.S).group(0)
    assert "Personal safety" in tags
    assert "人身安全" not in tags


# Real-life cases


def test_case_shows_where_and_when_four_sections_and_the_lessons_checklist(client, index):
    page = cf.CaseStudyPageFactory(
        parent=index,
        country="FR",
        year=2023,
        lessons=[("lesson", "夜间避免独行"), ("lesson", "护照复印件与原件分开存放")],
    )
    html = get_html(client, page)
    assert "法国" in html  # the country's name in the page's language
    assert "2023" in html
    for heading in ("What happened", "What went wrong", "How help came", "Lessons"):
        assert f">{zh_text(heading)}</h2>" in html
    assert "一名留学生夜间独自回家途中被抢走护照和手机。" in html
    assert "深夜独行，护照随身携带且没有复印件。" in html
    assert "中国驻法国大使馆协助其补办旅行证并联系家人。" in html
    checklist = re.search(r'<ul class="checklist">(.*?)</ul>', html, re.S)
    assert checklist, "the lessons are not a checklist"
    assert re.findall(r"<li>(.*?)</li>", checklist.group(1)) == ["夜间避免独行", "护照复印件与原件分开存放"]
    # The four sections come in the order a case is told.
    positions = [
        html.index(f">{zh_text(h)}</h2>") for h in ("What happened", "What went wrong", "How help came")
    ]
    assert positions == sorted(positions)


def test_case_says_it_is_illustrative_only_when_flagged(client, index):
    illustrative = get_html(client, cf.CaseStudyPageFactory(parent=index, is_illustrative=True))
    real = get_html(client, cf.CaseStudyPageFactory(parent=index, is_illustrative=False))
    assert zh_text(ILLUSTRATIVE) in illustrative
    assert zh_text(ILLUSTRATIVE) not in real
    assert "case-study__illustrative" not in real


# Brochures


def test_brochure_shows_language_pages_and_size_before_the_download_link(client, index):
    page = cf.BrochurePageFactory(parent=index, page_count=12)
    html = get_html(client, page)
    with translation.override("zh-hans"):
        size = filesizeformat(page.document.get_file_size())
    link = f'href="{page.document.url}"'
    assert link in html
    facts = html.index('class="brochure__facts"')
    assert facts < html.index(link)
    assert re.search(rf"<dd>12 {zh_text('pages', 'length of a brochure')}</dd>", html)
    assert f"PDF, {size}" in html[facts : html.index(link)]
    assert zh_text("Chinese") in html[facts : html.index(link)]
    assert zh_text("Download the brochure") in html
    assert zh_text(WECHAT_HINT) in html


def test_brochure_cover_has_a_responsive_image_described_as_the_cover(client, index, index_en, en):
    page = cf.BrochurePageFactory(
        parent=index,
        title="海外安全手册",
        cover_image=cf.ImageFactory(title="封面", file__width=800, file__height=1130),
    )
    english = translate(page, en, title="Overseas safety handbook")
    html = get_html(client, english)
    cover = re.search(r'<figure class="brochure__cover">.*?</figure>', html, re.S).group(0)
    assert 'alt="Cover of Overseas safety handbook"' in cover
    assert "srcset=" in cover
    assert ".webp" in cover


# Videos


def test_video_has_sources_chinese_captions_and_the_transcript(client, index):
    page = cf.VideoPageFactory(parent=index, external_url="https://www.example.org/watch")
    html = get_html(client, page)
    assert re.search(r"<video controls preload=\"metadata\" playsinline", html)
    assert f'<source src="{page.video.url}" type="video/mp4">' in html
    track = re.search(r'<track kind="captions"[^>]*>', html)
    assert track, "no captions track"
    assert f'src="{page.captions.url}"' in track.group(0)
    assert page.captions.url.endswith(".vtt")
    assert 'srclang="zh-Hans"' in track.group(0)
    assert " default" in track.group(0)
    assert f">{zh_text('Transcript')}</h2>" in html
    assert "出国前请了解目的地安全形势。" in html
    assert '<a href="https://www.example.org/watch" rel="noopener">' in html
    assert zh_text("Also watch at:") in html


def test_english_video_captions_are_english(client, index, index_en, en):
    english = translate(cf.VideoPageFactory(parent=index), en, title="Consular protection in three minutes")
    html = get_html(client, english)
    assert re.search(r'<track kind="captions"[^>]*srclang="en"', html)


def test_video_poster_comes_from_the_poster_image(client, index):
    page = cf.VideoPageFactory(parent=index, poster=cf.ImageFactory(title="海报"))
    html = get_html(client, page)
    assert re.search(r'<video[^>]*poster="/media/images/[^"]+\.webp"', html)


# Hero images


@pytest.mark.parametrize("kind", ["article", "case", "brochure"])
def test_hero_image_is_responsive_with_alt_text(client, index, kind):
    page = FACTORIES[kind](parent=index, hero_image=cf.ImageFactory(), hero_image_alt="夜晚的外国街头")
    html = get_html(client, page)
    hero = re.search(r'<figure class="content-hero">\s*(<img[^>]*>)', html)
    assert hero, "no hero image"
    img = hero.group(1)
    assert 'alt="夜晚的外国街头"' in img
    widths = re.search(r'srcset="([^"]+)"', img).group(1)
    assert re.findall(r" (\d+w)", widths) == ["400w", "800w", "1200w"]
    assert ".webp" in widths
    assert 'sizes="(min-width: 992px) 800px, 100vw"' in img


def test_no_hero_figure_without_an_image(client, index):
    assert 'class="content-hero' not in get_html(client, cf.ArticlePageFactory(parent=index))


# Related content


def test_editors_choice_wins_over_shared_topics(client, index, zh):
    safety = cf.topic(zh, "personal-safety")
    page = cf.with_topics(cf.ArticlePageFactory(parent=index, title="本页"), [safety])
    sharing = cf.with_topics(cf.ArticlePageFactory(parent=index, title="同一主题"), [safety])
    chosen = cf.CaseStudyPageFactory(parent=index, title="编辑之选")
    page.related_links.add(RelatedContent(page=chosen, sort_order=0))
    page.save_revision().publish()
    related = related_section(get_html(client, ArticlePage.objects.get(pk=page.pk)))
    assert f">{zh_text('Related content')}</h2>" in related
    assert f'href="{chosen.url}"' in related
    assert chosen.summary in related
    assert sharing.url not in related


def test_editors_choices_keep_the_editors_order(client, index, zh):
    safety = cf.topic(zh, "personal-safety")
    page = cf.with_topics(cf.ArticlePageFactory(parent=index), [safety])
    cf.with_topics(cf.ArticlePageFactory(parent=index, title="同一主题"), [safety])
    first, second = cf.CaseStudyPageFactory(parent=index), cf.VideoPageFactory(parent=index)
    page.related_links.add(RelatedContent(page=second, sort_order=1))
    page.related_links.add(RelatedContent(page=first, sort_order=0))
    page.save_revision().publish()
    related = related_section(get_html(client, ArticlePage.objects.get(pk=page.pk)))
    assert re.findall(r'href="([^"]+)"', related) == [first.url, second.url]


def test_related_content_falls_back_to_pages_sharing_a_topic(client, index, zh):
    safety, fraud = cf.topic(zh, "personal-safety"), cf.topic(zh, "fraud-and-scams")
    page = cf.with_topics(cf.ArticlePageFactory(parent=index), [safety])
    sharing = cf.with_topics(cf.VideoPageFactory(parent=index, title="同一主题的视频"), [safety])
    other = cf.with_topics(cf.ArticlePageFactory(parent=index, title="另一主题"), [fraud])
    related = related_section(get_html(client, page))
    assert f'href="{sharing.url}"' in related
    assert "同一主题的视频" in related
    assert other.url not in related


@pytest.mark.usefixtures("without_demo_content")
def test_no_related_section_when_no_topic_is_shared(client, index, zh):
    page = cf.with_topics(cf.ArticlePageFactory(parent=index), [cf.topic(zh, "personal-safety")])
    cf.with_topics(cf.ArticlePageFactory(parent=index), [cf.topic(zh, "fraud-and-scams")])
    html = get_html(client, page)
    assert related_section(html) == ""
    assert zh_text("Related content") not in html


def test_related_content_never_shows_the_other_language(client, index, index_en, zh, en):
    safety = cf.topic(zh, "personal-safety")
    page = cf.with_topics(cf.ArticlePageFactory(parent=index), [safety])
    sharing = cf.with_topics(cf.ArticlePageFactory(parent=index), [safety])
    page_en = translate(page, en, title="This page")
    sharing_en = translate(sharing, en, title="Same topic in English")

    related_zh = related_section(get_html(client, page))
    assert f'href="{sharing.url}"' in related_zh
    assert sharing_en.url not in related_zh

    related_en = related_section(get_html(client, page_en))
    assert f'href="{sharing_en.url}"' in related_en
    assert f'href="{sharing.url}"' not in related_en


def test_translated_page_does_not_show_the_chinese_editors_choice(client, index, index_en, en):
    page = cf.ArticlePageFactory(parent=index)
    chosen = cf.CaseStudyPageFactory(parent=index)
    page.related_links.add(RelatedContent(page=chosen, sort_order=0))
    page.save_revision().publish()
    page_en = translate(page, en, title="This page")
    assert chosen.url not in related_section(get_html(client, page_en))


# Queries
#
# Wagtail's routing and the shared layout take 13 queries before the page's own content (site,
# locale, each level of the tree and its specific row, ancestors, view restrictions, settings,
# translations for the language switcher, restricted paths and the menu). The page then adds its
# topics, audiences, image, files and related content. These are the measured counts: they must not
# grow, and they must not depend on how many pages the index holds.
QUERY_BUDGET = {"article": 15, "case": 15, "brochure": 15, "video": 15}


def page_with_everything(index, zh, kind, chosen):
    """A page of this kind with a hero image, 3 topics, 2 audiences and 3 related pages."""
    topics = [cf.topic(zh, slug) for slug in ("personal-safety", "fraud-and-scams", "lost-documents")]
    extra = {"hero_image": cf.ImageFactory(), "hero_image_alt": "图"}
    if kind == "brochure":
        extra["cover_image"] = cf.ImageFactory(title="封面", file__width=800, file__height=1130)
    if kind == "video":
        extra["poster"] = cf.ImageFactory(title="海报")
    page = cf.with_topics(FACTORIES[kind](parent=index, **extra), topics, Audience.objects.all()[:2])
    others = [cf.with_topics(factory(parent=index), topics[:1]) for factory in list(FACTORIES.values())[:3]]
    if chosen:
        for order, other in enumerate(others):
            page.related_links.add(RelatedContent(page=other, sort_order=order))
        page.save_revision().publish()
    return page, others


def count_queries(client, url):
    client.get(url)  # the first request makes the renditions and warms the site-root cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("chosen", [True, False], ids=["editors-choice", "shared-topics"])
@pytest.mark.parametrize("kind", FACTORIES)
def test_each_kind_renders_within_its_query_budget(
    client, index, zh, kind, chosen, django_assert_max_num_queries
):
    page, others = page_with_everything(index, zh, kind, chosen)
    client.get(page.url)  # the first request makes the renditions and warms the site-root cache
    with django_assert_max_num_queries(QUERY_BUDGET[kind]):
        html = get_html(client, page)
    related = related_section(html)
    assert all(f'href="{other.url}"' in related for other in others)
    assert html.count('class="content-tag"') == 3


def test_article_queries_do_not_grow_with_the_number_of_pages_in_the_index(client, index, zh):
    page, _others = page_with_everything(index, zh, "article", chosen=False)
    before = count_queries(client, page.url)
    safety = cf.topic(zh, "personal-safety")
    for _ in range(20):
        cf.with_topics(cf.ArticlePageFactory(parent=index), [safety])
    assert count_queries(client, page.url) == before
