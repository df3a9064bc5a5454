"""Attempt limits and scoring once under concurrency (PostgreSQL: real concurrent connections)."""

import pytest

from quizzes import attempts
from quizzes.models import Answer, Attempt
from quizzes.visitors import Owner
from tests.accounts.factories import UserFactory
from tests.concurrency import CONCURRENT, at_once

from . import factories

pytestmark = [*CONCURRENT, pytest.mark.engine]


@pytest.fixture
def quiz(home_zh):
    index = factories.QuizIndexPageFactory(parent=home_zh)
    questions = [factories.QuestionFactory() for _ in range(4)]
    return factories.QuizPageFactory(parent=index, questions=questions, attempts_allowed=3)


def test_twenty_submissions_of_one_attempt_at_once_score_it_once(quiz):
    attempt, _ = attempts.start_attempt(quiz, Owner(guest_token="tabs"))
    answers = factories.right_answers(attempt)

    results = at_once(lambda: attempts.submit_attempt(attempt, answers), 20)

    assert sum(scored_now for _, scored_now in results) == 1
    assert {submitted.result_code for submitted, _ in results} == {
        Attempt.objects.get(pk=attempt.pk).result_code
    }
    assert Answer.objects.filter(attempt=attempt).count() == 4
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score) == (Attempt.Status.SUBMITTED, 4)


def test_starts_at_once_with_one_attempt_left_make_one_attempt(quiz):
    user = UserFactory()
    factories.AttemptFactory(quiz=quiz, user=user, answers="wrong")
    factories.AttemptFactory(quiz=quiz, user=user, answers="wrong")

    def start():
        try:
            return attempts.start_attempt(quiz, Owner(user=user))[0].pk
        except attempts.AttemptLimitReachedError:
            return None

    started = at_once(start, 12)

    assert Attempt.objects.filter(user=user).count() == 3
    assert len({pk for pk in started if pk is not None}) == 1
    assert Attempt.objects.filter(user=user, status=Attempt.Status.IN_PROGRESS).count() == 1


def test_tabs_starting_and_submitting_at_once_never_exceed_the_limit(quiz):
    owner = Owner(guest_token="many-tabs")

    def take_twice():
        taken = 0
        for _ in range(2):
            try:
                attempt, _ = attempts.start_attempt(quiz, owner)
                attempts.submit_attempt(attempt, factories.wrong_answers(attempt))
                taken += 1
            except attempts.AttemptLimitReachedError:
                pass
        return taken

    at_once(take_twice, 10)

    made = Attempt.objects.filter(guest_token="many-tabs")
    assert made.count() == 3
    assert sorted(made.values_list("number", flat=True)) == [1, 2, 3]
    assert made.filter(status=Attempt.Status.SUBMITTED).count() == 3
    assert Answer.objects.filter(attempt__in=made).count() == 12
