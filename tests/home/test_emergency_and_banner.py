import pytest

pytestmark = pytest.mark.django_db

EVERY_PAGE_TYPE = [
    "/zh-hans/",
    "/en/",
    "/zh-hans/about/",
    "/en/about/",
    "/zh-hans/search/",
    "/en/accounts/login/",
]


@pytest.mark.parametrize("path", EVERY_PAGE_TYPE)
def test_emergency_bar_with_tel_link_on_every_page(client, path):
    html = client.get(path).content.decode()
    assert 'class="emergency-bar"' in html
    assert 'href="tel:+861012308"' in html
    assert "+86-10-12308" in html


def test_emergency_bar_is_translated(client):
    assert "Emergency abroad?" in client.get("/en/").content.decode()
    assert "海外遇到紧急情况？" in client.get("/zh-hans/").content.decode()


def test_hotline_numbers_come_from_site_settings(client, portal_settings):
    portal_settings.hotline_abroad = "+861012309"
    portal_settings.save()
    assert 'href="tel:+861012309"' in client.get("/en/").content.decode()


def test_banner_hidden_until_an_editor_switches_it_on(client, portal_settings):
    portal_settings.banner_text_zh = "台风预警"
    portal_settings.save()
    assert "site-banner" not in client.get("/zh-hans/").content.decode()


@pytest.mark.parametrize("path", EVERY_PAGE_TYPE)
def test_banner_on_every_page_in_the_readers_language(client, portal_settings, about_zh, path):
    portal_settings.banner_enabled = True
    portal_settings.banner_level = "emergency"
    portal_settings.banner_text_zh = "某国发生地震，请在当地的同胞注意安全"
    portal_settings.banner_text_en = "Earthquake reported: compatriots there, stay safe"
    portal_settings.banner_link = about_zh
    portal_settings.save()
    html = client.get(path).content.decode()
    assert "site-banner--emergency" in html
    if path.startswith("/en/"):
        assert "Earthquake reported" in html
        assert 'href="/en/about/"' in html
    else:
        assert "某国发生地震" in html


def test_banner_falls_back_to_chinese_when_english_text_is_empty(client, portal_settings):
    portal_settings.banner_enabled = True
    portal_settings.banner_text_zh = "台风预警"
    portal_settings.banner_text_en = ""
    portal_settings.save()
    assert "台风预警" in client.get("/en/").content.decode()
