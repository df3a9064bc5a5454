"""A guest's token in a cookie of its own: no session for a guest, nothing for a forged or foreign
token, and a token kept in the session by an earlier release still honoured."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from quizzes.models import Answer, Attempt
from quizzes.visitors import GUEST_COOKIE, GUEST_SESSION_KEY

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(home_zh):
    index = factories.QuizIndexPageFactory(parent=home_zh)
    return factories.QuizPageFactory(parent=index, questions=[factories.QuestionFactory() for _ in range(3)])


def url(name, attempt):
    with translation.override("zh-hans"):
        return reverse(f"quizzes:{name}", args=[attempt.public_id])


def start(client, quiz):
    response = client.post(quiz.url + quiz.reverse_subpage("start"))
    assert response.status_code == 302
    return Attempt.objects.order_by("-pk").first(), response


def submit_data(attempt, answers):
    return {f"q-{key}": tokens for key, tokens in answers.items()} | {"action": "submit", "confirm": "1"}


def test_starting_a_quiz_gives_a_guest_a_private_token_cookie_and_no_session(client, quiz):
    attempt, response = start(client, quiz)

    cookie = response.cookies[GUEST_COOKIE]
    assert cookie.value == attempt.guest_token and len(cookie.value) >= 43
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["path"] == "/"
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert Session.objects.count() == 0


def test_the_token_cookie_is_secure_where_the_session_cookie_is(client, quiz, settings):
    settings.SESSION_COOKIE_SECURE = True

    _attempt, response = start(client, quiz)

    assert response.cookies[GUEST_COOKIE]["secure"]


def test_a_guest_answers_and_submits_without_a_session_reading_the_attempt_once(client, quiz):
    attempt, _response = start(client, quiz)
    assert client.get(url("take", attempt)).status_code == 200

    with CaptureQueriesContext(connection) as queries:
        response = client.post(url("take", attempt), submit_data(attempt, factories.right_answers(attempt)))

    assert response["Location"] == url("result", attempt)
    statements = [query["sql"] for query in queries.captured_queries]
    assert not any("django_session" in sql for sql in statements)
    assert sum(sql.startswith('SELECT "quizzes_attempt"') for sql in statements) == 1
    assert Session.objects.count() == 0
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score) == (Attempt.Status.SUBMITTED, 3)


def test_a_second_start_keeps_the_token_the_browser_has(client, quiz):
    first, response = start(client, quiz)
    client.post(url("take", first), submit_data(first, factories.right_answers(first)))

    second, again = start(client, quiz)

    assert second.pk != first.pk and second.guest_token == first.guest_token
    assert GUEST_COOKIE not in again.cookies  # nothing new to keep


@pytest.mark.parametrize(
    "forged",
    # not ASCII: 有 in UTF-8, as a WSGI server hands a cookie's bytes over (ISO-8859-1)
    ["short", "x" * 65, "有".encode().decode("iso-8859-1") * 14, "a" * 40 + ".", ""],
    ids=["too-short", "too-long", "not-ascii", "bad-character", "empty"],
)
def test_a_cookie_not_shaped_like_a_token_is_no_token(client, quiz, forged):
    # the attempt a forged token would open, where the column can hold it
    attempt = factories.AttemptFactory(quiz=quiz, guest_token=forged[:64] or "none", submit=False)
    client.cookies[GUEST_COOKIE] = forged

    assert client.get(url("take", attempt)).status_code == 404
    assert client.get(url("result", attempt)).status_code == 404
    assert client.post(url("save", attempt), {"q-x": "y"}).status_code == 404
    # Starting makes a token of its own for this browser, in place of the forged one.
    mine, response = start(client, quiz)
    assert mine.guest_token != forged and response.cookies[GUEST_COOKIE].value == mine.guest_token


def test_someone_elses_attempt_is_a_404_and_stays_as_it_was(client, quiz):
    theirs, _response = start(Client(), quiz)
    start(client, quiz)
    before = Attempt.objects.values().get(pk=theirs.pk)

    assert client.get(url("take", theirs)).status_code == 404
    assert client.get(url("result", theirs)).status_code == 404
    submitted = client.post(url("take", theirs), submit_data(theirs, factories.right_answers(theirs)))
    saved = client.post(url("save", theirs), {f"q-{theirs.snapshot[0]['key']}": "x"})

    assert submitted.status_code == 404 and saved.status_code == 404
    assert Attempt.objects.values().get(pk=theirs.pk) == before
    assert not Answer.objects.filter(attempt=theirs).exists()


def test_a_token_kept_in_the_session_by_an_earlier_release_still_opens_its_attempt(client, quiz):
    attempt = factories.AttemptFactory(
        quiz=quiz, guest_token="kept-in-the-session-before-the-cookie", submit=False
    )
    session = client.session
    session[GUEST_SESSION_KEY] = attempt.guest_token
    session.save()

    assert client.get(url("take", attempt)).status_code == 200
    response = client.post(url("take", attempt), submit_data(attempt, factories.right_answers(attempt)))

    assert response["Location"] == url("result", attempt)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
