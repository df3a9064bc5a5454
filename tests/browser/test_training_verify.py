"""Checking a certificate in Chromium at 360 px, in Chinese and English: the address printed on the
certificate opens the page in the browser's language; a code typed in lower case with spaces is found;
the owner's page says "being prepared", then the PDF downloads; no serious axe violations and no
horizontal scroll."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from home.models import HomePage
from tests.browser.test_accessibility import blocking_violations
from tests.browser.test_events import page_width
from tests.training import factories as f
from tests.training.certify import certified_learner

pytestmark = pytest.mark.browser

NARROW = 360
RESULT = {"zh-hans": "此证书有效。", "en": "This certificate is valid."}


@pytest.fixture
def certificate(site_url, zh):
    home = HomePage.objects.get(locale=zh, depth=2)
    index = f.CourseIndexPageFactory(parent=home, slug="courses-browser")
    quiz = f.final_quiz(home)
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=2, title="留学生行前安全课")
    return certified_learner(course, quiz, render=False)[1]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_printed_address_and_the_form_at_360px(page_at, certificate, language):
    page = page_at(NARROW, language)
    response = page.goto(f"/verify/{certificate.display_code}/")
    assert response is not None and response.ok
    assert f"/{language}/verify/{certificate.display_code}/" in page.url
    assert RESULT[language] in page.inner_text("main")
    assert "张*三" in page.inner_text("main")
    blocking, summary = blocking_violations(page)
    assert blocking == [], f"axe found serious/critical violations at 360px:\n{summary}"
    scroll_width, wide = page_width(page)
    assert scroll_width <= NARROW, f"{scroll_width}px wide at 360px: {wide}"

    typed = " ".join(certificate.code.lower()[i : i + 4] for i in range(0, 16, 4))
    page.fill("#verify-code", typed)
    page.click("#verify-code ~ button")
    page.wait_for_load_state("load")
    assert RESULT[language] in page.inner_text("main")
    assert certificate.display_code in page.inner_text("main")


def test_the_owner_downloads_the_certificate_at_360px(page_at, site_url, certificate):
    client = Client()
    client.force_login(certificate.completion.user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page = page_at(NARROW, "zh-hans")
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site_url}])
    with translation.override("zh-hans"):
        path = reverse("certificates:mine", args=[certificate.pk])
    response = page.goto(path)
    assert response is not None and response.ok
    assert "正在生成" in page.inner_text("main")  # not rendered yet
    blocking, summary = blocking_violations(page)
    assert blocking == [], f"axe found serious/critical violations at 360px:\n{summary}"
    scroll_width, wide = page_width(page)
    assert scroll_width <= NARROW, f"{scroll_width}px wide at 360px: {wide}"
    with page.expect_download() as download_info:
        page.click("main a.btn-primary")
    download = download_info.value
    assert download.suggested_filename == f"certificate-{certificate.display_code.lower()}.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF")
    page.reload()
    assert "正在生成" not in page.inner_text("main")
