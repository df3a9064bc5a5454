"""The footer every page carries: the site's own pages, the host organisation and filing numbers, the
official sources and the WeChat QR code, all from the site settings (templates/includes/footer.html)."""

import re

import pytest

from accounts.models import AccountSettings

pytestmark = pytest.mark.django_db

FOOTER_LINKS = {
    "zh-hans": [
        ('href="/zh-hans/privacy/"', "隐私声明"),
        ('href="/zh-hans/accessibility/"', "无障碍声明"),
        ('href="/zh-hans/contact/"', "联系我们"),
        ('href="/zh-hans/site-map/"', "网站地图"),
    ],
    "en": [
        ('href="/en/privacy/"', "Privacy notice"),
        ('href="/en/accessibility/"', "Accessibility statement"),
        ('href="/en/contact/"', "Contact us"),
        ('href="/en/site-map/"', "Site map"),
    ],
}


def footer(client, path):
    html = client.get(path).content.decode()
    match = re.search(r"<footer.*?</footer>", html, re.DOTALL)
    assert match, f"no footer on {path}"
    return match.group(0)


def saved(settings, **values):
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()
    return settings


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("where", ["", "about/", "search/?q=x", "site-map/", "accounts/login/"])
def test_every_kind_of_page_links_to_privacy_accessibility_contact_and_site_map(client, language, where):
    html = footer(client, f"/{language}/{where}")
    for href, label in FOOTER_LINKS[language]:
        assert re.search(rf"<a {re.escape(href)}>{label}</a>", html), (href, label, where)


def test_footer_links_lead_to_the_readers_language_and_fall_back_to_chinese(client, home_en):
    from home.models import StandardPage

    StandardPage.objects.child_of(home_en).get(slug="accessibility").unpublish()
    html = footer(client, "/en/")
    assert 'href="/zh-hans/accessibility/"' in html
    assert 'href="/en/contact/"' in html


def test_footer_follows_the_pages_chosen_in_the_settings(client, portal_settings, about_zh):
    client.get("/en/")  # a cached footer must not outlive the change
    saved(portal_settings, contact_page=about_zh, accessibility_page=None)
    html = footer(client, "/en/")
    assert '<a href="/en/about/">Contact us</a>' in html
    assert "Accessibility statement" not in html


def test_footer_links_to_the_privacy_notice_people_agree_to_at_sign_up(client, portal_settings, about_zh):
    client.get("/zh-hans/")
    account_settings = AccountSettings.for_site(portal_settings.site)
    saved(account_settings, privacy_notice=about_zh)
    assert '<a href="/zh-hans/about/">隐私声明</a>' in footer(client, "/zh-hans/")


def test_filing_numbers_and_host_organisation_are_not_drawn_when_unset(client, portal_settings):
    saved(portal_settings, host_organisation_zh="", host_organisation_en="")
    for language in ("zh-hans", "en"):
        html = footer(client, f"/{language}/")
        assert "beian" not in html
        assert "主办单位" not in html and "Host organisation" not in html


def test_filing_numbers_link_to_the_filing_systems_and_the_host_organisation_is_named(
    client, portal_settings
):
    saved(
        portal_settings,
        host_organisation_zh="北京市外事办公室",
        host_organisation_en="Beijing Foreign Affairs Office",
        icp_filing_number="京ICP备12345678号-1",
        public_security_filing_number="京公网安备11010102000001号",
    )
    zh = footer(client, "/zh-hans/")
    assert "主办单位：北京市外事办公室" in zh
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">京ICP备12345678号-1</a>' in zh
    assert (
        '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010102000001" rel="noopener">'
        "京公网安备11010102000001号</a>"
    ) in zh
    en = footer(client, "/en/")
    assert "Host organisation: Beijing Foreign Affairs Office" in en
    assert "京ICP备12345678号-1" in en


def test_official_sources_come_from_the_settings(client, portal_settings):
    zh = footer(client, "/zh-hans/")
    assert '<a href="https://cs.mfa.gov.cn/">中国领事服务网</a>' in zh
    assert "中国领事 APP：在应用商店搜索“中国领事”" in zh
    assert "微信公众号“领事直通车”" in zh
    saved(
        portal_settings,
        consular_website_url="https://consular.example.cn/",
        consular_app_url="https://consular.example.cn/app/",
        consular_wechat_account="",
    )
    en = footer(client, "/en/")
    assert '<a href="https://consular.example.cn/">China Consular Service website</a>' in en
    assert '<a href="https://consular.example.cn/app/">China Consular Affairs app</a>' in en
    assert "WeChat account" not in en


def test_wechat_qr_slot_is_not_drawn_without_an_image(client, portal_settings):
    assert portal_settings.wechat_qr is None
    html = footer(client, "/zh-hans/")
    assert "<img" not in html
    assert ">微信<" not in html


def test_wechat_qr_code_is_drawn_from_the_settings(client, portal_settings):
    from tests.home.factories import ImageFactory

    saved(portal_settings, wechat_qr=ImageFactory(title="公众号二维码", file__width=240, file__height=240))
    html = footer(client, "/zh-hans/")
    assert re.search(r'<img [^>]*alt="外办微信二维码"', html)
    assert ">微信<" in html


def test_a_warm_footer_asks_the_database_nothing(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/zh-hans/about/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/zh-hans/about/")
    sql = " ".join(query["sql"] for query in warm.captured_queries)
    assert "accounts_accountsettings" not in sql
    assert "home_portalsettings" not in sql


def test_an_editor_fills_in_the_footer_settings_in_the_admin(client, make_user, portal_settings):
    client.force_login(make_user(is_superuser=True, is_staff=True))
    url = f"/admin/settings/home/portalsettings/{portal_settings.site_id}/"
    html = client.get(url).content.decode()
    for field in (
        "host_organisation_zh",
        "icp_filing_number",
        "public_security_filing_number",
        "consular_app_url",
    ):
        assert f'name="{field}"' in html
    assert "账户设置" in html or "account settings" in html


def test_a_cold_footer_reads_the_privacy_notice_with_its_pages_in_one_query(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home import site_cache

    client.get("/zh-hans/about/")
    site_cache.site_changed()
    with CaptureQueriesContext(connection) as cold:
        client.get("/zh-hans/about/")
    reading_it = [
        query["sql"] for query in cold.captured_queries if "accounts_accountsettings" in query["sql"]
    ]
    assert len(reading_it) == 1
    assert "wagtailcore_page" in reading_it[0]
