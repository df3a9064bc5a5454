"""The result page: only its owner sees it; it shows as much as the attempt's review option allows;
it reads the same after the quiz page or its questions change; bounded queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from quizzes.models import Attempt, Choice, Question
from quizzes.visitors import GUEST_SESSION_KEY

from . import factories

pytestmark = pytest.mark.django_db

GUEST = "guest-token-results"


def result_url(attempt, language="zh-hans"):
    with translation.override(language):
        return reverse("quizzes:result", args=[attempt.public_id])


def as_guest(client, token=GUEST):
    session = client.session
    session[GUEST_SESSION_KEY] = token
    session.save()
    return client


@pytest.fixture
def index(home_zh):
    return factories.QuizIndexPageFactory(parent=home_zh)


@pytest.fixture
def questions():
    return [
        factories.QuestionFactory(
            text=f"第{number}题：护照丢失后第一步应该做什么？",
            explanation=f"解析{number}：先报警并取得报案证明。",
            choices=[("向当地警方报案", True), (f"直接回国{number}", False), ("什么也不做", False)],
        )
        for number in range(1, 4)
    ]


def quiz_with(index, questions, **fields):
    return factories.QuizPageFactory(parent=index, questions=questions, **fields)


def half_right(attempt):
    """The first question right, the others wrong."""
    answers = factories.wrong_answers(attempt)
    first = attempt.snapshot[0]
    answers[first["key"]] = [c["token"] for c in first["choices"] if c["correct"]]
    return answers


def taken(quiz, answers=half_right, user=None, token=GUEST):
    started = factories.AttemptFactory(quiz=quiz, user=user, guest_token=token, submit=False)
    from quizzes.attempts import submit_attempt

    return submit_attempt(started, answers(started) if callable(answers) else answers)[0]


def html_of(client, attempt, language="zh-hans"):
    response = client.get(result_url(attempt, language))
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_score_only_shows_the_score_and_no_question(client, index, questions):
    attempt = taken(quiz_with(index, questions, review="score", pass_mark=60))
    html = html_of(as_guest(client), attempt, "en")
    assert "<strong>1</strong> of 3 correct (33%)" in html
    assert "第1题" not in html and "解析1" not in html and "直接回国2" not in html


def test_score_only_says_passed_or_not_against_the_pass_mark(client, index, questions):
    passed = taken(quiz_with(index, questions, review="score", pass_mark=30))
    html = html_of(as_guest(client), passed, "en")
    assert "You passed" in html and "Pass mark: 30%" in html
    failed = taken(quiz_with(index, questions, review="score", pass_mark=60))
    html = html_of(client, failed, "en")
    assert "Not passed yet" in html and "Pass mark: 60%" in html


def test_wrong_shows_which_were_right_and_what_was_chosen_but_not_the_answers(client, index, questions):
    attempt = taken(quiz_with(index, questions, review="wrong"))
    response = as_guest(client).get(result_url(attempt, "en"))
    html = response.content.decode()
    reviews = response.context["questions"]
    assert [review.is_correct for review in reviews] == [True, False, False]
    assert "第1题" in html and "第3题" in html
    assert "直接回国2" in html  # what was chosen
    assert "Correct answer" not in html and "解析1" not in html


def test_answers_shows_correct_answers_feedback_explanation_and_learn_more(client, index, about_zh, en):
    question = factories.QuestionFactory(
        text="在国外遇到紧急情况应拨打哪个号码？",
        explanation="12308 是外交部全球领事保护与服务应急呼叫中心。",
        learn_more_page=about_zh,
        choices=[("12308", True), ("110", False)],
    )
    Choice.objects.filter(question=question, text="110").update(feedback="110 是国内报警电话。")
    quiz = quiz_with(
        index, [factories.QuestionFactory()] + [Question.objects.get(pk=question.pk)], review="answers"
    )
    attempt = taken(quiz, factories.wrong_answers)
    html = html_of(as_guest(client), attempt, "en")
    assert "12308 是外交部全球领事保护与服务应急呼叫中心。" in html
    assert "110 是国内报警电话。" in html  # feedback of the choice picked
    assert "Correct answer" in html and "Your answer" in html
    about_en = about_zh.get_translation(en)  # the reader's language, the link named by the article
    assert f'<a href="{about_en.url}">Read: {about_en.title}</a>' in html


def test_learn_more_goes_to_the_page_in_the_attempts_language(client, index, about_zh, en):
    about_en = about_zh.get_translation_or_none(en)
    if about_en is None:
        about_en = factories.translate(about_zh, title="About")
    question = factories.QuestionFactory(learn_more_page=about_zh)
    factories.translate_question(question)
    quiz = factories.translate(quiz_with(index, [question], review="answers"))
    attempt = taken(quiz, factories.wrong_answers)
    assert attempt.language == "en"
    html = html_of(as_guest(client), attempt, "en")
    assert f'href="{about_en.url}"' in html and f'href="{about_zh.url}"' not in html


def test_the_result_code_is_shown_spaced_with_the_time_in_beijing(client, index, questions):
    attempt = taken(quiz_with(index, questions))
    Attempt.objects.filter(pk=attempt.pk).update(
        submitted_at=datetime.datetime(2026, 5, 1, 6, 5, tzinfo=datetime.UTC)
    )
    html = html_of(as_guest(client), attempt, "en")
    code = attempt.result_code
    assert f"{code[:3]} {code[3:]}" in html
    assert "2026-05-01 14:05 (Beijing time, UTC+8)" in html
    assert 'datetime="2026-05-01T14:05+08:00"' in html


def test_another_users_attempt_is_404_and_nothing_changes(client, index, questions, make_user):
    owner, other = make_user(), make_user()
    attempt = taken(quiz_with(index, questions), user=owner)
    client.force_login(other)
    assert client.get(result_url(attempt)).status_code == 404
    fresh = Attempt.objects.get(pk=attempt.pk)
    assert (fresh.user, fresh.score, fresh.status) == (owner, attempt.score, attempt.status)


def test_another_guests_attempt_is_404_and_a_guest_without_token_too(client, index, questions):
    attempt = taken(quiz_with(index, questions), token="someone-else")
    assert client.get(result_url(attempt)).status_code == 404
    assert as_guest(client, "mine").get(result_url(attempt)).status_code == 404
    assert Attempt.objects.get(pk=attempt.pk).guest_token == "someone-else"


def test_a_signed_in_user_cannot_see_a_guests_attempt(client, index, questions, make_user):
    attempt = taken(quiz_with(index, questions), token="guest-x")
    client.force_login(make_user())
    assert client.get(result_url(attempt)).status_code == 404


def test_an_unknown_attempt_is_404(client):
    as_guest(client)
    with translation.override("zh-hans"):
        url = reverse("quizzes:result", args=["8b0c3f5e-0000-4000-8000-000000000000"])
    assert client.get(url).status_code == 404


def test_result_still_works_after_the_quiz_page_is_unpublished(client, index, questions):
    quiz = quiz_with(index, questions, review="answers")
    attempt = taken(quiz)
    quiz.unpublish()
    html = html_of(as_guest(client), attempt, "en")
    assert attempt.quiz_title in html and "第2题" in html
    assert "Try again" not in html


def test_result_still_works_after_the_quiz_page_is_deleted(client, index, questions):
    quiz = quiz_with(index, questions, review="wrong", title="已删除的测验")
    attempt = taken(quiz)
    quiz.delete()
    assert Attempt.objects.get(pk=attempt.pk).quiz_page is None
    html = html_of(as_guest(client), attempt, "en")
    assert "已删除的测验" in html and "第3题" in html and "Try again" not in html


def test_editing_a_question_later_leaves_the_result_unchanged(client, index, questions):
    quiz = quiz_with(index, questions, review="answers")
    attempt = taken(quiz)
    before = html_of(as_guest(client), attempt, "en")
    for question in Question.objects.filter(pk__in=[q.pk for q in questions]):
        question.text = "改过的题目"
        question.explanation = "改过的解析"
        question.save()
        # The old right answer becomes wrong and a wrong one right.
        Choice.objects.filter(question=question).update(is_correct=False)
        Choice.objects.filter(question=question, text="什么也不做").update(is_correct=True, text="改过的选项")
    after = html_of(client, attempt, "en")
    fresh = Attempt.objects.get(pk=attempt.pk)
    assert (fresh.score, fresh.percent, fresh.passed) == (attempt.score, attempt.percent, attempt.passed)
    assert "改过的" not in after and "第1题" in after
    assert after.count("Correct answer") == before.count("Correct answer") == 3


def test_try_again_posts_to_the_quiz_start_while_attempts_are_left(client, index, questions):
    quiz = quiz_with(index, questions, attempts_allowed=2)
    first = taken(quiz)
    html = html_of(as_guest(client), first, "en")
    start = quiz.url + quiz.reverse_subpage("start")
    assert f'action="{start}"' in html and 'method="post"' in html
    second = taken(quiz)
    html = html_of(client, second, "en")
    assert "Try again" not in html and start not in html


def test_try_again_uses_the_quiz_page_in_the_attempts_language(client, index, questions):
    for question in questions:
        factories.translate_question(question)
    english = factories.translate(quiz_with(index, questions))
    attempt = taken(english)
    html = html_of(as_guest(client), attempt, "zh-hans")
    assert f'action="{english.url}start/"' in html


def test_a_guest_is_asked_to_sign_up_to_keep_results(client, index, questions, make_user):
    attempt = taken(quiz_with(index, questions))
    html = html_of(as_guest(client), attempt, "en")
    assert "Keep your results" in html and "/en/accounts/signup/?next=" in html
    user = make_user()
    mine = taken(quiz_with(index, questions), user=user)
    client.force_login(user)
    assert "Keep your results" not in html_of(client, mine, "en")


def test_an_attempt_in_progress_goes_back_to_the_answer_sheet(client, index, questions):
    attempt = factories.AttemptFactory(quiz=quiz_with(index, questions), guest_token=GUEST, submit=False)
    response = as_guest(client).get(result_url(attempt))
    assert response.status_code == 302
    assert response["Location"] == reverse("quizzes:take", args=[attempt.public_id])


def test_an_attempt_past_its_deadline_shows_time_ran_out_without_a_score(client, index, questions):
    attempt = factories.AttemptFactory(
        quiz=quiz_with(index, questions, time_limit_minutes=5), guest_token=GUEST, submit=False
    )
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=10))
    html = html_of(as_guest(client), attempt, "en")
    assert "Time ran out" in html and "Pass mark" not in html and "第1题" not in html
    assert Attempt.objects.get(pk=attempt.pk).status == Attempt.Status.EXPIRED


def test_the_result_page_is_private_and_not_indexed(client, index, questions):
    response = as_guest(client).get(result_url(taken(quiz_with(index, questions))))
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("review", ["wrong", "answers"])
def test_result_queries_do_not_grow_with_the_number_of_questions(
    client, index, about_zh, django_assert_max_num_queries, review
):
    counts = []
    for size in (5, 40):
        bank = [factories.QuestionFactory(learn_more_page=about_zh) for _ in range(size)]
        attempt = taken(quiz_with(index, bank, review=review, attempts_allowed=3))
        as_guest(client)
        client.get(result_url(attempt))  # warm the site caches (menus, settings)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as queries:
            response = client.get(result_url(attempt))
        assert response.status_code == 200 and len(response.context["questions"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
