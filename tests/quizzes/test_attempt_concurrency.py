"""Attempt limits and scoring once under concurrency (PostgreSQL: real concurrent connections)."""

import itertools

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from quizzes import attempts
from quizzes.models import Answer, Attempt
from quizzes.visitors import GUEST_COOKIE, Owner
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


def guest_tabs(quiz):
    """A guest's attempt started in one browser, and a way to open more tabs of that browser."""
    browser = Client()
    assert browser.post(quiz.url + quiz.reverse_subpage("start")).status_code == 302
    token = browser.cookies[GUEST_COOKIE].value
    attempt = Attempt.objects.get(guest_token=token)

    def tab():
        client = Client()
        client.cookies[GUEST_COOKIE] = token
        return client

    return attempt, tab


def sheet_url(name, attempt):
    with translation.override("zh-hans"):
        return reverse(f"quizzes:{name}", args=[attempt.public_id])


def sheet(answers, action):
    return {f"q-{key}": tokens for key, tokens in answers.items()} | {"action": action, "confirm": "1"}


def test_ten_submits_of_one_answer_sheet_at_once_through_the_page_score_it_once(quiz):
    attempt, tab = guest_tabs(quiz)
    data = sheet(factories.right_answers(attempt), "submit")

    responses = at_once(lambda: tab().post(sheet_url("take", attempt), data), 10)

    assert {(response.status_code, response["Location"]) for response in responses} == {
        (302, sheet_url("result", attempt))
    }
    assert Answer.objects.filter(attempt=attempt).count() == 4
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score) == (Attempt.Status.SUBMITTED, 4) and attempt.result_code


def test_autosaves_racing_the_submit_never_change_what_was_scored(quiz):
    attempt, tab = guest_tabs(quiz)
    right, wrong = factories.right_answers(attempt), factories.wrong_answers(attempt)
    turns = itertools.count()

    def send():
        # next() on a shared counter is atomic in CPython: five tabs autosave, five submit.
        if next(turns) % 2:
            return "save", tab().post(sheet_url("save", attempt), sheet(wrong, "save"))
        return "submit", tab().post(sheet_url("take", attempt), sheet(right, "submit"))

    sent = at_once(send, 10)

    assert {response.status_code for kind, response in sent if kind == "submit"} == {302}
    assert {response.status_code for kind, response in sent if kind == "save"} <= {200, 409}
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score) == (Attempt.Status.SUBMITTED, 4)
    assert attempt.draft == factories.right_choice_ids(attempt)
    answers = Answer.objects.filter(attempt=attempt)
    assert answers.count() == 4 and all(answer.is_correct for answer in answers)
