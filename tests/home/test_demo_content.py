"""The demo awareness content seed_demo builds: both languages, real files, safe to run twice.

tests/conftest.py runs the DemoSeeder once per test database, so the content is here in every test.
That seed_demo run twice adds nothing is tested in tests/home/test_demo_inventory.py, which runs it
twice once for its module.
"""

import re
import struct

import pytest
from django.utils.html import escape

from home.demo import DEMO_MEDIA, load_demo_data
from home.models import (
    ArticlePage,
    BrochurePage,
    CaseStudyPage,
    ContentIndexPage,
    ContentPage,
    Topic,
    VideoPage,
)

pytestmark = pytest.mark.django_db

KINDS = [(ArticlePage, 12), (CaseStudyPage, 6), (BrochurePage, 3), (VideoPage, 2)]
PAGE_OBJECT = re.compile(rb"/Type\s*/Page[^s]")
CUE_TIMES = re.compile(r"^(?:(\d+):)?(\d+):(\d+\.\d+) --> (?:(\d+):)?(\d+):(\d+\.\d+)", re.MULTILINE)


@pytest.fixture
def index_zh(home_zh):
    return ContentIndexPage.objects.child_of(home_zh).get(slug="knowledge")


@pytest.fixture
def index_en(home_en):
    return ContentIndexPage.objects.child_of(home_en).get(slug="knowledge")


def demo_pages(index, model=ContentPage):
    return model.objects.child_of(index).specific()


def seconds(hours, minutes, secs):
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(secs)


def test_the_index_exists_in_both_languages_and_is_in_the_menu(index_zh, index_en):
    assert (index_zh.title, index_en.title) == ("安全知识", "Safety knowledge")
    assert index_zh.live and index_en.live
    assert index_zh.show_in_menus and index_en.show_in_menus
    assert index_en.translation_key == index_zh.translation_key


@pytest.mark.parametrize(("model", "minimum"), KINDS, ids=lambda value: getattr(value, "__name__", value))
def test_enough_of_each_kind_live_in_both_languages(index_zh, index_en, model, minimum):
    zh_count = model.objects.child_of(index_zh).live().count()
    en_count = model.objects.child_of(index_en).live().count()
    assert zh_count >= minimum
    assert en_count == zh_count
    assert not model.objects.child_of(index_zh).not_live().exists()


def test_every_chinese_page_has_a_live_english_translation_in_english(index_zh, en):
    pages = list(demo_pages(index_zh))
    assert len(pages) >= 23
    for page in pages:
        english = page.get_translation(en).specific
        assert english.live, page.slug
        assert english.title != page.title, page.slug
        assert english.summary != page.summary, page.slug
        assert not re.search(r"[\u4e00-\u9fff]", english.title + english.summary), english.title
        assert english.first_published_at == page.first_published_at


def test_every_page_passes_model_validation(index_zh, index_en):
    for index in (index_zh, index_en):
        for page in demo_pages(index):
            page.full_clean()  # summary length, alt text with every hero image, PDF, .vtt, video type


def test_topics_and_audiences_are_set_in_each_pages_own_language(index_zh, index_en):
    for index in (index_zh, index_en):
        for page in demo_pages(index):
            topics = list(page.topics.all())
            assert topics, page.slug
            assert {topic.locale_id for topic in topics} == {index.locale_id}, page.slug
            assert page.audiences.exists(), page.slug


def test_articles_have_3_to_6_blocks_with_headings_text_and_a_callout(index_zh, index_en):
    for index in (index_zh, index_en):
        articles = list(demo_pages(index, ArticlePage))
        for article in articles:
            kinds = [block.block_type for block in article.body]
            assert 3 <= len(kinds) <= 6, article.slug
            assert {"paragraph", "callout"} <= set(kinds), article.slug
        assert sum("heading" in [b.block_type for b in a.body] for a in articles) >= len(articles) - 1
        assert sum("accordion" in [b.block_type for b in a.body] for a in articles) >= 4
        with_hero = [article for article in articles if article.hero_image_id]
        assert 4 <= len(with_hero) < len(articles)
        assert all(article.hero_image_alt.strip() for article in with_hero)


def test_cases_are_illustrative_and_cover_the_topics_countries_and_years(index_zh):
    cases = list(demo_pages(index_zh, CaseStudyPage))
    assert all(case.is_illustrative for case in cases)
    assert len({case.country.code for case in cases}) >= 6
    assert all(2019 <= case.year <= 2025 for case in cases)
    assert all(len(case.lessons) >= 3 for case in cases)
    topics = {topic.slug for case in cases for topic in case.topics.all()}
    assert topics == set(Topic.objects.filter(locale=index_zh.locale).values_list("slug", flat=True))


def test_brochures_are_real_pdfs_with_their_true_page_count_and_embedded_fonts(index_zh, index_en):
    brochures = list(demo_pages(index_zh, BrochurePage)) + list(demo_pages(index_en, BrochurePage))
    assert len(brochures) == 6
    for brochure in brochures:
        with brochure.document.file.open("rb") as file:
            data = file.read()
        assert data.startswith(b"%PDF-"), brochure.slug
        assert brochure.document.file_extension == "pdf"
        assert 2 <= brochure.page_count <= 4
        assert len(PAGE_OBJECT.findall(data)) == brochure.page_count, brochure.slug
        assert b"/FontFile" in data and b"Noto-Sans-CJK-SC" in data  # the Chinese font travels with the file
        assert brochure.cover_image is not None
    languages = {brochure.brochure_language for brochure in brochures}
    assert "bilingual" in languages and "zh-hans" in languages


def test_videos_are_small_mp4_files_with_captions_in_the_pages_language(index_zh, index_en):
    for index, language in ((index_zh, "zh-hans"), (index_en, "en")):
        videos = list(demo_pages(index, VideoPage))
        assert len(videos) == 2
        for page in videos:
            media = page.video
            assert media.type == "video"
            assert (media.width, media.height) == (480, 270)
            with media.file.open("rb") as file:
                data = file.read()
            assert data[4:8] == b"ftyp" and b"avc1" in data  # MP4, H.264
            assert len(data) <= 100_000
            start = data.index(b"mvhd")
            timescale, duration = struct.unpack(">II", data[start + 16 : start + 24])
            assert abs(duration / timescale - media.duration) < 0.5
            assert media.thumbnail and page.poster is not None
            assert page.transcript

            assert page.captions.file.name.endswith(f".{language}.vtt")
            with page.captions.file.open("rb") as file:
                captions = file.read().decode()
            assert captions.startswith("WEBVTT")
            cues = CUE_TIMES.findall(captions)
            assert len(cues) >= 2
            assert all(seconds(*cue[3:]) <= media.duration for cue in cues)
            has_chinese = bool(re.search(r"[\u4e00-\u9fff]", captions))
            assert has_chinese == (language == "zh-hans")


def test_the_index_lists_every_piece_of_content_across_its_pages(client, index_zh, index_en):
    for index in (index_zh, index_en):
        html = "".join(client.get(f"{index.url}?page={number}").content.decode() for number in range(1, 4))
        for page in demo_pages(index):
            assert page.url in html, page.slug


def test_every_demo_page_renders_in_both_languages(client, index_zh, index_en):
    for index in (index_zh, index_en):
        for page in demo_pages(index):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert escape(page.title) in response.content.decode()


def test_demo_media_files_are_small():
    sizes = {path.name: path.stat().st_size for path in DEMO_MEDIA.iterdir() if path.is_file()}
    assert all(size <= 100_000 for size in sizes.values()), sizes
    assert sum(sizes.values()) <= 600_000
    referenced = set(load_demo_data("home", "knowledge")["images"])
    for spec in load_demo_data("home", "brochures"):
        referenced.add(spec["pdf"])
    for spec in load_demo_data("home", "videos"):
        referenced |= {spec["video"], spec["zh-hans"]["captions"], spec["en"]["captions"]}
    assert referenced <= set(sizes)
