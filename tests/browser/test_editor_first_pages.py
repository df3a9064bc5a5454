"""An editor's first page in Chromium: the slug field follows a Chinese title's pinyin, and the editor's
guide has no serious or critical axe violations, in both admin languages."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from home.models import ContentIndexPage
from tests.accounts.factories import staff_user
from tests.browser.test_accessibility import blocking_violations


@pytest.fixture
def editor_page(page_at, site_url, make_user):
    """Factory: a 1280 px page signed in as a moderator whose admin is in `language`."""

    def make(language):
        client = Client()
        client.force_login(staff_user(group="Moderators", admin_language=language))
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        page = page_at(1280, language)
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site_url}])
        return page

    return make


def test_the_slug_field_follows_a_chinese_titles_pinyin(editor_page):
    index = ContentIndexPage.objects.filter(locale__language_code="zh-hans").first()
    page = editor_page("zh-hans")
    page.goto(f"/admin/pages/add/home/articlepage/{index.pk}/")
    slug = page.locator("#page-edit-form input[name=slug]")

    page.locator("#page-edit-form input[name=title]").press_sequentially("防范电信诈骗", delay=30)
    expect(slug).to_have_value("fangfan-dianxin-zhapian", timeout=10_000)

    title = page.locator("#page-edit-form input[name=title]")
    title.press_sequentially("的新手法", delay=30)
    expect(slug).to_have_value("fangfan-dianxin-zhapian-de-xin-shoufa", timeout=10_000)


def test_an_english_title_keeps_wagtails_own_slug(editor_page):
    index = ContentIndexPage.objects.filter(locale__language_code="zh-hans").first()
    page = editor_page("en")
    page.goto(f"/admin/pages/add/home/articlepage/{index.pk}/")
    page.locator("#page-edit-form input[name=title]").press_sequentially("Phone scams abroad", delay=20)
    slug = page.locator("#page-edit-form input[name=slug]")
    expect(slug).to_have_value("phone-scams-abroad", timeout=10_000)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_editors_guide_has_no_serious_axe_violations(editor_page, language):
    page = editor_page(language)
    response = page.goto("/admin/guide/")
    assert response is not None and response.ok
    page.wait_for_load_state("load")
    blocking, summary = blocking_violations(page)
    assert blocking == [], summary

    page.goto("/admin/")
    page.wait_for_load_state("load")
    expect(page.locator('a[href="/admin/guide/"]')).to_be_visible()
