"""Builders for awareness content in tests: real images, documents and media files, published pages."""

import io
import itertools

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtailmedia.models import Media

from home.models import ArticlePage, BrochurePage, CaseStudyPage, ContentIndexPage, Topic, VideoPage

_numbers = itertools.count(1)


def png_image(title="图片", width=1200, height=675):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (180, 30, 40)).save(buffer, format="PNG")
    return Image.objects.create(
        title=title, file=ContentFile(buffer.getvalue(), name=f"img{next(_numbers)}.png")
    )


def pdf_document(title="宣传册"):
    pdf = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return Document.objects.create(title=title, file=ContentFile(pdf, name=f"brochure{next(_numbers)}.pdf"))


def vtt_document(title="字幕"):
    vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\n出国前请了解目的地安全形势。\n".encode()
    return Document.objects.create(title=title, file=ContentFile(vtt, name=f"captions{next(_numbers)}.vtt"))


def video_media(title="视频"):
    return Media.objects.create(
        title=title,
        type="video",
        file=ContentFile(b"\x00" * 256, name=f"video{next(_numbers)}.mp4"),
        duration=42,
    )


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def content_index(home, slug="knowledge-test", title="安全知识"):
    return publish(home, ContentIndexPage(title=title, slug=slug, intro="领事保护知识"))


def topic(locale, slug):
    return Topic.objects.get(locale=locale, slug=slug)


def with_topics(page, topics=(), audiences=()):
    page.topics.set(topics)
    page.audiences.set(audiences)
    page.save_revision().publish()
    return page


def article(index, title=None, body=None, **fields):
    number = next(_numbers)
    fields.setdefault("summary", "识别冒充公检法的诈骗电话")
    body = body or [("paragraph", "<p>遇到电信诈骗时，请立即挂断电话并报警。</p>")]
    page = ArticlePage(title=title or f"防范电信诈骗 {number}", slug=f"article-{number}", body=body, **fields)
    return publish(index, page)


def case(index, title=None, **fields):
    number = next(_numbers)
    defaults = {
        "summary": "一名留学生在海外遭遇抢劫后求助使馆",
        "country": "FR",
        "year": 2023,
        "what_happened": "<p>一名留学生夜间独自回家途中被抢走护照和手机。</p>",
        "what_went_wrong": "<p>深夜独行，护照随身携带且没有复印件。</p>",
        "how_help_came": "<p>中国驻法国大使馆协助其补办旅行证并联系家人。</p>",
        "lessons": [("lesson", "夜间避免独行"), ("lesson", "护照复印件与原件分开存放")],
        "is_illustrative": True,
    }
    defaults.update(fields)
    page = CaseStudyPage(title=title or f"留学生遭遇抢劫 {number}", slug=f"case-{number}", **defaults)
    return publish(index, page)


def brochure(index, title=None, **fields):
    number = next(_numbers)
    defaults = {"summary": "出国留学安全手册", "document": pdf_document(), "page_count": 12}
    defaults.update(fields)
    page = BrochurePage(title=title or f"海外安全手册 {number}", slug=f"brochure-{number}", **defaults)
    return publish(index, page)


def video(index, title=None, **fields):
    number = next(_numbers)
    defaults = {
        "summary": "三分钟了解领事保护",
        "video": video_media(),
        "captions": vtt_document(),
        "transcript": "<p>出国前请了解目的地安全形势。</p>",
    }
    defaults.update(fields)
    page = VideoPage(title=title or f"领事保护小视频 {number}", slug=f"video-{number}", **defaults)
    return publish(index, page)
