"""Every public quiz teaches: the demo's awareness quizzes show the right answers and explanations, with
the article to read named in its link; the index says which quizzes need signing in; what a person sees
of their attempts comes in their language where the quiz has a live copy in it."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from home.demo import load_demo_data
from home.models import ArticlePage, ContentIndexPage
from quizzes.demo import seed_quizzes
from quizzes.models import Attempt, QuizIndexPage, QuizPage
from quizzes.visitors import GUEST_SESSION_KEY
from tests.factories import publish
from tests.quizzes.factories import (
    AttemptFactory,
    QuestionFactory,
    QuizIndexPageFactory,
    QuizPageFactory,
    translate,
)

pytestmark = pytest.mark.django_db


def start_url(quiz):
    return quiz.url + quiz.reverse_subpage("start")


def take_url(attempt):
    with translation.override(attempt.language):
        return reverse("quizzes:take", args=[attempt.public_id])


def result_url(attempt, language="zh-hans"):
    with translation.override(language):
        return reverse("quizzes:result", args=[attempt.public_id])


def wrong_sheet(attempt):
    """The answer sheet with a wrong choice ticked for every question."""
    data = {
        f"q-{question['key']}": [next(c["token"] for c in question["choices"] if not c["correct"])]
        for question in attempt.snapshot
    }
    return data | {"action": "submit", "confirm": "1"}


def as_guest(client, token):
    session = client.session
    session[GUEST_SESSION_KEY] = token
    session.save()
    return client


@pytest.fixture
def seeded(home_zh, home_en):
    seed_quizzes(io.StringIO())


# The demo's public quizzes teach


@pytest.mark.parametrize("slug", ["fraud-and-personal-safety", "consular-protection-basics"])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_demo_quiz_shows_the_explanation_and_the_article_for_every_wrong_answer(
    client, seeded, slug, language
):
    quiz = QuizPage.objects.live().get(slug=slug, locale__language_code=language)
    assert quiz.attempts_allowed == 0 and quiz.who_may_take == QuizPage.WhoMayTake.ANYONE

    assert client.post(start_url(quiz)).status_code == 302
    attempt = Attempt.objects.order_by("-pk").first()
    response = client.post(take_url(attempt), wrong_sheet(attempt), follow=True)

    html = response.content.decode()
    review = html[html.index('id="review-heading"') :]
    assert review.count("quiz-review__item--wrong") == len(attempt.snapshot)
    for question in attempt.snapshot:
        assert question["explanation"] and escape(question["explanation"]) in review
    assert review.count("quiz-review__explanation") == len(attempt.snapshot)
    assert review.count("quiz-review__choice--correct") >= len(attempt.snapshot)
    read = "阅读：" if language == "zh-hans" else "Read: "
    assert review.count('class="quiz-review__read') == len(attempt.snapshot)
    assert review.count(read) == len(attempt.snapshot)


def test_every_demo_question_has_an_explanation_and_an_article_in_both_languages():
    for question in load_demo_data("quizzes", "questions"):
        assert question["learn_more"], question["slug"]
        assert question["zh-hans"]["explanation"] and question["en"]["explanation"], question["slug"]


def test_the_demo_awareness_quizzes_show_answers_and_allow_unlimited_attempts():
    for spec in load_demo_data("quizzes", "quizzes")["quizzes"]:
        if spec["rules"]["who_may_take"] == "anyone":
            assert spec["rules"]["review"] == "answers" and spec["rules"]["attempts_allowed"] == 0


def test_seed_demo_brings_an_earlier_demo_quiz_up_to_date_once(seeded, zh, en):
    spec = next(
        s for s in load_demo_data("quizzes", "quizzes")["quizzes"] if s["slug"] == "fraud-and-personal-safety"
    )
    copies = QuizPage.objects.filter(slug="fraud-and-personal-safety")
    for copy_ in copies.select_related("locale"):  # as the earlier demo made it
        copy_.review = "wrong"
        copy_.intro = spec["replaces"][copy_.locale.language_code]["intro"]
        copy_.save_revision().publish()

    seed_quizzes(io.StringIO())

    for copy_ in copies.select_related("locale"):
        assert copy_.review == "answers" and copy_.live and not copy_.has_unpublished_changes
        assert copy_.intro == spec[copy_.locale.language_code]["intro"]
    revisions = [copy_.latest_revision_id for copy_ in copies]
    seed_quizzes(io.StringIO())
    assert [copy_.latest_revision_id for copy_ in copies] == revisions


def test_seed_demo_keeps_an_editors_choice_of_review(seeded, zh):
    page = QuizPage.objects.get(slug="fraud-and-personal-safety", locale=zh)
    page.review = "score"
    page.intro = "<p>编辑改写的说明。</p>"
    page.save_revision().publish()

    seed_quizzes(io.StringIO())

    page.refresh_from_db()
    assert page.review == "score" and page.intro == "<p>编辑改写的说明。</p>"


# The "learn more" link names the article


@pytest.fixture
def index(home_zh):
    return QuizIndexPageFactory(parent=home_zh)


@pytest.fixture
def article(home_zh):
    knowledge = publish(home_zh, ContentIndexPage(title="安全知识", slug="knowledge-test"))
    body = [("paragraph", "<p>先报警，再联系使领馆。</p>")]
    return publish(
        knowledge, ArticlePage(title="护照丢失怎么办", slug="lost-passport", summary="补办证件", body=body)
    )


@pytest.mark.parametrize("review", ["answers", "when-done"])
def test_the_link_to_read_names_the_article(client, index, article, review):
    quiz = QuizPageFactory(
        parent=index, questions=[QuestionFactory(learn_more_page=article)], review=review, attempts_allowed=3
    )
    attempt = AttemptFactory(quiz=quiz, answers="wrong", guest_token="reader")

    html = as_guest(client, "reader").get(result_url(attempt)).content.decode()

    assert f'<a href="{article.url}">阅读：护照丢失怎么办</a>' in html
    assert "了解更多" not in html and "第 1 题）" not in html


def test_an_english_reader_is_sent_to_the_english_article_named_in_english(client, index, article, en):
    article_en = translate(article, title="Lost your passport?")
    quiz = QuizPageFactory(
        parent=index, questions=[QuestionFactory(learn_more_page=article)], review="answers"
    )
    attempt = AttemptFactory(quiz=quiz, answers="wrong", guest_token="reader")

    html = as_guest(client, "reader").get(result_url(attempt, "en")).content.decode()

    assert f'<a href="{article_en.url}">Read: Lost your passport?</a>' in html


# The index says which quizzes need signing in


@pytest.mark.parametrize(("language", "badge"), [("zh-hans", "需登录"), ("en", "Sign-in required")])
def test_the_quiz_index_marks_the_quizzes_that_need_signing_in(client, index, language, badge):
    quizzes = [
        QuizPageFactory(parent=index, title="公开测验", questions=[QuestionFactory()]),
        QuizPageFactory(
            parent=index, title="学员测验", questions=[QuestionFactory()], who_may_take="signed-in"
        ),
    ]
    if language == "en":
        for quiz in quizzes:
            translate(quiz, title=f"EN {quiz.title}")  # its index is translated with the first
        index = QuizIndexPage.objects.get(translation_key=index.translation_key, locale__language_code="en")

    html = client.get(index.url).content.decode()

    assert html.count(badge) == 1
    signed_in_card = html[html.index("学员测验") :]
    assert signed_in_card.index(badge) < signed_in_card.index("</article>")


# Records in the reader's language


@pytest.fixture
def person(make_user):
    return make_user(name="李雷")


@pytest.fixture
def quiz_in_both(index):
    quiz = QuizPageFactory(parent=index, title="出行安全测验", questions=[QuestionFactory()])
    translate(quiz, title="Travel safety quiz")
    return quiz


def my_quizzes_url(language):
    with translation.override(language):
        return reverse("quizzes:my_quizzes")


def test_english_my_quizzes_shows_the_english_title_of_a_quiz_taken_in_chinese(client, person, quiz_in_both):
    AttemptFactory(quiz=quiz_in_both, user=person, answers="right")
    client.force_login(person)

    english = client.get(my_quizzes_url("en")).content.decode()
    chinese = client.get(my_quizzes_url("zh-hans")).content.decode()

    assert 'lang="en">Travel safety quiz</a>' in english and "出行安全测验" not in english
    assert 'lang="zh-hans">出行安全测验</a>' in chinese
    assert "Travel safety quiz" in client.get("/en/my/").content.decode()


def test_the_result_page_shows_the_title_in_the_readers_language(client, person, quiz_in_both):
    attempt = AttemptFactory(quiz=quiz_in_both, user=person, answers="right")
    client.force_login(person)

    html = client.get(result_url(attempt, "en")).content.decode()

    assert '<h1 class="h3" lang="en">Travel safety quiz</h1>' in html


def test_a_quiz_without_a_copy_in_the_readers_language_keeps_the_title_it_was_taken_under(
    client, person, index
):
    quiz = QuizPageFactory(parent=index, title="只有中文的测验", questions=[QuestionFactory()])
    AttemptFactory(quiz=quiz, user=person, answers="right")
    client.force_login(person)

    assert 'lang="zh-hans">只有中文的测验</a>' in client.get(my_quizzes_url("en")).content.decode()


@pytest.mark.parametrize("path", ["my-quizzes", "my-portal"])
def test_titles_in_the_readers_language_cost_the_same_queries_at_3_and_30_attempts(
    client, person, quiz_in_both, index, path, django_assert_max_num_queries
):
    client.force_login(person)
    url = my_quizzes_url("en") if path == "my-quizzes" else "/en/my/"
    counts = []
    AttemptFactory(quiz=quiz_in_both, user=person, answers="right")
    made = 1
    for total in (3, 30):
        while made < total:  # each attempt at a quiz of its own, with an English copy
            quiz = QuizPageFactory(parent=index, questions=[QuestionFactory()])
            translate(quiz, title=f"Quiz {made}")
            AttemptFactory(quiz=quiz, user=person, answers="right")
            made += 1
        client.get(url)
        with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
