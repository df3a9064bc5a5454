""" "Answers when done": a quiz with several attempts shows the answer key only after a pass or the last
attempt, so nobody passes attempt 2 by copying the result of attempt 1."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import Attempt, Choice, QuizPage
from quizzes.visitors import GUEST_SESSION_KEY, Owner

from . import factories

pytestmark = pytest.mark.django_db

GUEST = "guest-when-done"
EXPLANATION = "解析：先向当地警方报案，取得报案证明。"
FEEDBACK = "回国前要先补办旅行证件。"


@pytest.fixture
def index(home_zh):
    return factories.QuizIndexPageFactory(parent=home_zh)


@pytest.fixture
def questions(about_zh):
    built = [
        factories.QuestionFactory(
            text=f"第{number}题：护照丢失后第一步应该做什么？",
            explanation=EXPLANATION,
            learn_more_page=about_zh,
            choices=[("向当地警方报案", True), (f"直接回国{number}", False), ("什么也不做", False)],
        )
        for number in range(1, 4)
    ]
    Choice.objects.filter(text__startswith="直接回国").update(feedback=FEEDBACK)
    return built


@pytest.fixture
def quiz(index, questions):
    return factories.QuizPageFactory(parent=index, questions=questions, attempts_allowed=3, pass_mark=100)


def result_html(client, attempt):
    session = client.session
    session[GUEST_SESSION_KEY] = GUEST
    session.save()
    with translation.override("zh-hans"):
        response = client.get(reverse("quizzes:result", args=[attempt.public_id]))
    assert response.status_code == 200
    return response.content.decode()


def take(quiz, answers):
    started, _ = start_attempt(quiz, Owner(guest_token=GUEST))
    return submit_attempt(started, answers(started))[0]


def first_right(attempt):
    answers = factories.wrong_answers(attempt)
    first = attempt.snapshot[0]
    answers[first["key"]] = [choice["token"] for choice in first["choices"] if choice["correct"]]
    return answers


def assert_no_answer_key(html):
    assert EXPLANATION not in html
    assert FEEDBACK not in html
    assert "向当地警方报案" not in html  # the right choice, never picked in these attempts' wrong answers
    assert "quiz-review__choice--correct" not in html


# The rule on the page


@pytest.mark.parametrize("allowed", [2, 3, 10])
def test_several_attempts_may_not_show_the_answer_key_after_each(index, questions, allowed):
    page = QuizPage(
        title="测验", slug=f"q-{allowed}", attempts_allowed=allowed, review=QuizPage.Review.ANSWERS
    )
    page.clean()
    assert page.review == QuizPage.Review.ANSWERS_WHEN_DONE


@pytest.mark.parametrize(
    ("allowed", "review"),
    [
        (0, QuizPage.Review.ANSWERS),
        (1, QuizPage.Review.ANSWERS),
        (3, QuizPage.Review.WRONG),
        (3, QuizPage.Review.SCORE),
        (0, QuizPage.Review.ANSWERS_WHEN_DONE),
    ],
)
def test_other_policies_are_kept(allowed, review):
    page = QuizPage(title="测验", slug="q", attempts_allowed=allowed, review=review)
    page.clean()
    assert page.review == review


def test_saving_a_revision_switches_the_policy(quiz):
    assert quiz.review == QuizPage.Review.ANSWERS_WHEN_DONE  # the factory asked for "answers"


def test_an_attempt_gets_the_policy_even_from_a_page_saved_without_clean(quiz):
    QuizPage.objects.filter(pk=quiz.pk).update(review=QuizPage.Review.ANSWERS)
    quiz.refresh_from_db()
    attempt, _ = start_attempt(quiz, Owner(guest_token=GUEST))
    assert attempt.review == QuizPage.Review.ANSWERS_WHEN_DONE


def test_the_quiz_page_says_when_the_answers_are_shown(client, quiz):
    html = client.get(quiz.url).content.decode()
    assert "通过测验或用完最后一次作答机会后" in html


# What the result shows


def test_a_failed_attempt_that_is_not_the_last_shows_own_choices_marks_and_links_only(client, quiz, about_zh):
    attempt = take(quiz, first_right)
    assert attempt.review == QuizPage.Review.ANSWERS_WHEN_DONE and not attempt.passed

    html = result_html(client, attempt)

    assert EXPLANATION not in html and FEEDBACK not in html
    assert "quiz-review__choice--correct" not in html and "quiz-review__choices" not in html
    assert "直接回国2" in html and "直接回国3" in html  # the person's own choices
    assert html.count("quiz-review__item--wrong") == 2 and html.count("quiz-review__item--right") == 1
    # a link to read for each wrong answer, none for the right one
    review = html[html.index('id="review-heading"') :]
    assert review.count(f'<a href="{about_zh.url}">阅读：{about_zh.title}</a>') == 2  # named by the article
    assert "通过测验或用完最后一次作答机会后" in html


def test_the_answer_key_is_shown_after_a_pass(client, quiz):
    attempt = take(quiz, factories.right_answers)
    assert attempt.passed
    html = result_html(client, attempt)
    assert EXPLANATION in html and "quiz-review__choice--correct" in html


def test_the_answer_key_is_shown_after_the_last_attempt_and_then_for_earlier_ones(client, quiz):
    first = take(quiz, factories.wrong_answers)
    take(quiz, factories.wrong_answers)
    assert_no_answer_key(result_html(client, first))

    last = take(quiz, factories.wrong_answers)
    assert last.number == 3

    for attempt in (last, first):
        html = result_html(client, attempt)
        assert EXPLANATION in html and FEEDBACK in html and "quiz-review__choice--correct" in html


def test_an_expired_attempt_counts_towards_the_last(client, quiz):
    first = take(quiz, factories.wrong_answers)
    take(quiz, factories.wrong_answers)
    started, _ = start_attempt(quiz, Owner(guest_token=GUEST))
    Attempt.objects.filter(pk=started.pk).update(status=Attempt.Status.EXPIRED, passed=False)
    assert EXPLANATION in result_html(client, first)


def test_lifting_the_limit_keeps_the_answer_key_back(client, quiz):
    first = take(quiz, factories.wrong_answers)
    take(quiz, factories.wrong_answers)
    QuizPage.objects.filter(translation_key=quiz.translation_key).update(attempts_allowed=0)
    take(quiz, factories.wrong_answers)
    assert_no_answer_key(result_html(client, first))


def test_the_answer_key_is_shown_once_the_quiz_is_deleted(client, quiz):
    first = take(quiz, factories.wrong_answers)
    assert_no_answer_key(result_html(client, first))
    quiz.delete()
    assert EXPLANATION in result_html(client, first)


def test_attempts_keep_the_policy_they_started_with(client, index, questions):
    unlimited = factories.QuizPageFactory(
        parent=index, questions=questions, attempts_allowed=0, review="answers"
    )
    before = take(unlimited, factories.wrong_answers)
    QuizPage.objects.filter(pk=unlimited.pk).update(attempts_allowed=3)
    unlimited.refresh_from_db()
    after = take(unlimited, factories.wrong_answers)

    assert before.review == QuizPage.Review.ANSWERS and after.review == QuizPage.Review.ANSWERS_WHEN_DONE
    assert EXPLANATION in result_html(client, before)
    assert_no_answer_key(result_html(client, after))


# The data migration


def test_the_migration_switches_existing_quizzes_with_several_attempts(index, questions):
    three = factories.QuizPageFactory(parent=index, questions=questions, attempts_allowed=3, review="answers")
    one = factories.QuizPageFactory(parent=index, questions=questions, attempts_allowed=1, review="answers")
    unlimited = factories.QuizPageFactory(
        parent=index, questions=questions, attempts_allowed=0, review="answers"
    )
    wrong = factories.QuizPageFactory(parent=index, questions=questions, attempts_allowed=3, review="wrong")
    three.save_revision()
    migration = importlib.import_module("quizzes.migrations.0003_review_when_done_and_choice_tokens")

    migration.answers_wait_for_the_last_attempt(apps, None)

    reviews = dict(
        QuizPage.objects.filter(pk__in=[p.pk for p in (three, one, unlimited, wrong)]).values_list(
            "pk", "review"
        )
    )
    assert reviews == {three.pk: "when-done", one.pk: "answers", unlimited.pk: "answers", wrong.pk: "wrong"}
    three.refresh_from_db()
    assert three.latest_revision.content["review"] == "when-done"


def test_the_migration_gives_open_attempts_tokens(quiz):
    attempt, _ = start_attempt(quiz, Owner(guest_token=GUEST))
    without = [
        {**question, "choices": [{k: v for k, v in c.items() if k != "token"} for c in question["choices"]]}
        for question in attempt.snapshot
    ]
    Attempt.objects.filter(pk=attempt.pk).update(snapshot=without)
    migration = importlib.import_module("quizzes.migrations.0003_review_when_done_and_choice_tokens")

    migration.tokens_for_open_attempts(apps, None)

    attempt.refresh_from_db()
    tokens = [choice["token"] for question in attempt.snapshot for choice in question["choices"]]
    assert len(tokens) == len(set(tokens)) == 9 and all(len(token) == 16 for token in tokens)
