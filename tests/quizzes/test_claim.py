"""A guest's attempts follow them into their account when that browser signs up or logs in: then they
are in "My quizzes" and their result pages open while signed in."""

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from quizzes.attempts import submit_attempt
from quizzes.models import Attempt
from quizzes.visitors import GUEST_COOKIE, GUEST_SESSION_KEY
from tests.accounts.factories import DEFAULT_PASSWORD

from . import factories

pytestmark = pytest.mark.django_db


def in_english(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def quiz(home_zh):
    index = factories.QuizIndexPageFactory(parent=home_zh)
    return factories.QuizPageFactory(
        parent=index, questions=[factories.QuestionFactory() for _ in range(3)], title="防诈骗测验"
    )


def take_as_guest(client, quiz):
    """Start on the quiz page's start/ route (as the browser does), then submit with all answers right."""
    response = client.post(quiz.url + quiz.reverse_subpage("start"))
    assert response.status_code == 302
    token = client.cookies[GUEST_COOKIE].value
    assert GUEST_SESSION_KEY not in client.session  # a guest needs no session
    attempt = Attempt.objects.get(guest_token=token, user__isnull=True)
    attempt, _ = submit_attempt(attempt, factories.right_answers(attempt))
    assert client.get(in_english("quizzes:result", attempt.public_id)).status_code == 200
    return attempt


def signup_data(email):
    return {
        "name": "王小明",
        "email": email,
        "password1": "a-long-Secret-2026",
        "password2": "a-long-Secret-2026",
        "preferred_language": "zh-hans",
        "accept_privacy_notice": "on",
    }


def assert_mine_now(client, attempt, user):
    attempt.refresh_from_db()
    assert attempt.user == user and attempt.guest_token == ""
    html = client.get(in_english("quizzes:my_quizzes")).content.decode()
    assert "防诈骗测验" in html and in_english("quizzes:result", attempt.public_id) in html
    response = client.get(in_english("quizzes:result", attempt.public_id))
    assert response.status_code == 200 and "<strong>3</strong> of 3 correct" in response.content.decode()
    # the browser's token owns nothing any more
    assert not Attempt.objects.filter(guest_token=client.cookies[GUEST_COOKIE].value).exists()


def test_a_guest_attempt_is_claimed_at_sign_up(client, quiz):
    attempt = take_as_guest(client, quiz)

    response = client.post(in_english("account_signup"), signup_data("guest.signup@example.org"))

    assert response.status_code == 302
    assert_mine_now(client, attempt, User.objects.get(email="guest.signup@example.org"))


def test_a_guest_attempt_is_claimed_at_login(client, quiz, make_user):
    user = make_user(email="guest.login@example.org")
    attempt = take_as_guest(client, quiz)

    response = client.post(
        in_english("account_login"), {"login": "guest.login@example.org", "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    assert_mine_now(client, attempt, user)


def test_claimed_attempts_number_after_the_users_own(client, quiz, make_user):
    user = make_user(email="numbers@example.org")
    own = factories.AttemptFactory(quiz=quiz, user=user, answers="wrong")
    attempt = take_as_guest(client, quiz)
    client.post(in_english("account_login"), {"login": "numbers@example.org", "password": DEFAULT_PASSWORD})
    attempt.refresh_from_db()
    assert (own.number, attempt.number) == (1, 2)


def test_another_browsers_guest_attempt_is_not_claimed(client, quiz, make_user):
    make_user(email="other.browser@example.org")
    other = factories.AttemptFactory(quiz=quiz, guest_token="another-browser", answers="right")
    take_as_guest(client, quiz)
    client.post(
        in_english("account_login"), {"login": "other.browser@example.org", "password": DEFAULT_PASSWORD}
    )
    other.refresh_from_db()
    assert other.user is None and other.guest_token == "another-browser"
    assert client.get(in_english("quizzes:result", other.public_id)).status_code == 404
