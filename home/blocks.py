"""StreamField blocks every page type shares. Defined once; other apps import them from here."""

import hashlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import VideoChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class CalloutBlock(blocks.StructBlock):
    level = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("warning", _("Warning")), ("emergency", _("Emergency"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "warning"
        label = _("Call-out box")
        template = "blocks/callout.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), max_length=200, required=False, help_text=_("Defaults to the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "blocks/document_link.html"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "help"
        label = _("Question and answer")


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion (FAQ)")
        template = "blocks/accordion.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # A stable id from the content, so the same page renders the same HTML every time.
        questions = "|".join(item["question"] for item in value["items"])
        context["accordion_id"] = (
            "faq-" + hashlib.sha1(questions.encode(), usedforsecurity=False).hexdigest()[:10]
        )
        return context


class VideoBlock(blocks.StructBlock):
    """An uploaded video (wagtailmedia) with a poster and WebVTT captions."""

    video = VideoChooserBlock(label=_("Video"))
    poster = ImageChooserBlock(
        label=_("Poster image"), required=False, help_text=_("Defaults to the video's own thumbnail.")
    )
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"), required=False, help_text=_("A .vtt file with the spoken words.")
    )
    captions_language = blocks.ChoiceBlock(
        label=_("Captions language"),
        choices=[("zh-Hans", "简体中文"), ("en", "English")],
        default="zh-Hans",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        captions = value.get("captions")
        if captions and not captions.file.name.lower().endswith(".vtt"):
            raise blocks.StructBlockValidationError(
                block_errors={"captions": ValidationError(_("Captions must be a WebVTT (.vtt) file."))}
            )
        return value


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        icon="pilcrow",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    document = DocumentLinkBlock()
    accordion = AccordionBlock()
    video = VideoBlock()
