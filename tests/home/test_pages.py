import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from destinations.models import AlertIndexPage, DestinationIndexPage
from events.models import EventIndexPage
from home.models import ContentIndexPage, HomePage, StandardPage
from quizzes.models import QuizIndexPage
from training.models import CourseIndexPage

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_standard_pages_and_content_indexes(self):
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

    def test_standard_page_sits_under_home_or_another_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})


def test_root_redirects_to_chinese_when_browser_prefers_chinese(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/"


def test_root_redirects_to_english_when_browser_prefers_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/en/"


def test_root_redirects_to_chinese_when_unsure(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,de;q=0.8")["Location"] == "/zh-hans/"
    assert client.get("/")["Location"] == "/zh-hans/"


@pytest.mark.parametrize(
    ("path", "lang"),
    [("/zh-hans/", "zh-Hans"), ("/en/", "en"), ("/zh-hans/about/", "zh-Hans"), ("/en/about/", "en")],
)
def test_html_lang_matches_the_language_read(client, path, lang):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in response.content.decode()


def test_language_switcher_links_to_the_translation_of_the_page(client, about_zh):
    html = client.get("/zh-hans/about/").content.decode()
    assert 'href="/en/about/" hreflang="en"' in html


def test_language_switcher_falls_back_to_home_page_without_translation(client, home_zh, en):
    only_chinese = StandardPage(title="仅中文页面", slug="zh-only")
    home_zh.add_child(instance=only_chinese)
    only_chinese.save_revision().publish()
    html = client.get("/zh-hans/zh-only/").content.decode()
    assert 'href="/en/" hreflang="en"' in html


def test_language_switcher_on_an_app_view_translates_the_url(client):
    html = client.get("/zh-hans/search/?q=x").content.decode()
    assert 'href="/en/search/?q=x" hreflang="en"' in html


def test_standard_page_shows_intro_and_body(client):
    html = client.get("/en/contact/").content.decode()
    assert "Frequently asked questions" in html
    assert "What if I lose my passport abroad?" in html


def test_unknown_page_is_a_translated_404(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    response = client.get("/zh-hans/no-such-page/")
    assert response.status_code == 404
    assert "找不到该页面" in response.content.decode()
