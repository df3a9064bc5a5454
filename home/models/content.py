"""Awareness content: articles, real-life cases, brochures and videos, listed by a content index."""

import math
import re

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from ..blocks import BodyBlock
from ..search import SearchWeight, SegmentedSearchMixin, stream_text
from .sections import SectionIndexPage
from .vocabulary import Audience, Topic

CHINESE_CHARACTER = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
CHINESE_CHARACTERS_PER_MINUTE = 400
ENGLISH_WORDS_PER_MINUTE = 200
RELATED_CONTENT_COUNT = 3  # shown on a page, and the most an editor may choose
SHORT_TEXT = {"features": ["bold", "italic", "link", "ol", "ul"]}


def reading_minutes(text):
    """Minutes a reader needs: Chinese at 400 characters a minute, other words at 200 a minute."""
    chinese = len(CHINESE_CHARACTER.findall(text or ""))
    words = len(LATIN_WORD.findall(CHINESE_CHARACTER.sub(" ", text or "")))
    minutes = chinese / CHINESE_CHARACTERS_PER_MINUTE + words / ENGLISH_WORDS_PER_MINUTE
    return max(1, math.ceil(minutes)) if minutes else 0


class ContentIndexPage(SectionIndexPage):
    """Lists its articles, cases, brochures and videos, newest first; filters by topic, audience, kind."""

    page_size = 12

    subpage_types = ["home.ArticlePage", "home.CaseStudyPage", "home.BrochurePage", "home.VideoPage"]
    max_count_per_parent = None  # a site may keep more than one collection of awareness content

    class Meta:
        verbose_name = _("content index page")

    def get_context(self, request, *args, **kwargs):
        # The page's views module (home/listing.py) imports this module back.
        from ..listing import content_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(content_listing(self, request))
        return context


class ContentPageForm(WagtailAdminPageForm):
    """Offers only the topics of the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or (self.parent_page.locale_id if self.parent_page else None)
        if "topics" in self.fields and locale_id:
            self.fields["topics"].queryset = Topic.objects.filter(locale_id=locale_id)


class ContentPage(SegmentedSearchMixin, Page):
    """What every piece of awareness content has: a summary, a hero image, topics and audiences.

    Concrete, so an index lists and filters all kinds in one query; each kind adds its own fields.
    """

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        CASE = "case", _("Real-life case")
        BROCHURE = "brochure", _("Brochure")
        VIDEO = "video", _("Video")

    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown in lists and search results.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Required with an image."),
    )
    topics = ParentalManyToManyField(
        Topic, blank=True, related_name="content_pages", verbose_name=_("topics")
    )
    audiences = ParentalManyToManyField(
        Audience, blank=True, related_name="content_pages", verbose_name=_("audiences")
    )

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Topics and audiences"),
        )
    ]
    search_fields = Page.search_fields + SegmentedSearchMixin.search_fields
    search_weight = SearchWeight.LEARNING  # search_kind: each kind's label (kind_label)
    base_form_class = ContentPageForm

    kind = None  # each kind of content names itself: a ContentPage.Kind
    parent_page_types = ["home.ContentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("content page")

    @classmethod
    def kind_label(cls):
        return ContentPage.Kind(cls.kind).label if cls.kind else ""

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": _("Describe the image: alternative text is required.")})

    def search_text(self):
        return self.summary

    @property
    def kind_name(self):
        """The kind's label, for a ContentPage of any class (content types are cached: no query)."""
        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        return model.kind_label() if model is not None and issubclass(model, ContentPage) else ""

    def get_context(self, request, *args, **kwargs):
        # The page's views module (home/listing.py) imports this module back.
        from ..listing import content_page_context

        self.load_files()
        context = super().get_context(request, *args, **kwargs)
        context.update(content_page_context(self, request))
        return context

    file_fields = ["hero_image"]  # the images, documents and media a page shows

    def load_files(self):
        """Fetch the page's images, documents and media in one query instead of one each."""
        names = [name for name in self.file_fields if getattr(self, f"{name}_id")]
        if len(names) > 1:
            loaded = type(self).objects.select_related(*names).get(pk=self.pk)
            for name in names:
                setattr(self, name, getattr(loaded, name))


class RelatedContent(Orderable):
    source = ParentalKey(ContentPage, on_delete=models.CASCADE, related_name="related_links")
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("page")
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related content")


CONTENT_PANELS = [FieldPanel("summary"), FieldPanel("hero_image"), FieldPanel("hero_image_alt")]
RELATED_PANEL = InlinePanel("related_links", label=_("Related content"), max_num=RELATED_CONTENT_COUNT)


class ArticlePage(ContentPage):
    """Guides, lecture notes and emergency skills."""

    body = StreamField(BodyBlock(), verbose_name=_("body"))

    kind = ContentPage.Kind.ARTICLE
    content_panels = Page.content_panels + CONTENT_PANELS + [FieldPanel("body"), RELATED_PANEL]

    class Meta:
        verbose_name = _("article")

    def search_text(self):
        return " ".join([self.summary, stream_text(self.body)])

    @property
    def reading_time(self):
        return reading_minutes(" ".join([self.title, self.summary, stream_text(self.body)]))


def current_year():
    return timezone.localdate().year


class CaseStudyPage(ContentPage):
    """A real-life case told the same way every time: what happened, what went wrong, who helped, lessons."""

    country = CountryField(_("country or region"), help_text=_("Where it happened (ISO 3166 code)."))
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1949), MaxValueValidator(2100)]
    )
    what_happened = RichTextField(_("what happened"), **SHORT_TEXT)
    what_went_wrong = RichTextField(_("what went wrong or could have been avoided"), **SHORT_TEXT)
    how_help_came = RichTextField(_("what the embassy, consulate or the 12308 hotline did"), **SHORT_TEXT)
    lessons = StreamField(
        [("lesson", blocks.CharBlock(label=_("Lesson"), max_length=250))],
        verbose_name=_("lessons (a checklist)"),
    )
    is_illustrative = models.BooleanField(
        _("illustrative case"),
        default=False,
        help_text=_("A made-up case for teaching, based on common situations; readers are told so."),
    )

    kind = ContentPage.Kind.CASE
    content_panels = (
        Page.content_panels
        + [
            HelpPanel(
                content=_(
                    "Do not include any real person's identifying data: no names, photos of faces, "
                    "passport numbers, addresses or employers. Describe people by role "
                    "(a student, an engineer)."
                )
            )
        ]
        + CONTENT_PANELS
        + [
            MultiFieldPanel([FieldPanel("country"), FieldPanel("year")], heading=_("Where and when")),
            FieldPanel("what_happened"),
            FieldPanel("what_went_wrong"),
            FieldPanel("how_help_came"),
            FieldPanel("lessons"),
            FieldPanel("is_illustrative"),
            RELATED_PANEL,
        ]
    )

    class Meta:
        verbose_name = _("real-life case")

    def clean(self):
        super().clean()
        if self.year and self.year > current_year():
            raise ValidationError({"year": _("The year cannot be in the future.")})

    def search_text(self):
        return " ".join(
            [
                self.summary,
                self.what_happened,
                self.what_went_wrong,
                self.how_help_came,
                stream_text(self.lessons),
            ]
        )


class BrochurePage(ContentPage):
    """A PDF brochure, with its cover, language, page count and size shown before download."""

    class Language(models.TextChoices):
        CHINESE = "zh-hans", _("Chinese")
        ENGLISH = "en", _("English")
        BILINGUAL = "bilingual", _("Chinese and English")

    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("PDF file")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    brochure_language = models.CharField(
        _("language of the brochure"), max_length=10, choices=Language.choices, default=Language.CHINESE
    )
    page_count = models.PositiveSmallIntegerField(
        _("number of pages"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    description = RichTextField(_("description"), blank=True, **SHORT_TEXT)

    kind = ContentPage.Kind.BROCHURE
    file_fields = ["hero_image", "document", "cover_image"]
    content_panels = (
        Page.content_panels
        + CONTENT_PANELS
        + [
            FieldPanel("document"),
            FieldPanel("cover_image"),
            FieldPanel("brochure_language"),
            FieldPanel("page_count"),
            FieldPanel("description"),
            RELATED_PANEL,
        ]
    )

    class Meta:
        verbose_name = _("brochure")

    def clean(self):
        super().clean()
        if self.document_id and self.document.file_extension.lower() != "pdf":
            raise ValidationError({"document": _("A brochure must be a PDF file.")})

    def search_text(self):
        return " ".join([self.summary, self.description])


class VideoPage(ContentPage):
    """An uploaded video with a poster, WebVTT captions and a transcript; optionally a link elsewhere."""

    video = models.ForeignKey(
        "wagtailmedia.Media", on_delete=models.PROTECT, related_name="+", verbose_name=_("video file")
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("poster image"),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("captions (WebVTT)"),
    )
    transcript = RichTextField(_("transcript"), blank=True, **SHORT_TEXT)
    external_url = models.URLField(
        _("also watch at"), blank=True, help_text=_("Optional: the same video on another site.")
    )

    kind = ContentPage.Kind.VIDEO
    file_fields = ["hero_image", "video", "poster", "captions"]
    content_panels = (
        Page.content_panels
        + CONTENT_PANELS
        + [
            FieldPanel("video"),
            FieldPanel("poster"),
            FieldPanel("captions"),
            FieldPanel("transcript"),
            FieldPanel("external_url"),
            RELATED_PANEL,
        ]
    )

    class Meta:
        verbose_name = _("video")

    def clean(self):
        super().clean()
        if self.video_id and self.video.type != "video":
            raise ValidationError({"video": _("Choose a video file, not an audio file.")})
        if self.captions_id and not self.captions.file.name.lower().endswith(".vtt"):
            raise ValidationError({"captions": _("Captions must be a WebVTT (.vtt) file.")})

    def search_text(self):
        return " ".join([self.summary, self.transcript])
