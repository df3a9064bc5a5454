"""What people did: attempts (with a snapshot of what they showed, so editing or retiring a question,
or unpublishing the quiz, never changes a past result), their scored answers, and exhibition links.
"""

import uuid

from django.conf import settings
from django.db import connections, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from home.codes import new_code

from .bank import Question


class Review(models.TextChoices):
    """What a quiz shows after submitting: a rule of the quiz page, kept on every attempt it gave."""

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


class Attempt(models.Model):
    """One person's go at a quiz, whoever's language copy they took it on.

    `number` counts the owner's attempts at the quiz; unique constraints on it (and on one unfinished
    attempt per owner and quiz) make the attempt limit hold when two tabs start at once.
    """

    class Status(models.TextChoices):
        # 作答中 (a context of its own: Wagtail's workflows say 进行中 to "In progress")
        IN_PROGRESS = "in-progress", pgettext_lazy("quiz attempt", "In progress")
        SUBMITTED = "submitted", _("Submitted")
        EXPIRED = "expired", _("Time ran out")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    quiz_key = models.UUIDField(_("quiz"), db_index=True)
    quiz_page = models.ForeignKey(
        "quizzes.QuizPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="attempts"
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
    review = models.CharField(max_length=10, choices=Review.choices)
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


class AnswerManager(models.Manager):
    STORED = ("attempt", "question", "question_key", "position", "chosen", "response_key", "is_correct")

    def _insert_statement(self, connection):
        """INSERT of one answer row, its question's id looked up by the statement itself."""
        quote = connection.ops.quote_name
        fields = [self.model._meta.get_field(name) for name in self.STORED]
        question_id, question_table = quote(Question._meta.pk.column), quote(Question._meta.db_table)
        linked = f"(SELECT {question_id} FROM {question_table} WHERE {question_id} = %s)"  # noqa: S608 (names from the models)
        values = ", ".join(linked if field.name == "question" else "%s" for field in fields)
        columns = ", ".join(quote(field.column) for field in fields)
        return f"INSERT INTO {quote(self.model._meta.db_table)} ({columns}) VALUES ({values})"  # noqa: S608 (as above)

    def store_scored(self, scored_attempts):
        """Store scored answers: `scored_attempts` is (attempt id, [`scoring.ScoredAnswer`]) pairs, one
        for a submit, thousands for the demo data. One statement, sent once per row.

        A row links to its question only while the question exists: an unanswered question may have
        been deleted since the attempt was drawn (answered ones are protected), so the link is looked
        up by the statement itself, NULL when the question is gone.

        Written in SQL rather than with `bulk_create`: building a model instance per answer and
        compiling the insert cost a submit more than the rest of its scoring, and a submit is what a
        crowd of students sends at once (scripts/bench_cpu_submits.py)."""
        connection = connections[self.db]
        meta = self.model._meta
        key_field, chosen_field = meta.get_field("question_key"), meta.get_field("chosen")
        rows = [
            (
                attempt_id,
                answer.question["question_id"],
                key_field.get_db_prep_value(answer.question["key"], connection),
                answer.position,
                chosen_field.get_db_prep_value(answer.chosen, connection),
                answer.response_key,
                answer.is_correct,
            )
            for attempt_id, scored_answers in scored_attempts
            for answer in scored_answers
        ]
        if rows:
            with connection.cursor() as cursor:
                cursor.executemany(self._insert_statement(connection), rows)


class Answer(models.Model):
    """One question of a finished attempt, as scored. Reports aggregate these by `question_key` (the
    question's translation key), so every language counts together."""

    # No index of its own: the unique (attempt, position) below starts with it and serves every lookup.
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers", db_index=False)
    question = models.ForeignKey(Question, null=True, on_delete=models.PROTECT, related_name="answers")
    question_key = models.UUIDField(db_index=True)
    position = models.PositiveSmallIntegerField()
    # Chosen choices' ids (of the copy shown) and, language-free, their translation keys sorted and
    # joined by commas: what "the most chosen wrong answer" groups by. Empty: not answered.
    chosen = models.JSONField(default=list)
    response_key = models.CharField(max_length=400, blank=True)
    is_correct = models.BooleanField(default=False)

    objects = AnswerManager()

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
