"""Starting, saving, submitting and claiming attempts: the rules, apart from the views.

Who owns an attempt: a signed-in user or a guest (quizzes/visitors.py). The attempt limit and "one
unfinished attempt per person and quiz" are unique constraints (quizzes/models/attempts.py), so two tabs
starting at once cannot get past them; submitting locks the attempt row, so it is scored once.
"""

import copy
import random
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, Max, TextChoices, When, Window
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.codes import new_code

from . import scoring
from .models.attempts import Answer, Attempt
from .models.bank import Choice, Question
from .signals import attempt_submitted


class QuizError(Exception):
    """Something the person is told, in their language; nothing was changed."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class AttemptLimitReachedError(QuizError):
    pass


class QuizUnavailableError(QuizError):
    pass


class DeadlinePassedError(QuizError):
    pass


class AttemptClosedError(QuizError):
    pass


def grace():
    return timedelta(seconds=settings.QUIZ_DEADLINE_GRACE_SECONDS)


def is_overdue(attempt, now=None):
    now = now or timezone.now()
    return attempt.deadline is not None and now > attempt.deadline + grace()


def seconds_left(attempt, now=None):
    """Seconds until the deadline (never negative), or None without a time limit."""
    if attempt.deadline is None:
        return None
    return max(0, int((attempt.deadline - (now or timezone.now())).total_seconds()))


def expire(attempt):
    """Close an overdue attempt as expired (counts as an attempt, scores nothing). Idempotent."""
    Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.IN_PROGRESS).update(
        status=Attempt.Status.EXPIRED, passed=False
    )
    attempt.refresh_from_db()


def open_attempt(quiz_key, owner, now=None):
    """The owner's unfinished attempt at the quiz, if its time has not run out (overdue ones are closed)."""
    attempt = Attempt.objects.filter(
        owner.filter, quiz_key=quiz_key, status=Attempt.Status.IN_PROGRESS
    ).first()
    if attempt is not None and is_overdue(attempt, now):
        expire(attempt)
        return None
    return attempt


def attempts_used(quiz_key, owner):
    return Attempt.objects.filter(owner.filter, quiz_key=quiz_key).aggregate(used=Max("number"))["used"] or 0


@dataclass(frozen=True)
class Standing:
    """Where a visitor stands with a quiz: their open attempt, their last finished one, how many used."""

    open_attempt: Attempt | None = None
    last_finished: Attempt | None = None
    used: int = 0


def standing(page, owner, now=None):
    """The visitor's standing in one query, whatever the number of their past attempts: the open
    attempt first (there is at most one), then the newest finished; `used` is the highest attempt
    number, as `attempts_used` counts. An overdue open attempt is closed (`expire`)."""
    if owner is None:
        return Standing()
    rows = list(
        Attempt.objects.filter(owner.filter, quiz_key=page.translation_key)
        .annotate(
            used=Window(Max("number")),
            finished=Case(When(status=Attempt.Status.IN_PROGRESS, then=0), default=1),
        )
        .only("public_id", "language", "status", "number", "deadline", "quiz_page_id")
        .order_by("finished", "-number")[:2]
    )
    if not rows:
        return Standing()
    current = rows[0] if rows[0].is_open else None
    if current is not None and is_overdue(current, now):
        expire(current)  # now the newest finished one
        current = None
    finished = next((attempt for attempt in rows if attempt.is_finished), None)
    return Standing(current, finished, rows[0].used)


def left_after(quiz, used):
    """How many more attempts someone who has used `used` may start; None when unlimited."""
    return max(0, quiz.attempts_allowed - used) if quiz.attempts_allowed else None


def attempts_left(quiz, owner):
    """How many more attempts the owner may start; None when unlimited."""
    if not quiz.attempts_allowed:
        return None
    return left_after(quiz, attempts_used(quiz.translation_key, owner) if owner else 0)


def _questions_in(locale, questions):
    """Each question in `locale` where translated, else as it is; keeps order."""
    keys = [question.translation_key for question in questions]
    translated = {
        question.translation_key: question
        for question in Question.objects.filter(translation_key__in=keys, locale=locale).prefetch_related(
            "choices"
        )
    }
    return [translated.get(question.translation_key, question) for question in questions]


def draw_questions(quiz, rng=random):
    """The questions an attempt at `quiz` shows, in the quiz page's language, retired ones left out."""
    if quiz.selection == quiz.Selection.RANDOM:
        topic_keys = list(quiz.draw_topics.values_list("topic__translation_key", flat=True))
        pool = list(
            Question.objects.filter(
                locale_id=quiz.locale_id, topic__translation_key__in=topic_keys, is_retired=False
            ).values_list("id", flat=True)
        )
        chosen = rng.sample(pool, min(quiz.draw_count, len(pool)))
        by_id = Question.objects.prefetch_related("choices").in_bulk(chosen)
        questions = [by_id[question_id] for question_id in chosen]
    else:
        fixed = [
            item.question
            for item in quiz.fixed_questions.select_related("question").order_by("sort_order")
            if not item.question.is_retired
        ]
        questions = _questions_in(quiz.locale_id, fixed)
        if quiz.shuffle_questions:
            rng.shuffle(questions)
    return questions


def _correct_flags(questions):
    """{choice translation key: correct} from the default language's copies: the one place a question's
    answer is kept. Questions without a copy there keep their own flags."""
    default_locale = Locale.get_default()
    return dict(
        Choice.objects.filter(
            question__translation_key__in=[question.translation_key for question in questions],
            question__locale=default_locale,
        ).values_list("translation_key", "is_correct")
    )


def choice_token():
    """What a choice's input sends in one attempt: random, of one length, new in every attempt, so
    neither its order, its size nor its recurrence says which choice it is (the choice's id would)."""
    return secrets.token_urlsafe(12)


def with_fresh_tokens(choices):
    """The choices (snapshot dicts) with tokens of their own, for a new attempt."""
    return [{**choice, "token": choice_token()} for choice in choices]


def build_snapshot(quiz, questions, rng=random):
    """What the attempt shows and is scored against, fixed at the start. With `shuffle_choices`, every
    question's choices are shuffled, true/false included, so the right one's place tells nothing."""
    flags = _correct_flags(questions)
    snapshot = []
    for question in questions:
        choices = with_fresh_tokens(
            {
                "id": choice.pk,
                "key": str(choice.translation_key),
                "text": choice.text,
                "correct": flags.get(choice.translation_key, choice.is_correct),
                "feedback": choice.feedback,
            }
            for choice in sorted(question.choices.all(), key=lambda choice: choice.sort_order or 0)
        )
        if quiz.shuffle_choices:
            rng.shuffle(choices)
        snapshot.append(
            {
                "key": str(question.translation_key),
                "question_id": question.pk,
                "kind": question.kind,
                "text": question.text,
                "explanation": question.explanation,
                "learn_more_page_id": question.learn_more_page_id,
                "topic_id": question.topic_id,
                "difficulty": question.difficulty,
                "choices": choices,
            }
        )
    return snapshot


def start_attempt(quiz, owner, now=None, rng=random):
    """Resume the owner's unfinished attempt or start a new one. Returns (attempt, started)."""
    now = now or timezone.now()
    quiz_key = quiz.translation_key
    existing = open_attempt(quiz_key, owner, now)
    if existing is not None:
        return existing, False
    snapshot = build_snapshot(quiz, draw_questions(quiz, rng), rng)
    if not snapshot:
        raise QuizUnavailableError(_("This quiz has no questions yet. Please try again later."))
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    # Each failed insert means another tab won a number: count again (a few tabs, a few rounds).
    for _try in range(10):
        number = attempts_used(quiz_key, owner) + 1
        if quiz.attempts_allowed and number > quiz.attempts_allowed:
            raise AttemptLimitReachedError(_("You have used all your attempts at this quiz."))
        try:
            with transaction.atomic():
                attempt = Attempt.objects.create(
                    quiz_key=quiz_key,
                    quiz_page=quiz,
                    quiz_title=quiz.title,
                    language=quiz.locale.language_code,
                    user=owner.user,
                    guest_token="" if owner.user is not None else owner.guest_token,
                    number=number,
                    started_at=now,
                    deadline=deadline,
                    snapshot=snapshot,
                    pass_mark=quiz.pass_mark,
                    review=quiz.review_policy,
                    max_score=len(snapshot),
                )
            return attempt, True
        except IntegrityError:
            # Another tab started one at the same moment: resume it, or count again.
            existing = open_attempt(quiz_key, owner, now)
            if existing is not None:
                return existing, False
    raise QuizUnavailableError(_("Several attempts were starting at once. Please try again."))


def clean_answers(attempt, answers):
    """{question key: [choice tokens]}, as the answer sheet sends them, checked against the attempt's own
    questions: {question key: [choice ids]}, else InvalidAnswerError."""
    questions = {question["key"]: question for question in attempt.snapshot}
    cleaned = {}
    for key, chosen in answers.items():
        if key not in questions:
            raise scoring.InvalidAnswerError(_("That answer is not one of this question's choices."))
        cleaned[key] = scoring.clean_choices(questions[key], chosen)
    return cleaned


class RowState(TextChoices):
    """What a locked attempt row allows: answers (open), nothing (closed), or nothing since its time
    ran out just now (expired)."""

    OPEN = "open"
    CLOSED = "closed"
    EXPIRED = "expired"


def _read_locked(attempt):
    """`attempt` as its row is now, the row locked: a copy with what another request may have changed
    (its status, deadline and draft) read again, the snapshot being fixed at the start (so the caller's
    is reused rather than read and decoded twice); once finished, the row as stored."""
    status, deadline, draft = (
        Attempt.objects.select_for_update()
        .filter(pk=attempt.pk)
        .values_list("status", "deadline", "draft")
        .get()
    )
    if status != Attempt.Status.IN_PROGRESS:
        return Attempt.objects.get(pk=attempt.pk)
    current = copy.copy(attempt)
    current.status, current.deadline, current.draft = status, deadline, draft
    return current


def _locked_open(attempt, now, already_locked=False):
    """Inside a transaction: the attempt as its locked row is (`_read_locked`), checked to be open and
    in time. `already_locked`: the caller read `attempt` with `select_for_update` in this transaction
    (the answer sheet's POST: visitors.attempt_for), so it is taken as it is."""
    if not already_locked:
        attempt = _read_locked(attempt)
    if attempt.status != Attempt.Status.IN_PROGRESS:
        return attempt, RowState.CLOSED
    if is_overdue(attempt, now):
        attempt.status = Attempt.Status.EXPIRED
        attempt.passed = False
        attempt.save(update_fields=["status", "passed"])
        return attempt, RowState.EXPIRED
    return attempt, RowState.OPEN


def _deadline_passed():
    return DeadlinePassedError(
        _("Time ran out for this attempt, so answers sent after the deadline could not be counted.")
    )


def save_answers(attempt, answers, now=None, already_locked=False):
    """Keep answers as the person goes (merged into the draft). Raises when the attempt is closed.
    `already_locked`: as `submit_attempt` takes it."""
    now = now or timezone.now()
    cleaned = clean_answers(attempt, answers)
    # Locked by the caller: its transaction is the one to keep or undo, without a savepoint of ours.
    with transaction.atomic(savepoint=not already_locked):
        locked, state = _locked_open(attempt, now, already_locked)
        if state == RowState.OPEN:
            locked.draft = {**locked.draft, **cleaned}
            locked.save(update_fields=["draft"])
    if state == RowState.EXPIRED:
        raise _deadline_passed()
    if state == RowState.CLOSED:
        raise AttemptClosedError(_("This attempt has already been submitted."))
    return locked


SCORED_FIELDS = ["draft", "status", "submitted_at", "score", "max_score", "percent", "passed", "result_code"]


def _scored_values(attempt):
    return {name: getattr(attempt, name) for name in SCORED_FIELDS}


def _with_result_code(attempt):
    """Store the scored attempt with a result code of its own (another try on the rare clash)."""
    for _try in range(5):
        attempt.result_code = new_code()
        try:
            with transaction.atomic():  # an UPDATE, not save(): no model signals for a row nobody watches
                Attempt.objects.filter(pk=attempt.pk).update(**_scored_values(attempt))
            return
        except IntegrityError:
            continue
    raise IntegrityError("no free result code")


def announce_submitted(attempt):
    """Tell other rooms (quizzes.signals) once the attempt's transaction has committed."""
    transaction.on_commit(lambda: attempt_submitted.send(sender=Attempt, attempt=attempt))


def submit_attempt(attempt, answers=None, now=None, already_locked=False):
    """Score the attempt once. Returns (attempt, scored_now); a second submission returns the first
    result with scored_now False. Raises DeadlinePassedError (the attempt is then closed as expired).
    `already_locked`: inside a transaction, the caller read `attempt` with `select_for_update`
    (visitors.attempt_for), so its row is not read a second time; the caller commits what this
    decided (an expired attempt included) before answering."""
    now = now or timezone.now()
    cleaned = clean_answers(attempt, answers or {})
    with transaction.atomic(savepoint=not already_locked):
        locked, state = _locked_open(attempt, now, already_locked)
        if state == RowState.OPEN:
            final = {**locked.draft, **cleaned}
            result = scoring.score(locked.snapshot, final)
            Answer.objects.store_scored([(locked.pk, result.answers)])
            locked.draft = final
            locked.status = Attempt.Status.SUBMITTED
            locked.submitted_at = now
            locked.score = result.score
            locked.max_score = result.max_score
            locked.percent = result.percent
            locked.passed = result.passed(locked.pass_mark)
            _with_result_code(locked)
            announce_submitted(locked)
    if state == RowState.EXPIRED:
        raise _deadline_passed()
    return locked, state == RowState.OPEN


def claim_guest_attempts(user, guest_token):
    """Give a guest's attempts (this browser's token) to the account that just signed in or up. Numbers
    continue after the user's own; of two unfinished attempts at one quiz, this browser's stays open."""
    if not guest_token:
        return 0
    claimed = 0
    for attempt in Attempt.objects.filter(user__isnull=True, guest_token=guest_token).order_by(
        "started_at", "pk"
    ):
        with transaction.atomic():
            mine = Attempt.objects.select_for_update().filter(user=user, quiz_key=attempt.quiz_key)
            if attempt.is_open:
                mine.filter(status=Attempt.Status.IN_PROGRESS).update(
                    status=Attempt.Status.EXPIRED, passed=False
                )
            number = (mine.aggregate(used=Max("number"))["used"] or 0) + 1
            taken = Attempt.objects.filter(pk=attempt.pk, user__isnull=True).update(
                user=user, guest_token="", number=number
            )
            claimed += taken
            if taken and attempt.status == Attempt.Status.SUBMITTED:
                attempt.user, attempt.guest_token, attempt.number = user, "", number
                announce_submitted(attempt)
    return claimed
