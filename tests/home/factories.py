"""Factories for awareness content in tests: real images, documents and media files, published pages.

``ArticlePageFactory(parent=index)`` is a published article under a content index
(``ContentIndexPageFactory(parent=home_zh)``); ``with_topics(page, [topic(zh, "fraud-and-scams")])``
tags it with the demo's topics. Files are real (a PNG Pillow draws, a minimal PDF, a WebVTT file).
"""

import factory
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtailmedia.models import Media

from home.models import ArticlePage, BrochurePage, CaseStudyPage, ContentIndexPage, Topic, VideoPage
from tests.factories import PublishedPageFactory, publish, translate

__all__ = [
    "CONTENT_PAGE_FACTORIES",
    "ArticlePageFactory",
    "BrochurePageFactory",
    "CaseStudyPageFactory",
    "ContentIndexPageFactory",
    "DocumentFactory",
    "ImageFactory",
    "MediaFactory",
    "VideoPageFactory",
    "captions_document",
    "publish",
    "topic",
    "translate",
    "with_topics",
]

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:02.000\n出国前请了解目的地安全形势。\n"


class ImageFactory(factory.django.DjangoModelFactory):
    """A red 1200×675 PNG (``file__width=``, ``file__height=`` for another size)."""

    class Meta:
        model = Image

    title = "图片"
    file = factory.django.ImageField(
        width=1200, height=675, color=(180, 30, 40), format="PNG", filename="img.png"
    )


class DocumentFactory(factory.django.DjangoModelFactory):
    """A minimal PDF brochure."""

    class Meta:
        model = Document

    title = "宣传册"
    file = factory.LazyAttributeSequence(lambda _, n: ContentFile(MINIMAL_PDF, name=f"brochure{n}.pdf"))


def captions_document(title="字幕"):
    """A WebVTT captions file, as a video page's captions."""
    return DocumentFactory(title=title, file=ContentFile(CAPTIONS.encode(), name="captions.vtt"))


class MediaFactory(factory.django.DjangoModelFactory):
    """A 42-second video file."""

    class Meta:
        model = Media

    title = "视频"
    type = "video"
    file = factory.LazyAttributeSequence(lambda _, n: ContentFile(b"\x00" * 256, name=f"video{n}.mp4"))
    duration = 42


class ContentIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = ContentIndexPage

    title = "安全知识"
    slug = "knowledge-test"
    intro = "领事保护知识"


def topic(locale, slug):
    """One of the demo's topics."""
    return Topic.objects.get(locale=locale, slug=slug)


def with_topics(page, topics=(), audiences=()):
    """The page tagged with `topics` and `audiences`, published again."""
    page.topics.set(topics)
    page.audiences.set(audiences)
    page.save_revision().publish()
    return page


class ArticlePageFactory(PublishedPageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"防范电信诈骗 {n + 1}")
    slug = factory.Sequence(lambda n: f"article-{n + 1}")
    summary = "识别冒充公检法的诈骗电话"
    body = factory.LazyFunction(lambda: [("paragraph", "<p>遇到电信诈骗时，请立即挂断电话并报警。</p>")])


class CaseStudyPageFactory(PublishedPageFactory):
    class Meta:
        model = CaseStudyPage

    title = factory.Sequence(lambda n: f"留学生遭遇抢劫 {n + 1}")
    slug = factory.Sequence(lambda n: f"case-{n + 1}")
    summary = "一名留学生在海外遭遇抢劫后求助使馆"
    country = "FR"
    year = 2023
    what_happened = "<p>一名留学生夜间独自回家途中被抢走护照和手机。</p>"
    what_went_wrong = "<p>深夜独行，护照随身携带且没有复印件。</p>"
    how_help_came = "<p>中国驻法国大使馆协助其补办旅行证并联系家人。</p>"
    lessons = factory.LazyFunction(
        lambda: [("lesson", "夜间避免独行"), ("lesson", "护照复印件与原件分开存放")]
    )
    is_illustrative = True


class BrochurePageFactory(PublishedPageFactory):
    class Meta:
        model = BrochurePage

    title = factory.Sequence(lambda n: f"海外安全手册 {n + 1}")
    slug = factory.Sequence(lambda n: f"brochure-{n + 1}")
    summary = "出国留学安全手册"
    document = factory.SubFactory(DocumentFactory)
    page_count = 12


class VideoPageFactory(PublishedPageFactory):
    class Meta:
        model = VideoPage

    title = factory.Sequence(lambda n: f"领事保护小视频 {n + 1}")
    slug = factory.Sequence(lambda n: f"video-{n + 1}")
    summary = "三分钟了解领事保护"
    video = factory.SubFactory(MediaFactory)
    captions = factory.LazyFunction(captions_document)
    transcript = "<p>出国前请了解目的地安全形势。</p>"


CONTENT_PAGE_FACTORIES = {
    "article": ArticlePageFactory,
    "case": CaseStudyPageFactory,
    "brochure": BrochurePageFactory,
    "video": VideoPageFactory,
}
