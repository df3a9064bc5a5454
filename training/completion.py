"""Completing a course: recorded once every rule holds (each required lesson done, the final quiz passed,
one of the course's events attended where it names some), with a snapshot that never changes after.

`record_completion(user, course)` is idempotent and safe to run at any time: when a quiz attempt is
submitted or claimed (training/receivers.py, on quizzes.signals.attempt_submitted), when a lesson is
marked done, when the course page is opened. A completion in force is returned as it is; after it
expires (its `valid_until`, a Beijing calendar date), only a pass submitted after the expiry makes a new
one. Two racing calls record one: the unique constraint on (user, course key, qualifying attempt).

For lists and the organisations room, the same rules as database expressions over a queryset of users:
`valid_completion_exists`, `completion_exists` and `course_status` (not started, in progress,
completed, expired).
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Case, Exists, OuterRef, Q, Subquery, TextChoices, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.attendance import attended_event_keys
from home.times import BEIJING, in_beijing
from quizzes.results import best_result

from .certificates import issue_certificate
from .models.records import Completion, Enrolment, LessonProgress


def beijing_today(now=None):
    return in_beijing(now or timezone.now()).date()


def add_months(day, months):
    """The same day `months` later (the month's last day when it is shorter: 31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def valid_until_for(completed_at, months):
    """The last day (Beijing) a completion made at `completed_at` is valid: `months` later, less a day
    (completed 15 March, 12 months: valid until 14 March the next year). None: it never expires."""
    if not months:
        return None
    return add_months(in_beijing(completed_at).date(), months) - datetime.timedelta(days=1)


def expired_at(valid_until):
    """The moment a completion valid until that day expires: the next midnight in Beijing."""
    next_day = valid_until + datetime.timedelta(days=1)
    return datetime.datetime.combine(next_day, datetime.time.min, tzinfo=BEIJING)


class _QuizKey:
    """What quizzes.results.best_result reads of a quiz: its translation key."""

    def __init__(self, translation_key):
        self.translation_key = translation_key


def latest_completion(user, course_key):
    return (
        Completion.objects.filter(user=user, course_key=course_key).order_by("-completed_at", "-pk").first()
    )


@dataclass(frozen=True)
class LearnerState:
    """Where a learner stands on a course: their enrolment (None: not enrolled), {lesson key: when
    done} for the lessons they did, and their latest completion (in force or expired), or None."""

    enrolment: Enrolment | None = None
    done: dict = field(default_factory=dict)
    completion: Completion | None = None

    def completion_valid(self, now=None):
        return self.completion is not None and self.completion.is_valid_on(beijing_today(now))


def learner_state(user, course, now=None):
    """The learner's state on `course` (any language copy), a completion recorded first when every
    rule now holds: two queries for a learner in progress, whatever the number of lessons."""
    if user is None or not user.is_authenticated:
        return LearnerState()
    course_key = course.translation_key
    latest_id = (
        Completion.objects.filter(user=OuterRef("user"), course_key=OuterRef("course_key"))
        .order_by("-completed_at", "-pk")
        .values("pk")[:1]
    )
    enrolment = (
        Enrolment.objects.filter(user=user, course_key=course_key)
        .annotate(latest_completion_id=Subquery(latest_id))
        .first()
    )
    if enrolment is None:
        return LearnerState()
    done = dict(
        LessonProgress.objects.filter(user=user, course_key=course_key).values_list("lesson_key", "done_at")
    )
    latest = None
    if enrolment.latest_completion_id is not None:
        latest = Completion.objects.get(pk=enrolment.latest_completion_id)
        if latest.is_valid_on(beijing_today(now)):
            return LearnerState(enrolment, done, latest)
    return LearnerState(enrolment, done, _complete(user, course, done, latest, now) or latest)


def record_completion(user, course, now=None):
    """The learner's completion of `course` (any language copy) in force: the one recorded before, one
    recorded now that every rule holds, or None. Only enrolled learners complete a course."""
    state = learner_state(user, course, now)
    return state.completion if state.completion_valid(now) else None


def _complete(user, course, done, latest, now=None):
    """A new completion if every rule holds now (`done`: the learner's lessons done; `latest`: their
    expired completion, if any), else None."""
    outline = course.outline()
    if set(outline.required_keys) - set(done):
        return None
    if outline.event_keys and not outline.event_keys & attended_event_keys(user):
        return None
    attempt = None
    if outline.final_quiz_key is not None:
        after = expired_at(latest.valid_until) if latest is not None else None
        attempt = best_result(user, _QuizKey(outline.final_quiz_key), passed_only=True, submitted_after=after)
        if attempt is None:
            return None
    elif latest is not None:
        return None  # a course without a final quiz completes once (and never expires: CoursePage.clean)
    moments = [done[key] for key in outline.required_keys]
    if attempt is not None:
        moments.append(attempt.submitted_at)
    completed_at = max(moments) if moments else (now or timezone.now())
    snapshot = {
        "course_page": course,
        "course_title": course.title,
        "language": course.locale.language_code,
        "course_revision_id": course.live_revision_id,
        "attempt_public_id": attempt.public_id if attempt else None,
        "score": attempt.score if attempt else None,
        "max_score": attempt.max_score if attempt else None,
        "percent": attempt.percent if attempt else None,
        "completed_at": completed_at,
        "valid_until": valid_until_for(completed_at, course.validity_months),
    }
    try:
        with transaction.atomic():
            completion = Completion.objects.create(user=user, course_key=course.translation_key, **snapshot)
            issue_certificate(completion)  # in the same transaction; rendered once it commits
            return completion
    except IntegrityError:  # another request recorded it first
        return Completion.objects.get(
            user=user, course_key=course.translation_key, attempt_public_id=snapshot["attempt_public_id"]
        )


# Database-side expressions (item 8): usable on any queryset of users (`user_ref` names the user's id
# in the outer query: "pk" for a queryset of users, "user" for memberships and the like).


class CourseStatus(TextChoices):
    NOT_STARTED = "not-started", _("Not started")
    IN_PROGRESS = "in-progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    EXPIRED = "expired", _("Expired")


def currently_valid(today=None):
    """A filter on completions: valid today (Beijing), or never expiring."""
    today = today or beijing_today()
    return Q(valid_until__isnull=True) | Q(valid_until__gte=today)


def completion_exists(course_key, user_ref="pk"):
    return Exists(Completion.objects.filter(user=OuterRef(user_ref), course_key=course_key))


def valid_completion_exists(course_key, user_ref="pk", today=None):
    return Exists(
        Completion.objects.filter(currently_valid(today), user=OuterRef(user_ref), course_key=course_key)
    )


def started_exists(course_key, user_ref="pk", enrolled_by_others=()):
    """Enrolled, or a lesson done. An enrolment made by one of the `enrolled_by_others` sources (an
    organisation enrolling its members) is not a start by itself: only a lesson done is."""
    enrolments = Enrolment.objects.filter(user=OuterRef(user_ref), course_key=course_key)
    if enrolled_by_others:
        enrolments = enrolments.exclude(source__in=list(enrolled_by_others))
    return Exists(enrolments) | Exists(
        LessonProgress.objects.filter(user=OuterRef(user_ref), course_key=course_key)
    )


def course_status(course_key, user_ref="pk", today=None):
    """A `Case` giving each user's CourseStatus for the course: completed (a completion valid today),
    expired (completions, none valid), in progress (enrolled or a lesson done), else not started."""
    return Case(
        When(valid_completion_exists(course_key, user_ref, today), then=Value(CourseStatus.COMPLETED)),
        When(completion_exists(course_key, user_ref), then=Value(CourseStatus.EXPIRED)),
        When(started_exists(course_key, user_ref), then=Value(CourseStatus.IN_PROGRESS)),
        default=Value(CourseStatus.NOT_STARTED),
    )
