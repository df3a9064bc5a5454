"""Taking a quiz in Chromium on a 360 px screen, in Chinese: keyboard only, autosave and resume, no
horizontal scroll, no CSP errors, and axe on the quiz page and the answer sheet."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from home.models import HomePage
from quizzes.models import Attempt
from tests.browser.test_accessibility import blocking_violations
from tests.quizzes import factories

pytestmark = pytest.mark.browser

NARROW = 360
CSP_WORDS = ("content security policy", "refused to")
RESULT_URL = re.compile(r"/zh-hans/quizzes/results/[0-9a-f-]{36}/$")
TAKE_URL = re.compile(r"/zh-hans/quizzes/attempts/[0-9a-f-]{36}/$")


def zh(text):
    with translation.override("zh-hans"):
        return gettext(text)


@pytest.fixture
def quiz(site_url, zh):
    """A ten-minute quiz: one single-choice, one multiple-choice and one true/false question, the
    right choices first (choices are not shuffled)."""
    home = HomePage.objects.get(locale=zh, depth=2)
    index = factories.QuizIndexPageFactory(parent=home, slug="quizzes-browser")
    questions = [
        factories.QuestionFactory(text="在国外护照丢失后，第一步应该做什么？"),
        factories.QuestionFactory(kind="multiple", text="以下哪些是领事保护的内容？"),
        factories.QuestionFactory(kind="true-false", text="全球领事保护与服务应急呼叫中心的电话是 12308。"),
    ]
    return factories.QuizPageFactory(
        parent=index, questions=questions, title="领事保护知识问答", time_limit_minutes=10
    )


def open_page(page_at, path):
    page = page_at(NARROW, "zh-hans")
    page.problems = []
    page.on("console", lambda message: page.problems.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: page.problems.append(f"error: {error}"))
    response = page.goto(path)
    assert response is not None and response.ok, f"{path} answered {response and response.status}"
    page.wait_for_load_state("load")
    return page


def assert_fits_360px(page, what):
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))"""
    )
    assert scroll_width <= NARROW, (
        f"{what} is {scroll_width}px wide at 360px; wider than the viewport: {wide}"
    )


def assert_no_csp_problems(page):
    problems = [text for text in page.problems if any(word in text.lower() for word in CSP_WORDS)]
    problems += [text for text in page.problems if text.startswith("error:")]
    assert problems == [], "\n".join(problems)


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching `selector` has the focus (as a keyboard user would)."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def focused(page):
    return page.evaluate("document.activeElement.outerHTML.slice(0, 200)")


def start_from_quiz_page(page):
    with page.expect_navigation():
        page.locator('main form button[type="submit"]').click()
    expect(page).to_have_url(TAKE_URL)


def test_a_quiz_is_taken_with_the_keyboard_only_on_a_360px_screen_in_chinese(page_at, quiz):
    page = open_page(page_at, quiz.url)
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    expect(page.locator("main h1")).to_have_text(quiz.title)
    assert_fits_360px(page, "the quiz page")

    tab_to(page, 'main form button[type="submit"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(TAKE_URL)
    attempt = Attempt.objects.get()
    assert_fits_360px(page, "the answer sheet")
    expect(page.locator("[data-quiz-timer]")).to_be_visible()

    # Question 1 (one answer): into the group, pick the first, move with the arrows and back.
    tab_to(page, "#question-1 input")
    assert "q1-c1" in focused(page)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#q1-c2")).to_be_checked()
    page.keyboard.press("ArrowUp")
    expect(page.locator("#q1-c1")).to_be_checked()
    # Question 2 (several answers): the first two boxes.
    page.keyboard.press("Tab")
    assert "q2-c1" in focused(page), focused(page)
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator("#q2-c1")).to_be_checked()
    expect(page.locator("#q2-c2")).to_be_checked()
    # Question 3 (true or false): "true".
    tab_to(page, "#question-3 input")
    page.keyboard.press("Space")
    expect(page.locator("#q3-c1")).to_be_checked()

    # Each change was saved as it happened.
    expect(page.locator("[data-quiz-save-status]")).to_have_text(zh("Saved"))
    attempt.refresh_from_db()
    assert attempt.draft == factories.right_choice_ids(attempt)

    tab_to(page, 'button[name="action"][value="submit"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(RESULT_URL)
    assert str(attempt.public_id) in page.url
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED and attempt.score == 3
    assert_fits_360px(page, "the result page")
    assert_no_csp_problems(page)


def test_answers_are_ticked_again_after_a_reload(page_at, quiz):
    page = open_page(page_at, quiz.url)
    start_from_quiz_page(page)

    page.locator("label[for=q1-c2]").click()
    page.locator("label[for=q2-c3]").click()
    expect(page.locator("[data-quiz-save-status]")).to_have_text(zh("Saved"))
    page.reload()
    page.wait_for_load_state("load")

    expect(page.locator("#q1-c2")).to_be_checked()
    expect(page.locator("#q2-c3")).to_be_checked()
    expect(page.locator("#q3-c1")).not_to_be_checked()
    assert_no_csp_problems(page)


def test_submitting_with_unanswered_questions_lists_them_first(page_at, quiz):
    page = open_page(page_at, quiz.url)
    start_from_quiz_page(page)
    page.locator("label[for=q1-c1]").click()

    with page.expect_navigation():
        page.locator('button[name="action"][value="submit"]').click()

    alert = page.locator(".quiz-unanswered")
    expect(alert).to_be_visible()
    expect(alert.locator("a")).to_have_count(2)
    assert_fits_360px(page, "the answer sheet with its unanswered list")
    blocking, summary = blocking_violations(page)
    assert blocking == [], f"axe found serious/critical violations on the unanswered list:\n{summary}"
    with page.expect_navigation():
        alert.locator('button[value="confirm"]').click()
    expect(page).to_have_url(RESULT_URL)
    attempt = Attempt.objects.get()
    assert attempt.status == Attempt.Status.SUBMITTED and attempt.score == 1


def test_the_quiz_page_and_the_answer_sheet_have_no_serious_axe_violations(page_at, quiz):
    page = open_page(page_at, quiz.url)
    blocking, summary = blocking_violations(page)
    assert blocking == [], f"axe found serious/critical violations on the quiz page:\n{summary}"

    start_from_quiz_page(page)
    blocking, summary = blocking_violations(page)
    assert blocking == [], f"axe found serious/critical violations on the answer sheet:\n{summary}"
    assert_no_csp_problems(page)


def test_the_time_left_is_announced_now_and_then_and_the_sheet_is_sent_when_it_runs_out(page_at, quiz):
    from datetime import timedelta

    from django.utils import timezone

    page = open_page(page_at, quiz.url)
    start_from_quiz_page(page)
    attempt = Attempt.objects.get()
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=34))
    page.reload()
    page.locator("label[for=q1-c1]").click()
    announcer = page.locator("[data-quiz-announce]")
    expect(announcer).to_have_attribute("aria-live", "polite")
    expect(announcer).to_have_text("")  # nothing said while more than 30 seconds are left

    thirty = zh("%(count)s seconds left.") % {"count": 30}
    expect(announcer).to_have_text(thirty, timeout=15_000)
    page.wait_for_timeout(2_500)
    expect(announcer).to_have_text(thirty)  # not every second
    expect(page.locator("[data-quiz-timer]")).to_have_class(re.compile("quiz-timer--low"))

    # At zero the page sends the answers itself, within the server's grace.
    expect(page).to_have_url(RESULT_URL, timeout=45_000)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED and attempt.score == 1
    assert_no_csp_problems(page)
