import pytest
from django.core.exceptions import ValidationError

from home.blocks import CaptionedImageBlock
from home.models import Topic

pytestmark = pytest.mark.django_db


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


def test_video_block_plays_the_uploaded_file_with_captions(client, home_zh):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtailmedia.models import Media

    from home.models import StandardPage

    video = Media.objects.create(
        title="演示视频", type="video", file=ContentFile(b"\x00" * 64, name="demo.mp4")
    )
    captions = Document.objects.create(
        title="字幕", file=ContentFile("WEBVTT\n\n00:00.000 --> 00:02.000\n你好\n".encode(), name="demo.vtt")
    )
    page = StandardPage(
        title="视频页",
        slug="video",
        body=[
            ("video", {"video": video, "captions": captions, "captions_language": "zh-Hans", "title": "演示"})
        ],
    )
    home_zh.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/zh-hans/video/").content.decode()
    assert "<video controls" in html
    assert f'<source src="{video.url}" type="video/mp4">' in html
    assert '<track kind="captions"' in html
    assert f'src="{captions.url}"' in html
    response = client.get(captions.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vtt")


def test_video_block_refuses_captions_that_are_not_webvtt():
    from django.core.files.base import ContentFile
    from wagtail.blocks import StructBlockValidationError
    from wagtail.documents.models import Document
    from wagtailmedia.models import Media

    from home.blocks import VideoBlock

    video = Media.objects.create(title="v", type="video", file=ContentFile(b"\x00", name="v.mp4"))
    not_captions = Document.objects.create(title="pdf", file=ContentFile(b"%PDF-1.4", name="x.pdf"))
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python({"video": video.pk, "captions": not_captions.pk, "captions_language": "en"})
        )


def test_topics_are_managed_as_snippets_in_the_admin(client, make_user):
    client.force_login(make_user(is_superuser=True, is_staff=True))
    response = client.get("/admin/snippets/home/topic/")
    assert response.status_code == 200
    assert "防范诈骗" in response.content.decode()


def test_image_block_is_responsive_with_required_alt_text(client, home_zh):
    from home.models import StandardPage
    from tests.home.factories import ImageFactory

    image = ImageFactory(title="示意图")
    page = StandardPage(
        title="图片页",
        slug="image",
        body=[("image", {"image": image, "alt_text": "地图上的使馆位置", "caption": "示意"})],
    )
    home_zh.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/zh-hans/image/").content.decode()
    assert 'srcset="' in html
    assert ".webp 400w" in html
    assert 'alt="地图上的使馆位置"' in html
