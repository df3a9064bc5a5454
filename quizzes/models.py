"""Safety quizzes: the question bank (a translatable snippet), quiz pages, and attempts.

Which choices are correct is a fact stored once: the default-language copy of a question decides for
every language (quizzes/attempts.py reads it when an attempt is drawn). An attempt keeps a snapshot
of what it showed (questions, order, choice texts, correctness), so editing or retiring a question,
or unpublishing the quiz, never changes a past result.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.codes import CODE_ALPHABET, new_code  # noqa: F401 (CODE_ALPHABET: quizzes/demo.py)
from home.search import SegmentedSearchMixin


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
            Answer.objects.filter(question__translation_key__in=keys).values_list(
                "question__translation_key", flat=True
            )
        )

    def was_answered(self):
        return bool(self.answered_keys([self]))


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


class QuizIndexPage(SegmentedSearchMixin, Page):
    """Lists the live quizzes of its language."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + SegmentedSearchMixin.search_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = ["quizzes.QuizPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("quiz index page")

    def search_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from .listing import quiz_index_context

        return super().get_context(request, *args, **kwargs) | quiz_index_context(self, request)

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

    class Review(models.TextChoices):
        SCORE = "score", _("Score only")
        WRONG = "wrong", _("Score and which answers were wrong")
        ANSWERS_WHEN_DONE = (
            "when-done",
            _(
                "Which answers were wrong and what to read; correct answers and explanations after a pass "
                "or the last attempt"
            ),
        )
        ANSWERS = "answers", _("Correct answers with explanations")

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
        from django.utils.html import strip_tags

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
        from .views import quiz_page

        return quiz_page(request, self)

    @path("start/")
    def start(self, request):
        from .views import start

        return start(request, self)


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


class Attempt(models.Model):
    """One person's go at a quiz, whoever's language copy they took it on.

    `number` counts the owner's attempts at the quiz; unique constraints on it (and on one unfinished
    attempt per owner and quiz) make the attempt limit hold when two tabs start at once.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in-progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        EXPIRED = "expired", _("Time ran out")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    quiz_key = models.UUIDField(_("quiz"), db_index=True)
    quiz_page = models.ForeignKey(
        QuizPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    quiz_title = models.CharField(_("quiz title"), max_length=255)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quiz_attempts",
    )
    guest_token = models.CharField(max_length=64, blank=True, db_index=True)
    number = models.PositiveIntegerField(_("attempt number"), default=1)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # What was shown, exactly: [{"key", "question_id", "kind", "text", "explanation", "learn_more_page_id",
    # "choices": [{"id", "key", "token", "text", "correct", "feedback"}]}], in the order shown. A choice's
    # token is what its input sends: random, new in every attempt (quizzes/attempts.py, choice_token).
    snapshot = models.JSONField(default=list)
    # Answers kept as the person goes: {question key: [choice ids]}.
    draft = models.JSONField(default=dict, blank=True)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    review = models.CharField(max_length=10, choices=QuizPage.Review.choices)
    score = models.PositiveIntegerField(_("score"), null=True, blank=True)
    max_score = models.PositiveIntegerField(_("out of"), default=0)
    percent = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    result_code = models.CharField(_("result code"), max_length=12, unique=True, null=True, blank=True)
    prize_given_at = models.DateTimeField(_("prize given"), null=True, blank=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["quiz_key", "started_at"], name="quiz_attempt_report")]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz_key", "user", "number"],
                condition=models.Q(user__isnull=False),
                name="quiz_attempt_number_per_user",
            ),
            models.UniqueConstraint(
                fields=["quiz_key", "guest_token", "number"],
                condition=models.Q(user__isnull=True),
                name="quiz_attempt_number_per_guest",
            ),
            models.UniqueConstraint(
                fields=["quiz_key", "user"],
                condition=models.Q(user__isnull=False, status="in-progress"),
                name="quiz_one_open_attempt_per_user",
            ),
            models.UniqueConstraint(
                fields=["quiz_key", "guest_token"],
                condition=models.Q(user__isnull=True, status="in-progress"),
                name="quiz_one_open_attempt_per_guest",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(guest_token=""),
                name="quiz_attempt_has_owner",
            ),
        ]

    def __str__(self):
        return f"{self.quiz_title} #{self.number}"

    @property
    def is_open(self):
        return self.status == self.Status.IN_PROGRESS

    @property
    def is_finished(self):
        return self.status != self.Status.IN_PROGRESS


class Answer(models.Model):
    """One question of a finished attempt, as scored. Reports aggregate these by `question_key` (the
    question's translation key), so every language counts together."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, null=True, on_delete=models.PROTECT, related_name="answers")
    question_key = models.UUIDField(db_index=True)
    position = models.PositiveSmallIntegerField()
    # Chosen choices' ids (of the copy shown) and, language-free, their translation keys sorted and
    # joined by commas: what "the most chosen wrong answer" groups by. Empty: not answered.
    chosen = models.JSONField(default=list)
    response_key = models.CharField(max_length=400, blank=True)
    is_correct = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="quiz_one_answer_per_position"),
        ]

    def __str__(self):
        return f"{self.attempt_id}/{self.position}"


class ExhibitionLink(models.Model):
    """A quiz's short link for posters and QR codes: /q/<code>/ opens it in the visitor's language."""

    quiz_key = models.UUIDField(unique=True)
    code = models.CharField(max_length=12, unique=True, default=new_code)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("exhibition link")
        verbose_name_plural = _("exhibition links")

    def __str__(self):
        return self.code
