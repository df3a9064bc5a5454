"""The sentence every form that collects personal data carries (includes/personal_data_notice.html)."""

import pytest
from django.template import engines
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Site

from accounts.models import AccountSettings

pytestmark = pytest.mark.django_db

NOTICE = '{% include "includes/personal_data_notice.html" with kept=kept %}'


def render_notice(language, kept):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        return engines["django"].from_string(NOTICE).render({"kept": kept}, request=request)


@pytest.mark.parametrize(
    ("language", "link"),
    [
        ("zh-hans", '为何收集及您的权利：<a href="/zh-hans/privacy/">隐私声明</a>。'),
        ("en", 'Why we ask and your rights: <a href="/en/privacy/">Privacy notice</a>.'),
    ],
)
def test_notice_says_what_is_kept_and_links_to_the_privacy_notice_in_the_readers_language(language, link):
    html = render_notice(language, "We keep your phone number until 30 days after the event.")
    assert "We keep your phone number until 30 days after the event." in html
    assert link in html


def test_notice_escapes_the_sentence_it_is_given():
    assert "&lt;b&gt;" in render_notice("en", "<b>kept</b>")


def test_notice_without_a_chosen_privacy_page_keeps_the_sentence_and_draws_no_link():
    settings = AccountSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_notice = None
    settings.save()
    html = render_notice("en", "We keep your email address.")
    assert "We keep your email address." in html
    assert "<a " not in html


def test_notice_links_to_the_chinese_notice_when_the_english_copy_is_not_live(home_en):
    from home.models import StandardPage

    StandardPage.objects.child_of(home_en).get(slug="privacy").unpublish()
    assert 'href="/zh-hans/privacy/"' in render_notice("en", "We keep your email address.")


def test_include_renders_through_render_to_string_with_a_request():
    request = RequestFactory().get("/en/")
    with translation.override("en"):
        html = render_to_string("includes/personal_data_notice.html", {"kept": "Kept."}, request=request)
    assert 'href="/en/privacy/"' in html
