"""Deleting an account keeps the quiz statistics but nothing that leads back to the person."""

import pytest

from quizzes.models import Attempt

from . import factories


@pytest.fixture
def quiz(home_zh):
    index = factories.QuizIndexPageFactory(parent=home_zh)
    return factories.QuizPageFactory(parent=index, questions=[factories.QuestionFactory() for _ in range(2)])


def test_a_person_who_took_quizzes_can_be_deleted_and_their_attempts_stay_anonymous(quiz, make_user):
    person = make_user()
    finished = factories.AttemptFactory(quiz=quiz, user=person, guest_token="", answers="right")
    open_attempt = factories.AttemptFactory(quiz=quiz, user=person, guest_token="", submit=False)

    person.delete()

    kept = Attempt.objects.filter(pk__in=[finished.pk, open_attempt.pk]).order_by("pk")
    assert [attempt.status for attempt in kept] == [finished.status, open_attempt.status]
    assert all(attempt.user_id is None for attempt in kept)
    tokens = [attempt.guest_token for attempt in kept]
    assert all(len(token) >= 20 for token in tokens) and len(set(tokens)) == 1
    # The anonymous token is new: no browser holds it, so nobody can claim or resume these attempts.
    assert tokens[0] not in {"", "guest-token"}
