import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from wagtail.models import Page, Revision

from home.blocks import CaptionedImageBlock
from home.models import Topic

pytestmark = pytest.mark.django_db


def test_seed_demo_twice_changes_nothing():
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Page.objects.count(), Revision.objects.count(), Topic.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Page.objects.count(), Revision.objects.count(), Topic.objects.count()) == counts


def test_demo_topics_exist_in_both_languages(zh, en):
    fraud_zh = Topic.objects.get(locale=zh, slug="fraud-and-scams")
    fraud_en = fraud_zh.get_translation(en)
    assert (fraud_zh.name, fraud_en.name) == ("防范诈骗", "Fraud and scams")
    assert Topic.objects.filter(locale=zh).count() == Topic.objects.filter(locale=en).count() == 9


def test_image_block_requires_alt_text():
    block = CaptionedImageBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": None, "alt_text": "", "caption": ""}))


def test_accordion_renders_questions_as_buttons(client):
    html = client.get("/zh-hans/contact/").content.decode()
    assert 'class="accordion-button collapsed"' in html
    assert "护照在国外丢失怎么办？" in html
    assert 'aria-controls="faq-' in html


def test_callout_shows_its_kind_as_text_not_colour_only(client):
    html = client.get("/en/").content.decode()
    assert "callout--emergency" in html
    assert "In trouble abroad?" in html
