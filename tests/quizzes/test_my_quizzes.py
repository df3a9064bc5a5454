""" "My quizzes": a signed-in person's own attempts, the latest first, with links to their results; the
section in "My portal"; only their own; bounded queries."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from accounts.sections import MY_PORTAL_SECTIONS, collect_sections
from quizzes.models import Attempt

from . import factories

pytestmark = pytest.mark.django_db


def url(language="en"):
    with translation.override(language):
        return reverse("quizzes:my_quizzes")


def result_url(attempt, language="en"):
    with translation.override(language):
        return reverse("quizzes:result", args=[attempt.public_id])


@pytest.fixture
def person(make_user):
    return make_user(name="李雷")


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


@pytest.fixture
def quiz(home_zh):
    index = factories.QuizIndexPageFactory(parent=home_zh)
    return factories.QuizPageFactory(
        parent=index, questions=[factories.QuestionFactory() for _ in range(3)], title="出行安全测验"
    )


def test_my_quizzes_needs_signing_in(client):
    response = client.get(url())
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_my_quizzes_lists_only_my_own_attempts_latest_first(signed_in, person, make_user, quiz):
    first = factories.AttemptFactory(quiz=quiz, user=person, answers="right")
    second = factories.AttemptFactory(quiz=quiz, user=person, answers="wrong")
    factories.AttemptFactory(quiz=quiz, user=make_user(), answers="right")
    factories.AttemptFactory(quiz=quiz, guest_token="somebody", answers="right")

    response = signed_in.get(url())

    assert response.context["attempts"] == [second, first]
    html = response.content.decode()
    assert f'href="{result_url(first)}"' in html and f'href="{result_url(second)}"' in html
    assert html.count("出行安全测验") == 2
    assert "3 of 3 (100%)" in html and "0 of 3 (0%)" in html
    assert "Passed" in html and "Not passed" in html


def test_my_quizzes_shows_the_title_snapshot_after_the_quiz_is_renamed(signed_in, person, quiz):
    factories.AttemptFactory(quiz=quiz, user=person, answers="right")
    quiz.title = "新名称"
    quiz.save_revision().publish()
    html = signed_in.get(url()).content.decode()
    assert "出行安全测验" in html and "新名称" not in html


def test_my_quizzes_shows_unfinished_and_expired_attempts_with_their_status(signed_in, person, quiz):
    expired = factories.AttemptFactory(quiz=quiz, user=person, submit=False)
    Attempt.objects.filter(pk=expired.pk).update(status=Attempt.Status.EXPIRED, passed=False)
    factories.AttemptFactory(quiz=quiz, user=person, submit=False)
    html = signed_in.get(url()).content.decode()
    assert "Time ran out" in html and "In progress" in html


def test_my_quizzes_with_none_says_so(signed_in):
    assert "You have not taken any quiz yet." in signed_in.get(url()).content.decode()


def test_my_quizzes_is_paginated_and_a_wrong_page_falls_back(signed_in, person, quiz, settings):
    from quizzes import my_quizzes

    for _ in range(my_quizzes.PER_PAGE + 2):
        factories.AttemptFactory(quiz=quiz, user=person, answers="right")
    assert len(signed_in.get(url()).context["attempts"]) == my_quizzes.PER_PAGE
    assert len(signed_in.get(url(), {"page": 2}).context["attempts"]) == 2
    response = signed_in.get(url(), {"page": 99})
    assert len(response.context["attempts"]) == 2 and response.context["notices"]


def test_my_quizzes_is_private(signed_in):
    assert "private" in signed_in.get(url())["Cache-Control"]


def test_my_portal_shows_the_latest_attempts_and_a_link(signed_in, person, quiz):
    from quizzes.my_quizzes import SECTION_COUNT

    attempts = [
        factories.AttemptFactory(quiz=quiz, user=person, answers="right") for _ in range(SECTION_COUNT + 1)
    ]
    request = RequestFactory().get("/en/my/")
    request.user = person
    with translation.override("en"):
        sections = collect_sections(MY_PORTAL_SECTIONS, request)
    section = next(s for s in sections if s.template_name == "quizzes/includes/my_quizzes_section.html")
    assert section.context["attempts"] == attempts[::-1][:SECTION_COUNT]
    assert section.context["has_more"] is True
    orders = [s.order for s in sections]
    assert orders == sorted(orders)

    html = signed_in.get("/en/my/").content.decode()
    assert "My quizzes" in html and f'href="{url()}"' in html
    assert f'href="{result_url(attempts[-1])}"' in html


def test_my_portal_section_comes_after_my_events():
    from events.my_events import MY_EVENTS_ORDER
    from quizzes.my_quizzes import MY_QUIZZES_ORDER

    assert MY_QUIZZES_ORDER > MY_EVENTS_ORDER


def test_no_section_for_a_guest(rf):
    from django.contrib.auth.models import AnonymousUser

    from quizzes.my_quizzes import my_portal_sections

    request = rf.get("/en/my/")
    request.user = AnonymousUser()
    assert my_portal_sections(request) is None


def test_my_quizzes_queries_do_not_grow_with_the_number_of_attempts(
    signed_in, person, quiz, django_assert_max_num_queries
):
    counts = []
    made = 0
    for total in (3, 60):
        while made < total:
            factories.AttemptFactory(quiz=quiz, user=person, answers="right")
            made += 1
        signed_in.get(url())  # warm the site caches
        with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as queries:
            response = signed_in.get(url())
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_my_portal_queries_do_not_grow_with_the_number_of_attempts(
    signed_in, person, quiz, django_assert_max_num_queries
):
    counts = []
    made = 0
    for total in (3, 60):
        while made < total:
            factories.AttemptFactory(quiz=quiz, user=person, answers="right")
            made += 1
        signed_in.get("/en/my/")
        with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as queries:
            signed_in.get("/en/my/")
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
