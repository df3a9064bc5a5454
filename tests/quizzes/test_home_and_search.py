"""The home page's featured quiz (the home_page_sections hook), quiz pages in the site search (Chinese
words inside longer phrases, and English), and `best_result` for other rooms."""

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Site

from home.site_cache import site_changed
from home.visibility import restricted_paths
from quizzes.models import Attempt
from quizzes.results import best_result
from quizzes.sections import home_page_sections

from . import factories

pytestmark = pytest.mark.django_db

SECTION_TITLE = "Test your safety knowledge"


@pytest.fixture
def index(home_zh):
    return factories.QuizIndexPageFactory(parent=home_zh)


@pytest.fixture
def bank():
    return [factories.QuestionFactory() for _ in range(3)]


def home_html(client, language="zh-hans"):
    return client.get(f"/{language}/").content.decode()


def featured_title(client, language="en"):
    request = section_request(client, language)
    with translation.override(language):
        section = home_page_sections(request)
    return section.context["quiz"].title if section else None


def section_request(client, language="zh-hans"):
    client.get(f"/{language}/")  # the site root paths and restricted paths are cached, as on any page
    request = RequestFactory().get(f"/{language}/")
    request.META["HTTP_HOST"] = "localhost"
    return request


def test_no_section_without_a_live_quiz(client, index):
    assert SECTION_TITLE not in home_html(client, "en")
    assert featured_title(client) is None


def test_the_newest_featured_quiz_is_shown_over_newer_ones(client, index, bank):
    factories.QuizPageFactory(parent=index, questions=bank, title="旧的精选测验", is_featured=True)
    factories.QuizPageFactory(parent=index, questions=bank, title="新的精选测验", is_featured=True)
    factories.QuizPageFactory(parent=index, questions=bank, title="最新的普通测验")
    assert featured_title(client, "zh-hans") == "新的精选测验"


def test_without_a_featured_quiz_the_newest_live_one_is_shown(client, index, bank):
    factories.QuizPageFactory(parent=index, questions=bank, title="较早的测验")
    newest = factories.QuizPageFactory(
        parent=index, questions=bank, title="最新的测验", summary="五分钟测一测海外安全。"
    )
    html = home_html(client)
    assert "最新的测验" in html and "较早的测验" not in html
    assert "五分钟测一测海外安全。" in html and f'href="{newest.url}"' in html


def test_the_section_is_in_the_readers_language_only(client, index, bank):
    quiz = factories.QuizPageFactory(parent=index, questions=bank, title="中文测验")
    assert "中文测验" not in home_html(client, "en")
    english = factories.translate(quiz, title="Quiz in English", summary="Five minutes.")
    html = home_html(client, "en")
    assert "Quiz in English" in html and "中文测验" not in html and f'href="{english.url}"' in html
    assert SECTION_TITLE in html


def test_an_unpublished_quiz_leaves_the_home_page_at_once(client, index, bank):
    quiz = factories.QuizPageFactory(parent=index, questions=bank, title="要下线的测验")
    assert "要下线的测验" in home_html(client)
    quiz.unpublish()
    assert "要下线的测验" not in home_html(client)


def test_the_section_comes_after_alerts_and_before_events():
    from destinations.sections import HOME_ALERTS_ORDER
    from events.sections import HOME_EVENTS_ORDER
    from quizzes.sections import HOME_QUIZ_ORDER

    assert HOME_ALERTS_ORDER < HOME_QUIZ_ORDER < HOME_EVENTS_ORDER


def test_section_costs_no_query_once_cached(client, index, bank):
    factories.QuizPageFactory(parent=index, questions=bank, title="领事保护测验", is_featured=True)
    request = section_request(client)
    with translation.override("zh-hans"):
        home_page_sections(request)
        with CaptureQueriesContext(connection) as captured:
            section = home_page_sections(request)
    assert section.context["quiz"].title == "领事保护测验"
    assert len(captured.captured_queries) == 0


def test_section_is_built_in_one_query(client, index, bank):
    for _ in range(5):
        factories.QuizPageFactory(parent=index, questions=bank)
    request = section_request(client)
    site_changed()
    Site.find_for_request(request)
    restricted_paths()
    with translation.override("zh-hans"), CaptureQueriesContext(connection) as captured:
        home_page_sections(request)
    assert len(captured.captured_queries) <= 1


def test_home_page_stays_within_its_query_budget_with_the_section(
    client, index, bank, django_assert_max_num_queries
):
    for _ in range(10):
        factories.AttemptFactory(
            quiz=factories.QuizPageFactory(parent=index, questions=bank, is_featured=True), answers="right"
        )
    client.get("/zh-hans/")
    with django_assert_max_num_queries(15):
        response = client.get("/zh-hans/")
    assert response.status_code == 200 and response.context["sections"]


# The site search


def search(client, query, language="zh-hans"):
    return client.get(f"/{language}/search/", {"q": query}).content.decode()


@pytest.mark.engine  # the search backend
def test_a_quiz_is_found_by_a_chinese_word_inside_a_phrase(client, index, bank):
    quiz = factories.QuizPageFactory(
        parent=index, questions=bank, title="海外安全知识问答", summary="留学生如何防范电信诈骗"
    )
    assert f'href="{quiz.url}"' in search(client, "诈骗")
    assert f'href="{quiz.url}"' in search(client, "问答")


@pytest.mark.engine  # the search backend
def test_a_quiz_is_found_in_english(client, index, bank):
    quiz = factories.QuizPageFactory(parent=index, questions=bank, title="海外安全知识问答")
    english = factories.translate(
        quiz, title="Overseas safety quiz", summary="How students can avoid phone scams abroad."
    )
    english.save_revision().publish()
    html = search(client, "scams", "en")
    assert f'href="{english.url}"' in html
    assert f'href="{quiz.url}"' not in search(client, "safety", "en")


@pytest.mark.engine  # the search backend
def test_an_unpublished_quiz_is_not_found(client, index, bank):
    quiz = factories.QuizPageFactory(parent=index, questions=bank, title="防范电信诈骗测验")
    quiz.unpublish()
    assert f'href="{quiz.url}"' not in search(client, "诈骗")


# best_result, for the training room


def test_best_result_is_the_best_submitted_attempt(index, bank, make_user):
    user = make_user()
    quiz = factories.QuizPageFactory(parent=index, questions=bank)
    factories.AttemptFactory(quiz=quiz, user=user, answers="wrong")
    best = factories.AttemptFactory(quiz=quiz, user=user, answers="right")
    factories.AttemptFactory(quiz=quiz, user=user, answers="wrong")
    open_one = factories.AttemptFactory(quiz=quiz, user=user, submit=False)
    assert best_result(user, quiz) == best
    assert open_one.status == Attempt.Status.IN_PROGRESS


def test_best_result_counts_every_language_copy_and_ignores_others(index, bank, make_user):
    for question in bank:
        factories.translate_question(question)
    user = make_user()
    quiz = factories.QuizPageFactory(parent=index, questions=bank)
    english = factories.translate(quiz)
    factories.AttemptFactory(quiz=quiz, user=user, answers="wrong")
    best = factories.AttemptFactory(quiz=english, user=user, answers="right")
    factories.AttemptFactory(quiz=quiz, user=make_user(), answers="right")
    factories.AttemptFactory(quiz=quiz, guest_token="guest", answers="right")
    assert best_result(user, quiz) == best == best_result(user, english)


def test_best_result_of_equal_scores_is_the_earliest(index, bank, make_user):
    user = make_user()
    quiz = factories.QuizPageFactory(parent=index, questions=bank)
    first = factories.AttemptFactory(quiz=quiz, user=user, answers="right")
    second = factories.AttemptFactory(quiz=quiz, user=user, answers="right")
    Attempt.objects.filter(pk=second.pk).update(submitted_at=timezone.now() + datetime.timedelta(minutes=5))
    assert best_result(user, quiz) == first


def test_best_result_is_none_without_a_submitted_attempt(index, bank, make_user):
    from django.contrib.auth.models import AnonymousUser

    user = make_user()
    quiz = factories.QuizPageFactory(parent=index, questions=bank)
    expired = factories.AttemptFactory(quiz=quiz, user=user, submit=False)
    Attempt.objects.filter(pk=expired.pk).update(status=Attempt.Status.EXPIRED, passed=False)
    assert best_result(user, quiz) is None
    assert best_result(AnonymousUser(), quiz) is None
    assert best_result(None, quiz) is None
