"""A quiz result in Chromium at 360 px, in Chinese and English: answers with explanations and some wrong
answers, no serious axe violations and no horizontal scroll."""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from django.utils import translation

from home.models import HomePage, StandardPage
from quizzes.attempts import submit_attempt
from quizzes.visitors import GUEST_SESSION_KEY
from tests.browser.test_accessibility import blocking_violations
from tests.browser.test_events import page_width
from tests.quizzes import factories

pytestmark = pytest.mark.browser

LANGUAGES = ["zh-hans", "en"]
NARROW = 360
TOKEN = "browser-guest-token"


def some_wrong(attempt):
    """Every other question right; the rest wrong (one left unanswered)."""
    answers = factories.right_answers(attempt)
    wrong = factories.wrong_answers(attempt)
    for number, question in enumerate(attempt.snapshot):
        if number % 2:
            answers[question["key"]] = wrong[question["key"]]
    answers.pop(attempt.snapshot[-1]["key"])
    return answers


@pytest.fixture
def result_paths(site_url, zh):
    """A result (review "answers") of a guest's attempt in each language, with a learn-more link."""
    home = HomePage.objects.get(locale=zh, depth=2)
    about = StandardPage.objects.child_of(home).get(slug="about")
    index = factories.QuizIndexPageFactory(parent=home, slug="quizzes-browser")
    factories.translate(index, title="Quizzes")
    bank = [
        factories.QuestionFactory(
            text="在国外护照丢失后，第一步应该做什么？请选择最合适的做法，越早越好。",
            explanation="先向当地警方报案并取得报案证明，再联系中国驻当地使领馆补办旅行证件。",
            learn_more_page=about,
            choices=[
                ("向当地警方报案并取得报案证明", True),
                ("立即购买回国机票，到机场再说", False),
                ("在社交媒体上求助陌生人", False),
            ],
        ),
        factories.QuestionFactory(
            kind="true-false", text="外交部全球领事保护与服务应急呼叫中心的号码是12308。"
        ),
        factories.QuestionFactory(kind="multiple", text="出国前应做好哪些准备？"),
        factories.QuestionFactory(text="遇到电信诈骗电话，正确的做法是？"),
    ]
    for question in bank:
        factories.translate_question(question)
    chinese = factories.QuizPageFactory(
        parent=index, questions=bank, review="answers", title="领事保护知识问答"
    )
    english = factories.translate(chinese, title="Consular protection quiz")
    paths = {}
    for language, quiz in (("zh-hans", chinese), ("en", english)):
        started = factories.AttemptFactory(quiz=quiz, guest_token=TOKEN, submit=False)
        attempt, _ = submit_attempt(started, some_wrong(started))
        with translation.override(language):
            paths[language] = reverse("quizzes:result", args=[attempt.public_id])
    return paths


@pytest.fixture
def guest_page(page_at, site_url):
    """A page whose browser holds the guest's session (as after taking the quiz there)."""

    def make(language):
        session = SessionStore()
        session[GUEST_SESSION_KEY] = TOKEN
        session.create()
        page = page_at(NARROW, language)
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": site_url}]
        )
        return page

    return make


def open_result(guest_page, path, language):
    page = guest_page(language)
    response = page.goto(path)
    assert response is not None and response.ok, f"{path} answered {response and response.status}"
    page.wait_for_load_state("load")
    assert page.locator(".quiz-review__item").count() == 4
    return page


@pytest.mark.parametrize("language", LANGUAGES)
def test_result_page_has_no_serious_axe_violations_at_360px(guest_page, result_paths, language):
    path = result_paths[language]
    page = open_result(guest_page, path, language)
    blocking, summary = blocking_violations(page)
    assert blocking == [], f"axe found serious/critical violations on {path} at 360px:\n{summary}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_result_page_has_no_horizontal_scroll_at_360px(guest_page, result_paths, language):
    page = open_result(guest_page, result_paths[language], language)
    scroll_width, wide = page_width(page)
    assert scroll_width <= NARROW, (
        f"the result is {scroll_width}px wide at 360px; wider than the viewport: {wide}"
    )
