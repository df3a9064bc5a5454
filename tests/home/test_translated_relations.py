import pytest
from wagtail.models import Page

from home.models import HomePageFeature, RelatedContent
from tests.home import factories as cf

pytestmark = pytest.mark.django_db


def translate(page, locale, title):
    translated = page.copy_for_translation(locale)
    translated.title = title
    translated.save_revision().publish()
    return Page.objects.get(pk=translated.pk).specific


def test_a_translated_page_points_at_its_own_languages_topics(home_zh, home_en, zh, en):
    index = cf.ContentIndexPageFactory(parent=home_zh)
    translate(index, en, "Knowledge")
    article = cf.with_topics(
        cf.ArticlePageFactory(parent=index), [cf.topic(zh, "fraud-and-scams"), cf.topic(zh, "mental-health")]
    )
    english = translate(article, en, "English article")
    assert sorted(topic.slug for topic in english.topics.all()) == ["fraud-and-scams", "mental-health"]
    assert {topic.locale_id for topic in english.topics.all()} == {en.pk}
    assert english.get_latest_revision_as_object().topics.first().locale_id == en.pk


def test_related_pages_map_to_their_translations_or_drop(home_zh, home_en, en):
    index = cf.ContentIndexPageFactory(parent=home_zh)
    translate(index, en, "Knowledge")
    translated_target = cf.CaseStudyPageFactory(parent=index, title="有译文的案例")
    english_target = translate(translated_target, en, "Translated case")
    untranslated_target = cf.CaseStudyPageFactory(parent=index, title="无译文的案例")
    article = cf.ArticlePageFactory(parent=index)
    RelatedContent.objects.create(source=article, page=translated_target, sort_order=0)
    RelatedContent.objects.create(source=article, page=untranslated_target, sort_order=1)
    article.refresh_from_db()
    article.save_revision().publish()
    english = translate(article, en, "English article")
    assert [link.page_id for link in english.related_links.all()] == [english_target.pk]


def test_featured_pages_of_a_translated_home_page_are_mapped(home_zh, en, zh):
    from home.models import HomePage

    index = cf.ContentIndexPageFactory(parent=home_zh)
    case = cf.CaseStudyPageFactory(parent=index)
    HomePageFeature.objects.create(home=home_zh, page=case, sort_order=0)
    page = HomePage.objects.get(pk=home_zh.pk)
    from home.translation import localise_relations

    page.locale = en  # as a copy in English would be, before its relations are mapped
    localise_relations(page)
    assert list(page.featured.all()) == []  # the case has no English translation yet
