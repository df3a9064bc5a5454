"""Taking a quiz through the web: the quiz page, Start, the answer sheet (save, resume, submit),
autosave, who may see an attempt, tampered answers, the deadline, and bounded queries."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from quizzes import attempts as quiz_attempts
from quizzes.models import Answer, Attempt
from quizzes.visitors import GUEST_COOKIE, Owner

from . import factories

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15


@pytest.fixture
def index(home_zh):
    return factories.QuizIndexPageFactory(parent=home_zh)


def make_questions(count=3):
    kinds = ["single", "multiple", "true-false"]
    return [
        factories.QuestionFactory(
            kind=kinds[number % 3],
            explanation=f"解析文字{number}号",
            text=f"第{number}题：在国外遇到紧急情况怎么办？",
        )
        for number in range(count)
    ]


@pytest.fixture
def quiz(index):
    questions = make_questions(3)
    for question in questions:
        for choice in question.choices.all():
            choice.feedback = f"反馈文字{choice.pk}"
            choice.save()
    return factories.QuizPageFactory(parent=index, questions=questions, time_limit_minutes=10)


SUBMIT_QUERIES = 7


def url(name, attempt, language="zh-hans"):
    with translation.override(language):
        return reverse(f"quizzes:{name}", args=[attempt.public_id])


def start_url(quiz):
    return quiz.url + quiz.reverse_subpage("start")


def start(client, quiz):
    response = client.post(start_url(quiz))
    assert response.status_code == 302, response.content[:500]
    return Attempt.objects.order_by("-pk").first(), response


def form_data(attempt, answers, action="save"):
    data = {f"q-{key}": [str(choice) for choice in chosen] for key, chosen in answers.items()}
    return data | {"action": action}


def first_choice_ids(attempt):
    """The draft kept for `first_choice_tokens`: choice ids (tokens are only the form's words for them)."""
    return {question["key"]: [question["choices"][0]["id"]] for question in attempt.snapshot}


def first_choice_tokens(attempt):
    return {question["key"]: [question["choices"][0]["token"]] for question in attempt.snapshot}


def zh(message):
    with translation.override("zh-hans"):
        return translation.gettext(message)


def html_of(response):
    return response.content.decode()


def choice_values(html):
    return re.findall(r'<input class="quiz-choice__input"[^>]*value="([^"]*)"', html)


def checked_values(html):
    return re.findall(r'<input class="quiz-choice__input"[^>]*value="([^"]*)"[^>]*checked', html)


# Nothing in the HTML tells which choices are right.


def assert_no_hint(html, attempt_or_quiz_questions):
    lowered = html.lower()
    assert "is_correct" not in lowered
    assert "correct" not in lowered
    assert "feedback" not in lowered
    assert "解析文字" not in html
    assert "反馈文字" not in html
    for question in attempt_or_quiz_questions:
        assert question["explanation"] not in html


def test_the_quiz_page_carries_no_hint_of_the_answers(client, quiz):
    response = client.get(quiz.url)

    assert response.status_code == 200
    html = html_of(response)
    assert quiz.title in html
    assert 'action="' + start_url(quiz) + '"' in html
    assert_no_hint(html, [])


def test_the_answer_sheet_carries_no_hint_of_the_answers(client, quiz):
    attempt, _response = start(client, quiz)

    response = client.get(url("take", attempt))

    assert response.status_code == 200
    html = html_of(response)
    assert_no_hint(html, attempt.snapshot)
    tokens = [choice["token"] for question in attempt.snapshot for choice in question["choices"]]
    assert choice_values(html) == tokens  # values are the attempt's own random tokens, nothing else
    for question in attempt.snapshot:
        assert question["text"] in html
        assert f'name="q-{question["key"]}"' in html
    assert html.count('type="checkbox"') == 1 * 4  # the multiple-choice question
    assert html.count('type="radio"') == 3 + 2


def test_the_answer_sheet_shows_the_time_left_for_the_script(client, quiz):
    attempt, _response = start(client, quiz)

    html = html_of(client.get(url("take", attempt)))

    seconds = int(re.search(r'data-seconds-left="(\d+)"', html).group(1))
    assert 590 <= seconds <= 600
    assert 'aria-live="polite"' in html
    assert "js/quiz.js" in html
    assert "<script>" not in html and "onclick" not in html  # no inline script (CSP)
    assert f'data-save-url="{url("save", attempt)}"' in html


# Starting


def test_start_creates_one_attempt_and_opens_the_answer_sheet(client, quiz):
    attempt, response = start(client, quiz)

    assert Attempt.objects.count() == 1
    assert response["Location"] == url("take", attempt)
    assert attempt.guest_token and attempt.user is None
    assert attempt.language == "zh-hans"


def test_a_double_click_on_start_resumes_the_same_attempt(client, quiz):
    first, first_response = start(client, quiz)
    second, second_response = start(client, quiz)

    assert Attempt.objects.count() == 1
    assert first == second
    assert first_response["Location"] == second_response["Location"]


def test_the_quiz_page_offers_to_continue_an_open_attempt(client, quiz):
    attempt, _response = start(client, quiz)

    html = html_of(client.get(quiz.url))

    assert zh("Continue your attempt") in html
    assert url("take", attempt) in html


def test_get_on_start_changes_nothing(client, quiz):
    response = client.get(start_url(quiz))

    assert response.status_code == 302 and response["Location"] == quiz.url
    assert not Attempt.objects.exists()


def test_a_signed_in_only_quiz_asks_guests_to_sign_in(client, index):
    quiz = factories.QuizPageFactory(parent=index, questions=make_questions(2), who_may_take="signed-in")

    html = html_of(client.get(quiz.url))
    response = client.post(start_url(quiz))

    assert "/accounts/login/?next=" in html
    assert f"next={quiz.url.replace('/', '%2F')}" in html
    assert 'action="' + start_url(quiz) + '"' not in html
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Attempt.objects.exists()


def test_a_signed_in_person_may_take_a_signed_in_only_quiz(client, index, make_user):
    quiz = factories.QuizPageFactory(parent=index, questions=make_questions(2), who_may_take="signed-in")
    user = make_user()
    client.force_login(user)

    attempt, _response = start(client, quiz)

    assert attempt.user == user and attempt.guest_token == ""


def test_no_attempts_left_is_said_on_the_quiz_page_and_start_refuses(client, index):
    quiz = factories.QuizPageFactory(parent=index, questions=make_questions(2), attempts_allowed=1)
    attempt, _response = start(client, quiz)
    client.post(url("take", attempt), form_data(attempt, first_choice_tokens(attempt), "submit"))

    page_response = client.get(quiz.url)
    html = html_of(page_response)
    response = client.post(start_url(quiz), follow=True)

    assert page_response.context["attempts_left"] == 0 and page_response.context["no_attempts_left"]
    assert 'action="' + start_url(quiz) + '"' not in html
    assert url("result", attempt) in html  # the last result
    assert Attempt.objects.count() == 1
    assert response.redirect_chain[-1][0] == quiz.url
    assert zh("You have used all your attempts at this quiz.") in html_of(response)


def test_a_quiz_without_questions_says_so(client, index):
    quiz = factories.QuizPageFactory(parent=index, questions=[])

    response = client.post(start_url(quiz), follow=True)

    assert response.redirect_chain[-1][0] == quiz.url
    assert not Attempt.objects.exists()
    assert 'class="alert alert-danger"' in html_of(response)


# Saving and resuming


def test_saved_answers_are_ticked_again_after_a_reload(client, quiz):
    attempt, _response = start(client, quiz)
    answers = first_choice_tokens(attempt)

    response = client.post(url("take", attempt), form_data(attempt, answers, "save"))
    reloaded = client.get(url("take", attempt))

    assert response.status_code == 302 and response["Location"] == url("take", attempt)
    attempt.refresh_from_db()
    assert attempt.draft == first_choice_ids(attempt)
    assert attempt.status == Attempt.Status.IN_PROGRESS
    assert checked_values(html_of(reloaded)) == [tokens[0] for tokens in answers.values()]


def test_autosave_keeps_the_answers_and_tells_the_time_left(client, quiz):
    attempt, _response = start(client, quiz)
    answers = first_choice_tokens(attempt)

    response = client.post(url("save", attempt), form_data(attempt, answers, "save"))

    assert response.status_code == 200
    body = response.json()
    assert body["saved"] is True and 590 <= body["seconds_left"] <= 600
    attempt.refresh_from_db()
    assert attempt.draft == first_choice_ids(attempt)
    assert checked_values(html_of(client.get(url("take", attempt)))) == [t[0] for t in answers.values()]


def test_unticking_everything_clears_a_saved_answer(client, quiz):
    attempt, _response = start(client, quiz)
    client.post(url("save", attempt), form_data(attempt, first_choice_tokens(attempt)))

    client.post(url("save", attempt), {})

    attempt.refresh_from_db()
    assert all(chosen == [] for chosen in attempt.draft.values())


def test_autosave_answers_get_with_405(client, quiz):
    attempt, _response = start(client, quiz)

    assert client.get(url("save", attempt)).status_code == 405


def test_the_answer_sheet_opens_in_the_language_the_attempt_started_in(client, quiz):
    attempt, _response = start(client, quiz)

    response = client.get(url("take", attempt, language="en"))

    assert response.status_code == 302
    assert response["Location"] == url("take", attempt, language="zh-hans")


# Submitting


def test_submitting_scores_and_opens_the_result(client, quiz):
    attempt, _response = start(client, quiz)

    response = client.post(
        url("take", attempt), form_data(attempt, factories.right_answers(attempt), "submit")
    )

    assert response.status_code == 302 and response["Location"] == url("result", attempt)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED and attempt.score == 3
    assert client.get(url("take", attempt))["Location"] == url("result", attempt)


def test_submitting_costs_a_bounded_number_of_queries_whatever_the_number_of_questions(
    client, index, django_assert_max_num_queries
):
    # A guest has no session: the attempt read once with its row locked, one INSERT sent once per answer
    # (counted once), the attempt's UPDATE with its result code in a savepoint (three), and the
    # transaction's own statements on PostgreSQL.
    for count in (3, 12):
        quiz = factories.QuizPageFactory(parent=index, questions=make_questions(count))
        attempt, _response = start(client, quiz)
        data = form_data(attempt, factories.right_answers(attempt), "submit")

        with django_assert_max_num_queries(SUBMIT_QUERIES):
            response = client.post(url("take", attempt), data)

        assert response["Location"] == url("result", attempt)
        assert Answer.objects.filter(attempt=attempt).count() == count


def test_a_second_submission_scores_nothing_more(client, quiz):
    attempt, _response = start(client, quiz)
    data = form_data(attempt, factories.right_answers(attempt), "submit")

    client.post(url("take", attempt), data)
    again = client.post(url("take", attempt), form_data(attempt, factories.wrong_answers(attempt), "submit"))

    assert again["Location"] == url("result", attempt)
    attempt.refresh_from_db()
    assert attempt.score == 3
    assert Answer.objects.filter(attempt=attempt).count() == 3


def test_unanswered_questions_are_listed_before_submitting(client, quiz):
    attempt, _response = start(client, quiz)
    first_key = attempt.snapshot[0]["key"]
    answers = {first_key: [attempt.snapshot[0]["choices"][0]["token"]]}

    response = client.post(url("take", attempt), form_data(attempt, answers, "submit"))

    assert response.status_code == 200
    html = html_of(response)
    assert 'href="#question-2"' in html and 'href="#question-3"' in html
    assert 'href="#question-1"' not in html
    assert 'value="confirm"' in html
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS
    assert attempt.draft[first_key] == [attempt.snapshot[0]["choices"][0]["id"]]  # kept meanwhile
    assert checked_values(html) == [str(answers[first_key][0])]


def test_submit_anyway_scores_unanswered_questions_as_wrong(client, quiz):
    attempt, _response = start(client, quiz)
    right = factories.right_answers(attempt)
    first_key = attempt.snapshot[0]["key"]

    response = client.post(url("take", attempt), form_data(attempt, {first_key: right[first_key]}, "confirm"))

    assert response["Location"] == url("result", attempt)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.score == 1 and attempt.max_score == 3
    unanswered = Answer.objects.filter(attempt=attempt, position__in=[2, 3])
    assert [answer.is_correct for answer in unanswered] == [False, False]
    assert [answer.chosen for answer in unanswered] == [[], []]


def test_a_late_submission_is_refused_and_closes_the_attempt(client, quiz, settings):
    attempt, _response = start(client, quiz)
    late = timezone.now() - timedelta(seconds=settings.QUIZ_DEADLINE_GRACE_SECONDS + 5)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=late)

    response = client.post(
        url("take", attempt), form_data(attempt, factories.right_answers(attempt), "confirm")
    )

    assert response.status_code == 409
    html = html_of(response)
    assert url("result", attempt) in html and quiz.url in html
    assert "quizzes/time_up.html" in [template.name for template in response.templates]
    assert zh("The attempt is now closed and counts as one of your attempts.") in html
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED and attempt.score is None and attempt.passed is False
    assert not Answer.objects.filter(attempt=attempt).exists()
    assert quiz_attempts.attempts_used(quiz.translation_key, Owner(guest_token=attempt.guest_token)) == 1


def test_a_late_autosave_is_refused(client, quiz, settings):
    attempt, _response = start(client, quiz)
    late = timezone.now() - timedelta(seconds=settings.QUIZ_DEADLINE_GRACE_SECONDS + 5)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=late)

    response = client.post(url("save", attempt), form_data(attempt, first_choice_tokens(attempt)))

    assert response.status_code == 409
    assert response.json()["saved"] is False and response.json()["error"]
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED and attempt.draft == {}


def test_opening_an_overdue_attempt_says_time_ran_out(client, quiz, settings):
    attempt, _response = start(client, quiz)
    late = timezone.now() - timedelta(seconds=settings.QUIZ_DEADLINE_GRACE_SECONDS + 5)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=late)

    response = client.get(url("take", attempt))

    assert response.status_code == 200
    assert url("result", attempt) in html_of(response)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED


def test_a_submission_within_the_grace_is_scored(client, quiz):
    attempt, _response = start(client, quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=5))

    response = client.post(
        url("take", attempt), form_data(attempt, factories.right_answers(attempt), "submit")
    )

    assert response["Location"] == url("result", attempt)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED and attempt.score == 3


# Tampered answers: a message, nothing changed


def tampered_forms(attempt):
    single = next(question for question in attempt.snapshot if question["kind"] == "single")
    other = next(question for question in attempt.snapshot if question["key"] != single["key"])
    return {
        "another question's choice": {f"q-{single['key']}": [other["choices"][0]["token"]]},
        "not a token": {f"q-{single['key']}": ["abc"]},
        "the choice's id instead of its token": {f"q-{single['key']}": [str(single["choices"][0]["id"])]},
        "two answers to a one-answer question": {
            f"q-{single['key']}": [single["choices"][0]["token"], single["choices"][1]["token"]]
        },
        "a question the attempt lacks": {"q-00000000-0000-0000-0000-000000000000": ["1"]},
    }


@pytest.mark.parametrize(
    "case",
    [
        "another question's choice",
        "not a token",
        "the choice's id instead of its token",
        "two answers to a one-answer question",
        "a question the attempt lacks",
    ],
)
@pytest.mark.parametrize("action", ["save", "submit", "confirm"])
def test_tampered_answers_are_refused_with_a_message_and_change_nothing(client, quiz, case, action):
    attempt, _response = start(client, quiz)
    saved = first_choice_tokens(attempt)
    client.post(url("save", attempt), form_data(attempt, saved))

    response = client.post(url("take", attempt), tampered_forms(attempt)[case] | {"action": action})

    assert response.status_code == 400
    html = html_of(response)
    assert 'role="alert"' in html
    messages = [
        zh("That answer is not one of this question's choices."),
        zh("Choose only one answer for this question."),
    ]
    assert any(escape(message) in html for message in messages)
    attempt.refresh_from_db()
    assert attempt.draft == first_choice_ids(attempt)
    assert attempt.status == Attempt.Status.IN_PROGRESS
    assert checked_values(html) == [tokens[0] for tokens in saved.values()]


@pytest.mark.parametrize(
    "case",
    [
        "another question's choice",
        "not a token",
        "the choice's id instead of its token",
        "two answers to a one-answer question",
    ],
)
def test_tampered_autosave_is_refused(client, quiz, case):
    attempt, _response = start(client, quiz)

    response = client.post(url("save", attempt), tampered_forms(attempt)[case])

    assert response.status_code == 400
    assert response.json()["saved"] is False and response.json()["error"]
    attempt.refresh_from_db()
    assert attempt.draft == {}


# Someone else's attempt: 404, nothing changed


@pytest.fixture
def someone_elses(client, quiz, make_user):
    from django.test import Client

    owner = Client()
    owner.force_login(make_user())
    attempt, _response = start(owner, quiz)
    return attempt


@pytest.fixture
def another_guests(quiz):
    from django.test import Client

    attempt, _response = start(Client(), quiz)
    return attempt


@pytest.mark.parametrize("whose", ["someone_elses", "another_guests"])
@pytest.mark.parametrize("visitor", ["guest", "guest with own attempt", "signed in"])
def test_someone_elses_attempt_answers_404(request, client, quiz, make_user, whose, visitor):
    attempt = request.getfixturevalue(whose)
    if visitor == "guest with own attempt":
        start(client, quiz)
    elif visitor == "signed in":
        client.force_login(make_user())
    answers = factories.right_answers(attempt)

    responses = [
        client.get(url("take", attempt)),
        client.post(url("take", attempt), form_data(attempt, answers, "confirm")),
        client.post(url("take", attempt), form_data(attempt, answers, "save")),
        client.post(url("save", attempt), form_data(attempt, answers)),
    ]

    assert [response.status_code for response in responses] == [404] * 4
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS and attempt.draft == {}


def test_an_unknown_attempt_answers_404(client, quiz):
    start(client, quiz)

    assert (
        client.get(reverse("quizzes:take", args=["00000000-0000-0000-0000-000000000000"])).status_code == 404
    )


# The quiz index


def test_the_quiz_index_lists_its_live_quizzes_with_their_facts(client, index, home_en):
    fixed = factories.QuizPageFactory(
        parent=index, questions=make_questions(4), title="固定题目测验", time_limit_minutes=5
    )
    retired = factories.QuestionFactory(is_retired=True)
    fixed.fixed_questions.create(question=retired, sort_order=9)
    drawn = factories.QuizPageFactory(
        parent=index,
        topics=[factories.TopicFactory()],
        selection="random",
        draw_count=7,
        title="随机抽题测验",
    )
    draft = factories.QuizPageFactory(parent=index, questions=make_questions(1), title="草稿测验")
    draft.unpublish()
    english = factories.QuizIndexPageFactory(parent=home_en, slug="quizzes-en", title="Quizzes")
    factories.QuizPageFactory(parent=english, questions=make_questions(1), title="English quiz")

    response = client.get(index.url)

    assert response.status_code == 200
    cards = {card.page.title: card for card in response.context["cards"]}
    assert set(cards) == {fixed.title, drawn.title}
    assert cards[fixed.title].question_count == 4
    assert cards[drawn.title].question_count == 7
    html = html_of(response)
    assert fixed.url in html and drawn.url in html
    assert "五分钟测一测。" in html


# Bounded queries


def bulk_past_attempts(quiz, user, count, guest_token=""):
    template = factories.AttemptFactory(quiz=quiz, user=user, guest_token=guest_token, answers="wrong")
    Attempt.objects.bulk_create(
        Attempt(
            quiz_key=template.quiz_key,
            quiz_page=quiz,
            quiz_title=template.quiz_title,
            language=template.language,
            user=user,
            guest_token=guest_token,
            number=template.number + offset,
            status=Attempt.Status.SUBMITTED,
            started_at=template.started_at - timedelta(days=offset),
            submitted_at=template.submitted_at - timedelta(days=offset),
            snapshot=template.snapshot,
            pass_mark=template.pass_mark,
            review=template.review,
            score=0,
            max_score=template.max_score,
            percent=0,
            passed=False,
        )
        for offset in range(1, count)
    )


def count_queries(call):
    with CaptureQueriesContext(connection) as queries:
        response = call()
    assert response.status_code in (200, 302), response.status_code
    return len(queries)


def measure(client, quiz):
    """Queries of the quiz page, the answer sheet and the submission (a warm site: menus cached)."""
    client.get(quiz.url)
    figures = {"quiz page": count_queries(lambda: client.get(quiz.url))}
    attempt, _response = start(client, quiz)
    client.get(url("take", attempt))
    figures["take page"] = count_queries(lambda: client.get(url("take", attempt)))
    answers = factories.right_answers(attempt)
    figures["autosave"] = count_queries(
        lambda: client.post(url("save", attempt), form_data(attempt, answers))
    )
    figures["submit"] = count_queries(
        lambda: client.post(url("take", attempt), form_data(attempt, answers, "submit"))
    )
    return figures


@pytest.mark.parametrize(("questions", "past"), [(5, 0), (40, 200)])
def test_a_guest_takes_a_quiz_in_bounded_queries(client, index, questions, past, capsys):
    quiz = factories.QuizPageFactory(
        parent=index, questions=make_questions(questions), time_limit_minutes=30, attempts_allowed=500
    )
    if past:
        client.post(start_url(quiz))  # the guest token this browser keeps
        attempt = Attempt.objects.get()
        attempt.delete()
        bulk_past_attempts(quiz, None, past, guest_token=client.cookies[GUEST_COOKIE].value)
        for _number in range(20):  # and other people's
            factories.AttemptFactory(quiz=quiz, guest_token=f"other-{_number}", answers="right")

    figures = measure(client, quiz)

    with capsys.disabled():
        print(f"\nguest, {questions} questions, {past} past attempts: {figures}")
    assert all(count <= QUERY_BUDGET for count in figures.values()), figures


@pytest.mark.parametrize(("questions", "past"), [(5, 0), (40, 200)])
def test_a_signed_in_person_takes_a_quiz_in_bounded_queries(
    client, index, make_user, questions, past, capsys
):
    quiz = factories.QuizPageFactory(
        parent=index, questions=make_questions(questions), time_limit_minutes=30, attempts_allowed=500
    )
    user = make_user()
    client.force_login(user)
    if past:
        bulk_past_attempts(quiz, user, past)
        for _number in range(20):  # and other people's
            factories.AttemptFactory(quiz=quiz, user=make_user(), answers="right")

    figures = measure(client, quiz)

    with capsys.disabled():
        print(f"\nsigned in, {questions} questions, {past} past attempts: {figures}")
    assert all(count <= QUERY_BUDGET for count in figures.values()), figures


def test_the_query_counts_do_not_grow_with_questions_or_past_attempts(client, index, make_user):
    small = factories.QuizPageFactory(parent=index, questions=make_questions(5), time_limit_minutes=30)
    large = factories.QuizPageFactory(parent=index, questions=make_questions(40), time_limit_minutes=30)
    user = make_user()
    client.force_login(user)
    bulk_past_attempts(large, user, 200)

    assert measure(client, small) == measure(client, large)


def test_the_quiz_index_runs_in_bounded_queries(client, index, django_assert_max_num_queries):
    for _number in range(15):
        factories.QuizPageFactory(parent=index, questions=make_questions(2))
    client.get(index.url)

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(index.url)

    assert len(response.context["cards"]) == 12


def test_retiring_a_question_changes_the_count_on_the_quiz_page_at_once(client, index):
    questions = make_questions(3)
    fixed = factories.QuizPageFactory(parent=index, questions=questions)
    assert client.get(fixed.url).context["question_count"] == 3

    questions[0].is_retired = True
    questions[0].save()

    assert client.get(fixed.url).context["question_count"] == 2


def test_the_index_routes_to_live_quizzes_only(client, index, quiz):
    assert client.get(quiz.url).status_code == 200
    assert client.get(quiz.url + quiz.reverse_subpage("start")).status_code == 302
    assert client.get(index.url + "no-such-quiz/").status_code == 404
    url = quiz.url
    quiz.unpublish()
    assert client.get(url).status_code == 404
