"""On the phone like an app: the web app manifest, the service worker at /sw.js, the offline page,
and what pages carry for them (home/pwa.py, home/pwa_views.py). The browser side is in
tests/browser/test_offline.py."""

import json
import re
import struct
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from home import pwa
from tests.destinations import factories as f

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def png_size(path):
    """(width, height) from a PNG's IHDR chunk."""
    with open(path, "rb") as png:
        header = png.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


def manifest_of(client, language):
    response = client.get(f"/{language}/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json; charset=utf-8"
    return json.loads(response.content)


@pytest.mark.parametrize(
    ("language", "name", "short_name"),
    [("zh-hans", "领事保护进万家", "领事保护进万家"), ("en", "Consular Protection for All", "Consular")],
)
def test_manifest_in_each_language_names_the_campaign_and_starts_in_that_language(
    client, portal_settings, language, name, short_name
):
    manifest = manifest_of(client, language)
    assert manifest["name"] == name
    assert manifest["short_name"] == short_name
    assert manifest["start_url"] == f"/{language}/"
    assert manifest["scope"] == "/"
    assert manifest["id"] == "/"
    assert manifest["display"] == "standalone"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["background_color"])
    assert manifest["lang"] == ("zh-Hans" if language == "zh-hans" else "en")
    assert manifest["description"]


def test_manifest_follows_the_campaign_name_an_editor_sets(client, portal_settings):
    portal_settings.campaign_name_en = "Safe Abroad"
    portal_settings.campaign_name_zh = "平安出行"
    portal_settings.save()
    assert manifest_of(client, "en")["name"] == "Safe Abroad"
    assert manifest_of(client, "zh-hans")["name"] == "平安出行"


def test_manifest_icons_exist_at_the_sizes_android_asks_for(client, portal_settings):
    icons = manifest_of(client, "zh-hans")["icons"]
    found = set()
    for icon in icons:
        assert icon["type"] == "image/png"
        path = finders.find(icon["src"].removeprefix(settings.STATIC_URL))
        assert path, icon["src"]
        width, height = png_size(path)
        assert icon["sizes"] == f"{width}x{height}"
        found.add((icon["sizes"], icon["purpose"]))
    assert {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")} <= found


def test_apple_touch_icon_is_180_pixels():
    assert png_size(finders.find(pwa.APPLE_TOUCH_ICON)) == (180, 180)


def test_manifest_of_an_unknown_language_is_not_found_and_it_only_answers_reads(client, portal_settings):
    assert client.get("/fr/manifest.webmanifest").status_code == 404
    assert client.post("/en/manifest.webmanifest").status_code == 405


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_page_links_the_manifest_in_its_language_and_the_apple_icon(client, about_zh, language):
    path = about_zh.url if language == "zh-hans" else "/en/search/"
    html = client.get(path).content.decode()
    assert f'<link rel="manifest" href="/{language}/manifest.webmanifest">' in html
    assert '<link rel="apple-touch-icon" href="/static/img/icons/apple-touch-icon.png">' in html
    assert '<meta name="theme-color" content="#8a0d14">' in html
    assert '<script src="/static/js/pwa.js" defer></script>' in html
    assert '<template id="pwa-texts">' in html


def test_service_worker_is_served_at_the_root_as_javascript_revalidated_every_time(client, portal_settings):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    script = response.content.decode()
    assert pwa.CONFIG_PLACEHOLDER not in script
    config = json.loads(re.search(r"^const CONFIG = (\{.*\});$", script, re.MULTILINE).group(1))
    assert config["offline"] == {"zh-hans": "/zh-hans/offline/", "en": "/en/offline/"}
    assert "/static/css/portal.css" in config["shell"]
    assert re.fullmatch(r"[0-9a-f]{12}", config["version"])
    assert client.post("/sw.js").status_code == 405


def test_a_deploy_that_changes_anything_gives_the_worker_a_new_version(settings):
    first = pwa.worker_config()["version"]
    assert pwa.worker_config()["version"] == first
    settings.PWA_VERSION = "release-2"
    assert pwa.worker_config()["version"] != first


def test_the_workers_app_shell_has_every_style_and_script_base_html_loads():
    statics = set()
    for template in ("base.html", "includes/pwa_head.html"):
        source = (TEMPLATES / template).read_text()
        statics |= set(re.findall(r"{% static '([^']+\.(?:css|js))' %}", source))
    assert statics <= set(pwa.APP_SHELL_STATIC)
    for path in pwa.APP_SHELL_STATIC:
        assert finders.find(path), path


def private_routes():
    """Addresses the worker must never keep: personal pages, forms and token links."""
    token = "a" * 32
    uuid = "6f1d2c1e-7c1a-4f7a-9a51-2f0f2e3a4b5c"
    return [
        reverse("my_portal"),
        reverse("profile"),
        reverse("account_login"),
        reverse("account_signup"),
        reverse("destinations:subscribe"),
        reverse("destinations:confirm", args=[token]),
        reverse("destinations:preferences", args=[token]),
        reverse("destinations:unsubscribe", args=[token]),
        reverse("events:cancel", args=[token]),
        reverse("events:decline", args=[token]),
        reverse("events:invitation", args=[token]),
        reverse("events:check_in", args=["ABC123"]),
        reverse("quizzes:result", args=[uuid]),
        reverse("quizzes:take", args=[uuid]),
        reverse("certificates:verify", args=["ABCD1234"]),
        reverse("certificates:mine", args=[1]),
        "/verify/ABCD1234/",
        "/q/ABC/",
        "/admin/",
        "/zh-hans/events/some-event/register/",
        "/zh-hans/quizzes/a-quiz/start/",
    ]


def worker_keeps(path):
    """home/service_worker.js's isPrivate(), in Python."""
    languages = "|".join(code for code, _name in settings.LANGUAGES)
    rest = re.sub(rf"^/({languages})/", "/", path)[1:]
    return not (
        any(rest.startswith(prefix) for prefix in pwa.PRIVATE_PATHS)
        or any(re.search(pattern, path) for pattern in pwa.PRIVATE_PATH_PATTERNS)
    )


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_worker_never_keeps_personal_pages_forms_or_token_links(language):
    with translation.override(language):
        routes = private_routes()
    kept = [path for path in routes if worker_keeps(path)]
    assert kept == []
    assert worker_keeps(f"/{language}/destinations/th/")
    assert worker_keeps(f"/{language}/")


@pytest.mark.parametrize(
    ("language", "guidance_field", "heading"),
    [("zh-hans", "emergency_text_zh", "没有网络连接"), ("en", "emergency_text_en", "No connection")],
)
def test_offline_page_has_the_hotline_to_tap_and_written_out_and_the_guidance(
    client, portal_settings, django_assert_max_num_queries, language, guidance_field, heading
):
    setattr(portal_settings, guidance_field, "Stay calm. Call the embassy.")
    portal_settings.save()
    with django_assert_max_num_queries(15):
        response = client.get(f"/{language}/offline/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert f"<h1>{heading}</h1>" in html
    assert 'href="tel:+861012308"' in html
    assert '<strong class="offline-hotline__number">12308</strong>' in html
    assert '<strong class="offline-hotline__number">+86-10-12308</strong>' in html
    assert "Stay calm. Call the embassy." in html
    assert "data-saved-list" in html
    assert "<script>" not in html


def test_offline_page_is_the_same_for_a_signed_in_person(client, portal_settings, make_user):
    anonymous = client.get("/zh-hans/offline/").content.decode()
    client.force_login(make_user(name="王小明"))
    html = client.get("/zh-hans/offline/").content.decode()
    assert "王小明" not in html
    assert "/accounts/logout/" not in html
    assert "csrfmiddlewaretoken" not in html
    assert html == anonymous


def test_home_page_offers_the_install_hint_hidden_until_the_script_decides(client, home_zh):
    html = client.get(home_zh.url).content.decode()
    assert '<aside class="install-hint" data-install-hint hidden' in html
    assert 'data-install-text="wechat"' in html


def test_destination_page_offers_save_for_offline_with_its_card_and_level(client, home_zh):
    index = f.DestinationIndexPageFactory(parent=home_zh)
    place = f.DestinationFactory(country="IS", risk_level=2)
    page = f.DestinationPageFactory(parent=index, destination=place, title="冰岛")
    html = client.get(page.url).content.decode()
    assert 'data-save-offline hidden data-code="is"' in html
    assert 'data-level="2"' in html
    assert 'data-card-url="/zh-hans/destinations/is/emergency-card.pdf"' in html
    assert "data-install-hint" in html
    # Saved copies are fetched without cookies and refused if they carry a form's token.
    assert "csrfmiddlewaretoken" not in html
