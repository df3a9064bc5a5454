"""Quiz pages: the index of a language's quizzes, and a quiz with its rules, its fixed questions or
the topics it draws from. Their visitors' requests are answered by quizzes/views.py.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail_localize.fields import SynchronizedField

from home.models import SectionIndexPage
from home.search import SearchWeight, SegmentedSearchMixin

from .attempts import Review
from .bank import Question


def views():
    """The pages' views module (quizzes/views.py). It imports this module (it lists quizzes), so it is
    imported when the first request comes, not at the top."""
    from quizzes import views as page_views

    return page_views


class QuizIndexPage(SectionIndexPage):
    """Lists the live quizzes of its language."""

    subpage_types = ["quizzes.QuizPage"]

    class Meta:
        verbose_name = _("quiz index page")

    def get_context(self, request, *args, **kwargs):
        return super().get_context(request, *args, **kwargs) | views().quiz_index_context(self, request)

    def route(self, request, path_components):
        """A quiz and its own fields in one query (Wagtail's default takes two): every child is a quiz."""
        if not path_components:
            return super().route(request, path_components)
        slug, *remaining = path_components
        try:
            quiz = QuizPage.objects.child_of(self).get(slug=slug)
        except QuizPage.DoesNotExist as error:
            raise Http404 from error
        quiz._cached_parent_obj = self
        return quiz.route(request, remaining)


class QuizPage(RoutablePageMixin, SegmentedSearchMixin, Page):
    """A quiz in one language. Its rules (selection, limits, pass mark, review) are synchronised to
    every translation; attempts and statistics are keyed on the page's translation key."""

    class Selection(models.TextChoices):
        FIXED = "fixed", _("Fixed questions, in the order chosen")
        RANDOM = "random", _("Drawn at random from topics")

    class WhoMayTake(models.TextChoices):
        ANYONE = "anyone", _("Anyone, no account needed")
        SIGNED_IN = "signed-in", _("Signed-in people only")

    Review = Review  # what an attempt shows after submitting (kept on the attempt too)

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul", "ol"], blank=True)
    summary = models.TextField(
        _("summary"), max_length=300, blank=True, help_text=_("For lists and the home page.")
    )
    selection = models.CharField(
        _("questions"), max_length=10, choices=Selection.choices, default=Selection.FIXED
    )
    draw_count = models.PositiveSmallIntegerField(
        _("number of questions to draw"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Used when questions are drawn at random."),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=60, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("Empty: no time limit."),
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed per person"), default=0, help_text=_("0: unlimited.")
    )
    who_may_take = models.CharField(
        _("who may take it"), max_length=10, choices=WhoMayTake.choices, default=WhoMayTake.ANYONE
    )
    review = models.CharField(
        _("after submitting, show"),
        max_length=10,
        choices=Review.choices,
        default=Review.ANSWERS,
        help_text=_(
            "With two or more attempts allowed, correct answers wait for a pass or the last attempt, "
            "so that nobody passes by copying them."
        ),
    )
    is_featured = models.BooleanField(
        _("feature on the home page"), default=False, help_text=_("The newest featured quiz is shown.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("selection"),
                InlinePanel("fixed_questions", heading=_("Fixed questions"), label=_("Question")),
                FieldPanel("draw_count"),
                InlinePanel("draw_topics", heading=_("Draw from topics"), label=_("Topic")),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
            ],
            heading=pgettext_lazy("quiz", "Questions"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("time_limit_minutes")]),
                FieldRowPanel([FieldPanel("attempts_allowed"), FieldPanel("who_may_take")]),
                FieldPanel("review"),
                FieldPanel("is_featured"),
            ],
            heading=_("Rules"),
        ),
    ]
    search_fields = Page.search_fields + SegmentedSearchMixin.search_fields
    override_translatable_fields = [
        SynchronizedField("selection"),
        SynchronizedField("draw_count"),
        SynchronizedField("shuffle_questions"),
        SynchronizedField("shuffle_choices"),
        SynchronizedField("pass_mark"),
        SynchronizedField("time_limit_minutes"),
        SynchronizedField("attempts_allowed"),
        SynchronizedField("who_may_take"),
        SynchronizedField("review"),
        SynchronizedField("is_featured"),
        SynchronizedField("fixed_questions"),
        SynchronizedField("draw_topics"),
    ]
    search_kind = _("Quiz")
    search_weight = SearchWeight.LEARNING
    parent_page_types = ["quizzes.QuizIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("quiz page")

    def clean(self):
        super().clean()
        if self.selection == self.Selection.RANDOM and not self.draw_count:
            raise ValidationError({"draw_count": _("Choose how many questions to draw.")})
        self.review = self.review_policy

    @property
    def review_policy(self):
        """The review its attempts get: with several attempts allowed, the answer key waits until a pass
        or the last attempt (shown after attempt 1 of 3, it would let attempt 2 pass by copying)."""
        if self.attempts_allowed >= 2 and self.review == self.Review.ANSWERS:
            return self.Review.ANSWERS_WHEN_DONE
        return self.review

    def search_text(self):
        return " ".join([self.summary, strip_tags(self.intro)])

    @staticmethod
    def fixed_count():
        """An annotation: the fixed questions still in use (retired ones are never shown)."""
        return models.Count("fixed_questions", filter=models.Q(fixed_questions__question__is_retired=False))

    def question_count(self, fixed_count=None):
        """How many questions an attempt shows: the draw count, or the fixed questions still in use
        (`fixed_count` when annotated already)."""
        if self.selection == self.Selection.RANDOM:
            return self.draw_count
        if fixed_count is None:
            fixed_count = self.fixed_questions.filter(question__is_retired=False).count()
        return fixed_count

    @property
    def signed_in_only(self):
        return self.who_may_take == self.WhoMayTake.SIGNED_IN

    @path("")
    def quiz_page(self, request):
        return views().quiz_page(request, self)

    @path("start/")
    def start(self, request):
        return views().start(request, self)


class QuizQuestion(Orderable):
    """A fixed question of a quiz. Not translated: every language's copy points at the same question
    and shows its translation in the attempt's language."""

    page = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="fixed_questions")
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="+", verbose_name=_("question")
    )

    panels = [FieldPanel("question")]


class QuizTopic(Orderable):
    """A topic random draws take questions from (matched in every language by its translation key)."""

    page = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="draw_topics")
    topic = models.ForeignKey(
        "home.Topic", on_delete=models.CASCADE, related_name="+", verbose_name=_("topic")
    )

    panels = [FieldPanel("topic")]
