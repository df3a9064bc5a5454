"""What learners make: enrolments, lesson progress and completions. Keyed on the course's and the
lesson's translation keys (as quizzes.Attempt keys on quiz_key), so the Chinese and English copies of a
course count together, with SET_NULL links to the pages: deleting or unpublishing a course leaves every
record, and a completion's snapshot, as it was (DESIGN.md rule 1). Nothing here imports the page
models, so the domain modules stay below the pages and their views."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    """A learner on a course (every language copy of it). Made only by training.enrolment.enrol."""

    class Source(models.TextChoices):
        SELF = "self", _("Enrolled themselves")
        STAFF = "staff", _("Enrolled by staff")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("learner"),
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    course_page = models.ForeignKey(
        "training.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="enrolments"
    )
    course_title = models.CharField(_("course title"), max_length=255)
    # Who enrolled the learner: "self", "staff", or another room's own word (the organisations room's).
    source = models.CharField(_("enrolled by"), max_length=40, default=Source.SELF)
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="training_one_enrolment_per_course"),
        ]

    def __str__(self):
        return f"{self.user_id} / {self.course_title}"


class LessonProgress(models.Model):
    """A lesson a learner marked as done (in any language copy)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    lesson_key = models.UUIDField(_("lesson"))
    done_at = models.DateTimeField(_("done"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key"], name="training_lesson_done_once"),
        ]

    def __str__(self):
        return f"{self.user_id} / {self.lesson_key}"


class Completion(models.Model):
    """A learner completed a course: every required lesson done, the final quiz passed (and an event
    attended where the course asks for one). Immutable: a snapshot of the course and the qualifying
    attempt, never edited by content changes. After it expires, a pass submitted later makes a new one.

    The unique constraint on (user, course key, qualifying attempt) makes two racing requests record one
    completion; a course without a final quiz completes once (the second constraint).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="completions",
        verbose_name=_("learner"),
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    course_page = models.ForeignKey(
        "training.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="completions"
    )
    course_title = models.CharField(_("course title"), max_length=255)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    # The course page's live revision when it was completed (an id, not a link: revisions may go).
    course_revision_id = models.PositiveIntegerField(_("course version"), null=True, blank=True)
    attempt_public_id = models.UUIDField(_("qualifying attempt"), null=True, blank=True)
    score = models.PositiveIntegerField(_("score"), null=True, blank=True)
    max_score = models.PositiveIntegerField(_("out of"), null=True, blank=True)
    percent = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"))
    # The last day (a Beijing calendar date) the completion is valid; empty: it never expires.
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        ordering = ["-completed_at", "-id"]
        permissions = [
            ("view_completions", _("Can see course completions")),
            ("revoke_certificate", _("Can revoke a training certificate")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key", "attempt_public_id"],
                name="training_one_completion_per_attempt",
            ),
            models.UniqueConstraint(
                fields=["user", "course_key"],
                condition=models.Q(attempt_public_id__isnull=True),
                name="training_one_completion_without_quiz",
            ),
        ]

    def __str__(self):
        return f"{self.course_title} / {self.user_id}"

    def is_valid_on(self, day):
        return self.valid_until is None or day <= self.valid_until
