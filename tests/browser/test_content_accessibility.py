"""axe-core in Chromium on awareness content: an article, a case, an index and search, at 360 px."""

import pytest

from home.models import HomePage
from tests.browser.test_accessibility import check_page
from tests.home import factories as cf


@pytest.fixture
def content(site_url, zh, en):
    """An index with an article and a case in Chinese, both translated into English."""
    home = HomePage.objects.get(locale=zh, depth=2)
    index = cf.ContentIndexPageFactory(parent=home, slug="knowledge-browser", title="安全知识")
    fraud = cf.topic(zh, "fraud-and-scams")
    article = cf.with_topics(
        cf.ArticlePageFactory(parent=index, hero_image=cf.ImageFactory(), hero_image_alt="一部手机"), [fraud]
    )
    case = cf.with_topics(cf.CaseStudyPageFactory(parent=index), [fraud])
    paths = {"zh-hans": [index.url, article.url, case.url]}
    english_index = index.copy_for_translation(en)
    english_index.title = "Safety knowledge"
    english_index.save_revision().publish()
    english = []
    for page in (article, case):
        translated = page.copy_for_translation(en)
        translated.title = f"English {page.title}"
        translated.save_revision().publish()
        english.append(translated.url)
    paths["en"] = [english_index.url, *english]
    return paths


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_article_case_and_index_have_no_serious_axe_violations_at_360px(page_at, content, language):
    for path in content[language]:
        check_page(page_at, path, 360, language)


@pytest.mark.parametrize(("language", "query"), [("zh-hans", "诈骗"), ("en", "English")])
def test_search_results_have_no_serious_axe_violations_at_360px(page_at, content, language, query):
    check_page(page_at, f"/{language}/search/?q={query}", 360, language)
