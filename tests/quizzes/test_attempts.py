"""Attempt rules (quizzes/attempts.py): draws, snapshots, limits, resuming, deadlines, claiming."""

import datetime
import random

import pytest
from django.db.models import ProtectedError
from django.utils import timezone

from quizzes import attempts
from quizzes.models import Answer, Attempt, Question, QuestionKind
from quizzes.results import best_result
from quizzes.visitors import Owner
from tests.accounts.factories import UserFactory

from . import factories

pytestmark = pytest.mark.django_db

GUEST = Owner(guest_token="guest-a")


@pytest.fixture
def index(home_zh):
    return factories.QuizIndexPageFactory(parent=home_zh)


@pytest.fixture
def fixed_quiz(index):
    questions = [factories.QuestionFactory() for _ in range(3)] + [
        factories.QuestionFactory(kind=QuestionKind.MULTIPLE)
    ]
    return factories.QuizPageFactory(parent=index, questions=questions)


def test_random_draw_respects_topics_and_count_and_is_stored(index):
    fraud, health = factories.TopicFactory(slug="fraud-test"), factories.TopicFactory(slug="health-test")
    in_topic = {factories.QuestionFactory(topic=fraud).pk for _ in range(6)}
    for _ in range(5):
        factories.QuestionFactory(topic=health)
    quiz = factories.QuizPageFactory(parent=index, topics=[fraud], selection="random", draw_count=4)

    first = factories.AttemptFactory(quiz=quiz, guest_token="one", submit=False)
    second = factories.AttemptFactory(quiz=quiz, guest_token="two", submit=False)

    for attempt in (first, second):
        drawn = [question["question_id"] for question in attempt.snapshot]
        assert len(drawn) == 4 and len(set(drawn)) == 4
        assert set(drawn) <= in_topic
        stored = Attempt.objects.get(pk=attempt.pk)
        assert [question["question_id"] for question in stored.snapshot] == drawn


def test_random_draw_takes_all_when_the_pool_is_smaller(index):
    fraud = factories.TopicFactory(slug="fraud-small")
    for _ in range(2):
        factories.QuestionFactory(topic=fraud)
    quiz = factories.QuizPageFactory(parent=index, topics=[fraud], selection="random", draw_count=10)
    assert len(factories.AttemptFactory(quiz=quiz, submit=False).snapshot) == 2


def test_retired_questions_are_not_drawn(index):
    fraud = factories.TopicFactory(slug="fraud-retired")
    kept = factories.QuestionFactory(topic=fraud)
    retired = factories.QuestionFactory(topic=fraud, is_retired=True)
    random_quiz = factories.QuizPageFactory(parent=index, topics=[fraud], selection="random", draw_count=5)
    fixed_quiz = factories.QuizPageFactory(parent=index, questions=[kept, retired])
    for quiz in (random_quiz, fixed_quiz):
        drawn = [
            question["question_id"] for question in factories.AttemptFactory(quiz=quiz, submit=False).snapshot
        ]
        assert drawn == [kept.pk]


def test_an_answered_question_cannot_be_deleted_only_retired(fixed_quiz):
    factories.AttemptFactory(quiz=fixed_quiz, answers="right")
    question = Question.objects.get(pk=fixed_quiz.fixed_questions.first().question_id)
    assert Question.answered_keys([question]) == {question.translation_key}
    with pytest.raises(ProtectedError):
        Answer.objects.filter(question=question).first().question.delete()
    question.is_retired = True
    question.save()
    assert Question.objects.filter(pk=question.pk, is_retired=True).exists()


def test_a_question_deleted_after_the_attempt_began_is_stored_without_its_link(index):
    topic = factories.TopicFactory(slug="deleted-since")
    for kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SINGLE, QuestionKind.SINGLE):
        factories.QuestionFactory(topic=topic, kind=kind)
    quiz = factories.QuizPageFactory(parent=index, topics=[topic], selection="random", draw_count=4)
    attempt = factories.AttemptFactory(quiz=quiz, guest_token="deleted-since", submit=False)
    gone = attempt.snapshot[1]
    Question.objects.filter(pk=gone["question_id"]).delete()  # drawn, but nobody had answered it yet

    submitted, _ = attempts.submit_attempt(attempt, factories.right_answers(attempt))

    rows = list(Answer.objects.filter(attempt=submitted).order_by("position"))
    assert [row.position for row in rows] == [1, 2, 3, 4]
    assert [row.question_id for row in rows] == [
        None if question is gone else question["question_id"] for question in attempt.snapshot
    ]
    assert [str(row.question_key) for row in rows] == [question["key"] for question in attempt.snapshot]
    assert all(row.is_correct for row in rows) and submitted.score == 4
    assert rows[0].chosen == factories.right_choice_ids(attempt)[attempt.snapshot[0]["key"]]
    assert rows[0].response_key == ",".join(
        sorted(choice["key"] for choice in attempt.snapshot[0]["choices"] if choice["correct"])
    )


def test_shuffles_are_stored_in_the_snapshot(index):
    questions = [factories.QuestionFactory() for _ in range(6)]
    quiz = factories.QuizPageFactory(
        parent=index, questions=questions, shuffle_questions=True, shuffle_choices=True
    )
    attempt, _ = attempts.start_attempt(quiz, GUEST, rng=random.Random(3))
    shown = [question["question_id"] for question in attempt.snapshot]
    assert sorted(shown) == sorted(q.pk for q in questions)
    assert shown != [q.pk for q in questions]
    stored = Attempt.objects.get(pk=attempt.pk).snapshot
    assert [[c["id"] for c in q["choices"]] for q in stored] == [
        [c["id"] for c in q["choices"]] for q in attempt.snapshot
    ]


def test_editing_a_question_after_attempts_leaves_old_results_unchanged(fixed_quiz):
    done = factories.AttemptFactory(quiz=fixed_quiz, answers="right")
    question = fixed_quiz.fixed_questions.first().question
    right = question.choices.get(is_correct=True)
    wrong = question.choices.filter(is_correct=False).first()
    question.text = "改过的题目"
    question.save()
    right.is_correct, wrong.is_correct = False, True
    right.text = "改过的选项"
    right.save()
    wrong.save()

    done.refresh_from_db()
    assert done.score == 4 and done.passed
    assert done.snapshot[0]["text"] != "改过的题目"
    assert {c["text"] for c in done.snapshot[0]["choices"]}.isdisjoint({"改过的选项"})
    assert Answer.objects.get(attempt=done, position=1).is_correct
    later = factories.AttemptFactory(quiz=fixed_quiz, answers="right")
    assert later.snapshot[0]["text"] == "改过的题目"


def test_correct_answers_come_from_the_default_language_copy(en, fixed_quiz):
    question = fixed_quiz.fixed_questions.first().question
    # An out-of-date English copy claiming another choice is right does not change the answer.
    factories.translate_question(question, flags=[False, True, False])
    english = factories.translate(fixed_quiz)
    attempt = factories.AttemptFactory(quiz=english, submit=False)
    assert attempt.language == "en"
    assert attempt.snapshot[0]["text"].startswith("EN:")
    flags = [choice["correct"] for choice in attempt.snapshot[0]["choices"]]
    assert flags == [True, False, False]
    assert attempt.quiz_key == fixed_quiz.translation_key


def test_start_resumes_the_open_attempt(fixed_quiz):
    first, started = attempts.start_attempt(fixed_quiz, GUEST)
    again, started_again = attempts.start_attempt(fixed_quiz, GUEST)
    assert started and not started_again and again.pk == first.pk
    assert Attempt.objects.count() == 1


def test_saved_answers_survive_and_are_merged(fixed_quiz):
    attempt, _ = attempts.start_attempt(fixed_quiz, GUEST)
    one, two = attempt.snapshot[0], attempt.snapshot[1]
    attempts.save_answers(attempt, {one["key"]: [one["choices"][1]["token"]]})
    attempts.save_answers(attempt, {two["key"]: [two["choices"][0]["token"]]})
    resumed, _ = attempts.start_attempt(fixed_quiz, GUEST)
    # The draft keeps the choices' ids; the tokens are only the answer sheet's words for them.
    assert resumed.draft == {one["key"]: [one["choices"][1]["id"]], two["key"]: [two["choices"][0]["id"]]}


def test_tampered_choice_ids_change_nothing(fixed_quiz):
    attempt, _ = attempts.start_attempt(fixed_quiz, GUEST)
    one, two = attempt.snapshot[0], attempt.snapshot[1]
    for answers in (
        {one["key"]: [two["choices"][0]["token"]]},
        {one["key"]: ["abc"]},
        {one["key"]: [c["token"] for c in one["choices"]]},
        {one["key"]: [one["choices"][0]["id"]]},
        {one["key"]: [str(one["choices"][0]["id"])]},
        {"not-a-question": [1]},
    ):
        with pytest.raises(attempts.scoring.InvalidAnswerError):
            attempts.save_answers(attempt, answers)
        with pytest.raises(attempts.scoring.InvalidAnswerError):
            attempts.submit_attempt(attempt, answers)
    attempt.refresh_from_db()
    assert attempt.draft == {} and attempt.status == Attempt.Status.IN_PROGRESS
    assert not Answer.objects.exists()


def test_submitting_twice_scores_once(fixed_quiz):
    attempt, _ = attempts.start_attempt(fixed_quiz, GUEST)
    first, scored = attempts.submit_attempt(attempt, factories.right_answers(attempt))
    second, scored_again = attempts.submit_attempt(attempt, factories.wrong_answers(attempt))
    assert scored and not scored_again
    assert second.score == first.score == 4 and second.result_code == first.result_code
    assert Answer.objects.filter(attempt=attempt).count() == 4
    with pytest.raises(attempts.AttemptClosedError):
        attempts.save_answers(attempt, {})


def test_unanswered_questions_score_as_wrong(fixed_quiz):
    attempt, _ = attempts.start_attempt(fixed_quiz, GUEST)
    key = attempt.snapshot[0]["key"]
    done, _ = attempts.submit_attempt(attempt, {key: factories.right_answers(attempt)[key]})
    assert (done.score, done.max_score, done.percent, done.passed) == (1, 4, 25, False)
    assert Answer.objects.filter(attempt=done, chosen=[]).count() == 3


def test_deadline_is_enforced_from_the_stored_deadline(fixed_quiz, settings):
    settings.QUIZ_DEADLINE_GRACE_SECONDS = 30
    fixed_quiz.time_limit_minutes = 5
    fixed_quiz.save_revision().publish()
    attempt, _ = attempts.start_attempt(fixed_quiz, GUEST)
    assert attempt.deadline == attempt.started_at + datetime.timedelta(minutes=5)
    within_grace = attempt.deadline + datetime.timedelta(seconds=20)
    assert attempts.save_answers(attempt, {}, now=within_grace).is_open
    late = attempt.deadline + datetime.timedelta(seconds=31)
    with pytest.raises(attempts.DeadlinePassedError):
        attempts.submit_attempt(attempt, factories.right_answers(attempt), now=late)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED and attempt.score is None and attempt.passed is False
    assert not Answer.objects.filter(attempt=attempt).exists()
    assert attempts.attempts_used(fixed_quiz.translation_key, GUEST) == 1


def test_an_overdue_open_attempt_is_closed_when_starting_again(fixed_quiz):
    fixed_quiz.time_limit_minutes = 1
    fixed_quiz.save_revision().publish()
    old, _ = attempts.start_attempt(fixed_quiz, GUEST, now=timezone.now() - datetime.timedelta(hours=1))
    new, started = attempts.start_attempt(fixed_quiz, GUEST)
    assert started and new.pk != old.pk and new.number == 2
    old.refresh_from_db()
    assert old.status == Attempt.Status.EXPIRED


def test_attempt_limit_counts_every_attempt(fixed_quiz):
    fixed_quiz.attempts_allowed = 2
    fixed_quiz.save_revision().publish()
    factories.AttemptFactory(quiz=fixed_quiz, guest_token="limited", answers="wrong")
    factories.AttemptFactory(quiz=fixed_quiz, guest_token="limited", answers="wrong")
    owner = Owner(guest_token="limited")
    assert attempts.attempts_left(fixed_quiz, owner) == 0
    with pytest.raises(attempts.AttemptLimitReachedError):
        attempts.start_attempt(fixed_quiz, owner)
    assert Attempt.objects.filter(guest_token="limited").count() == 2
    # Someone else is not limited by it.
    assert attempts.start_attempt(fixed_quiz, Owner(guest_token="other"))[1]


def test_claiming_gives_guest_attempts_numbers_after_the_users_own(fixed_quiz):
    user = UserFactory()
    mine = factories.AttemptFactory(quiz=fixed_quiz, user=user, answers="right")
    guest_done = factories.AttemptFactory(quiz=fixed_quiz, guest_token="browser", answers="wrong")
    guest_open = factories.AttemptFactory(quiz=fixed_quiz, guest_token="browser", submit=False)
    mine_open = factories.AttemptFactory(quiz=fixed_quiz, user=user, submit=False)

    assert attempts.claim_guest_attempts(user, "browser") == 2
    numbers = dict(Attempt.objects.filter(user=user).values_list("pk", "number"))
    assert numbers[mine.pk] == 1 and numbers[mine_open.pk] == 2
    assert {numbers[guest_done.pk], numbers[guest_open.pk]} == {3, 4}
    mine_open.refresh_from_db()
    assert mine_open.status == Attempt.Status.EXPIRED
    assert attempts.open_attempt(fixed_quiz.translation_key, Owner(user=user)).pk == guest_open.pk
    assert attempts.claim_guest_attempts(user, "browser") == 0


def test_best_result_is_the_highest_submitted(fixed_quiz):
    user = UserFactory()
    assert best_result(user, fixed_quiz) is None
    factories.AttemptFactory(quiz=fixed_quiz, user=user, answers="wrong")
    best = factories.AttemptFactory(quiz=fixed_quiz, user=user, answers="right")
    factories.AttemptFactory(quiz=fixed_quiz, user=user, submit=False)
    assert best_result(user, fixed_quiz).pk == best.pk
    assert best_result(UserFactory(), fixed_quiz) is None


def test_a_quiz_without_questions_cannot_be_started(index):
    quiz = factories.QuizPageFactory(parent=index)
    with pytest.raises(attempts.QuizUnavailableError):
        attempts.start_attempt(quiz, GUEST)
    assert not Attempt.objects.exists()
