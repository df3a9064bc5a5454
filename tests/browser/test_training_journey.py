"""A learner's journey in Chromium, in Chinese, at 360 px: sign in, open a course, enrol, mark the lessons
done, pass the final quiz, see the completion on "My learning" and download the certificate PDF; axe
finds no serious or critical violation on the course, lesson and "My learning" pages."""

from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from home.models import HomePage
from quizzes.models import Attempt
from tests.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.browser.test_accessibility import blocking_violations
from tests.browser.test_events import page_width
from tests.quizzes import factories as quiz_factories
from tests.training import factories as f
from training.models import Certificate, Completion, LessonPage

pytestmark = pytest.mark.browser

NARROW = 360


def zh(text):
    with translation.override("zh-hans"):
        return gettext(text)


@pytest.fixture
def course(site_url, zh):
    """A demo-like course: two required lessons and a final quiz of one single-choice and one
    true/false question (the right choice first)."""
    home = HomePage.objects.get(locale=zh, depth=2)
    index = f.CourseIndexPageFactory(parent=home, slug="courses-journey")
    quiz_index = quiz_factories.QuizIndexPageFactory(parent=home, slug="quizzes-journey")
    questions = [
        quiz_factories.QuestionFactory(text="在国外护照丢失后，第一步应该做什么？"),
        quiz_factories.QuestionFactory(kind="true-false", text="领事保护应急呼叫中心的电话是 12308。"),
    ]
    quiz = quiz_factories.QuizPageFactory(parent=quiz_index, questions=questions, title="行前安全结业测验")
    return f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=2, title="留学生行前安全课")


@pytest.fixture
def learner(site_url):
    return UserFactory(email="xiaoming@example.org", name="王小明")


def check_page(page, what):
    blocking, summary = blocking_violations(page)
    assert blocking == [], f"axe found serious/critical violations on {what} at 360px:\n{summary}"
    scroll_width, wide = page_width(page)
    assert scroll_width <= NARROW, f"{what} is {scroll_width}px wide at 360px: {wide}"


def submit(page, selector):
    with page.expect_navigation():
        page.locator(selector).click()
    page.wait_for_load_state("load")


def test_a_learner_enrols_completes_and_downloads_the_certificate_at_360px(page_at, course, learner):
    page = page_at(NARROW, "zh-hans")

    # Sign in.
    page.goto(f"/zh-hans/accounts/login/?next={course.url}")
    page.fill("input[name=login]", learner.email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    submit(page, "main form button[type=submit]")
    assert page.url.endswith(course.url), page.url

    # The course page: enrol.
    expect(page.locator("main h1")).to_have_text(course.title)
    check_page(page, "the course page")
    submit(page, f"main form button:has-text('{zh('Enrol on this course')}')")

    # Each lesson: read it, mark it done.
    lessons = list(LessonPage.objects.child_of(course).order_by("path"))
    for number, lesson in enumerate(lessons):
        response = page.goto(lesson.url)
        assert response is not None and response.ok
        if number == 0:
            check_page(page, "a lesson page")
        submit(page, f"main form button:has-text('{zh('Mark as done')}')")
    assert not Completion.objects.exists()  # the final quiz is still to pass

    # The final quiz: start, the right answers, submit.
    quiz = course.final_quiz
    page.goto(quiz.url)
    submit(page, 'main form button[type="submit"]')
    page.locator("label[for=q1-c1]").click()
    page.locator("label[for=q2-c1]").click()
    submit(page, 'button[name="action"][value="submit"]')
    attempt = Attempt.objects.get(user=learner)
    assert attempt.status == Attempt.Status.SUBMITTED and attempt.passed

    # My learning: the completion and its certificate.
    page.goto("/zh-hans/my/learning/")
    main = page.inner_text("main")
    assert course.title in main and zh("Completed") in main
    certificate = Certificate.objects.get(completion__user=learner)
    assert certificate.display_code in main
    check_page(page, "My learning")
    with page.expect_download() as download_info:
        page.locator(f"main a[href$='/my/certificates/{certificate.pk}/download/']").first.click()
    assert Path(download_info.value.path()).read_bytes()[:4] == b"%PDF"
