"""The question bank: translatable questions and their choices.

Which choices are correct is a fact stored once: the default-language copy of a question decides for
every language (quizzes/attempts.py reads it when an attempt is drawn).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true-false", _("True or false")


class Difficulty(models.IntegerChoices):
    EASY = 1, _("Easy")
    MEDIUM = 2, _("Medium")
    HARD = 3, _("Hard")


class Question(TranslatableMixin, index.Indexed, ClusterableModel):
    """A question in the bank. Text, choices' texts, feedback and explanation are translated; kind,
    topic, difficulty, the "learn more" page, retirement and which choices are correct are not."""

    kind = models.CharField(
        _("kind"), max_length=12, choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    text = models.TextField(_("question"), max_length=1000)
    explanation = models.TextField(
        _("explanation"), max_length=2000, blank=True, help_text=_("Shown after submitting, to teach.")
    )
    learn_more_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("learn more"),
        help_text=_("A content page that explains the answer."),
    )
    topic = models.ForeignKey(
        "home.Topic",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quiz_questions",
        verbose_name=_("topic"),
    )
    difficulty = models.PositiveSmallIntegerField(
        _("difficulty"), choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    is_retired = models.BooleanField(
        _("retired"),
        default=False,
        help_text=_("Retired questions are never drawn again; past attempts keep them."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("text"),
        InlinePanel("choices", heading=_("Choices"), label=_("Choice"), min_num=2, max_num=8),
        FieldPanel("explanation"),
        PageChooserPanel("learn_more_page"),
        FieldRowPanel([FieldPanel("topic"), FieldPanel("difficulty")]),
        FieldPanel("is_retired"),
    ]
    search_fields = [
        index.SearchField("text"),
        index.AutocompleteField("text"),
        index.FilterField("is_retired"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]
    # Facts are the same in every language: translators never change them.
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("topic"),
        SynchronizedField("difficulty"),
        SynchronizedField("learn_more_page"),
        SynchronizedField("is_retired"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")
        ordering = ["-updated_at", "-id"]
        permissions = [
            ("view_reports", _("Can see quiz reports")),
            ("check_result_codes", _("Can look up quiz result codes")),
        ]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    @staticmethod
    def answered_keys(questions):
        """The translation keys among `questions` that some attempt has answered (in any language):
        those questions can only be retired."""
        keys = {question.translation_key for question in questions}
        return set(
            Question.objects.filter(translation_key__in=keys, answers__isnull=False)
            .values_list("translation_key", flat=True)
            .distinct()
        )


class Choice(TranslatableMixin, Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("choice"), max_length=300)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = models.CharField(
        _("feedback"), max_length=500, blank=True, help_text=_("Shown when this choice was picked.")
    )

    panels = [FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("feedback")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["sort_order"]

    def __str__(self):
        return self.text
