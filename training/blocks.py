"""A lesson's body: the shared body blocks (home.blocks.BodyBlock) and two of the training room's own:
a checklist, and an ungraded "check your understanding" question whose feedback a <details> element
reveals (no script: the Content-Security-Policy allows none inline). Nothing a reader does with them is
recorded or scored; a course's final quiz is the only test that counts."""

import hashlib

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import BodyBlock


def stable_id(prefix, texts):
    """An id from the content, so that the same lesson renders the same HTML for every visitor."""
    digest = hashlib.sha1("|".join(texts).encode(), usedforsecurity=False).hexdigest()[:10]
    return f"{prefix}-{digest}"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=300), label=_("Items"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "training/blocks/checklist.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["checklist_id"] = stable_id("checklist", value["items"])
        return context


class UnderstandingChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Choice"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.CharBlock(label=_("Feedback"), max_length=500, required=False)

    class Meta:
        icon = "radio-full"
        label = _("Choice")


class UnderstandingBlock(blocks.StructBlock):
    """A question a reader answers in their head, then opens each choice to see whether it was right
    and why (the <details> elements are the instant feedback)."""

    question = blocks.CharBlock(label=_("Question"), max_length=300)
    choices = blocks.ListBlock(UnderstandingChoiceBlock(), label=_("Choices"), min_num=2)
    explanation = blocks.RichTextBlock(
        label=_("Explanation"), features=["bold", "italic", "link", "ol", "ul"], required=False
    )

    class Meta:
        icon = "help"
        label = _("Check your understanding")
        template = "training/blocks/understanding.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["question_id"] = stable_id("understanding", [value["question"]])
        return context


class LessonBodyBlock(BodyBlock):
    checklist = ChecklistBlock()
    understanding = UnderstandingBlock()
