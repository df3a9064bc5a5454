"""What other rooms may ask about quiz results (DESIGN.md: training asks quizzes, not the reverse).

An attempt's `passed` is its own, under the pass mark it was taken with; every language copy of a quiz
counts together (attempts are keyed on the quiz's translation key)."""

from django.db.models import Exists, OuterRef

from .models import Attempt


def _submitted(user):
    return Attempt.objects.filter(user=user, status=Attempt.Status.SUBMITTED)


def best_result(user, quiz, *, passed_only=False, submitted_after=None):
    """The user's best submitted attempt at `quiz` (any language copy) by percent, the earliest of
    equals, or None (always None for guests). `passed_only`: passed attempts only; `submitted_after`
    (a datetime): attempts submitted after that moment only (a pass after a certificate expired)."""
    if user is None or not user.is_authenticated:
        return None
    attempts = _submitted(user).filter(quiz_key=quiz.translation_key)
    if passed_only:
        attempts = attempts.filter(passed=True)
    if submitted_after is not None:
        attempts = attempts.filter(submitted_at__gt=submitted_after)
    return attempts.order_by("-percent", "submitted_at").first()


def best_results(user, quizzes):
    """{quiz translation key: best submitted Attempt} for many quizzes in one query, for lists; a quiz
    without a submitted attempt is left out."""
    if user is None or not user.is_authenticated:
        return {}
    keys = {quiz.translation_key for quiz in quizzes}
    if not keys:
        return {}
    best = {}
    attempts = _submitted(user).filter(quiz_key__in=keys).order_by("quiz_key", "-percent", "submitted_at")
    for attempt in attempts:
        best.setdefault(attempt.quiz_key, attempt)
    return best


def passed_attempt_exists(quiz_key, user_ref="pk", submitted_after=None):
    """An `Exists` expression: the user (the outer queryset's `user_ref`) has a passed attempt at the
    quiz with this translation key (an OuterRef or a value), for annotating a queryset of users."""
    attempts = Attempt.objects.filter(
        user=OuterRef(user_ref), quiz_key=quiz_key, status=Attempt.Status.SUBMITTED, passed=True
    )
    if submitted_after is not None:
        attempts = attempts.filter(submitted_at__gt=submitted_after)
    return Exists(attempts)


def attempt_exists(quiz_key, user_ref="pk"):
    """An `Exists` expression: the user (the outer queryset's `user_ref`) has started or submitted an
    attempt at the quiz with this translation key (a quiz counts as begun)."""
    return Exists(Attempt.objects.filter(user=OuterRef(user_ref), quiz_key=quiz_key))
