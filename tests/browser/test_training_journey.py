"""A learner's journey in Chromium, in Chinese, at 360 px: sign in, open a course, enrol, mark the lessons
done, pass the final quiz, see the completion on "My learning" and download the certificate PDF; axe
finds no serious or critical violation on the course, lesson and "My learning" pages. Then a trip: entered
on "My learning", warned of, its safety alerts taken with one click."""

import datetime
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
DAY = datetime.timedelta(days=1)


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


def test_a_learner_enters_a_trip_to_a_risky_destination_and_takes_its_alerts_at_360px(page_at, learner):
    from allauth.account.models import EmailAddress

    from destinations.levels import RiskLevel
    from destinations.models import Destination, FollowedDestination
    from training.completion import beijing_today

    Destination.objects.update_or_create(
        country="ML", defaults={"region": "africa", "risk_level": RiskLevel.DO_NOT_TRAVEL}
    )
    EmailAddress.objects.create(user=learner, email=learner.email, verified=True, primary=True)
    page = page_at(NARROW, "zh-hans")
    page.goto("/zh-hans/accounts/login/?next=/zh-hans/my/learning/")
    page.fill("input[name=login]", learner.email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    submit(page, "main form button[type=submit]")
    assert page.url.endswith("/zh-hans/my/learning/"), page.url

    departs, returns = beijing_today() + 14 * DAY, beijing_today() + 40 * DAY
    page.select_option("#add-id_destination", "ML")
    page.fill("#add-id_departs_on", departs.isoformat())
    page.fill("#add-id_returns_on", returns.isoformat())
    submit(page, f"main form button:has-text('{zh('Add trip')}')")
    main = page.inner_text("main")
    assert zh("Your trip was added.") in page.inner_text("body")
    assert "马里" in main and "暂勿前往" in main
    check_page(page, "My learning with a trip")

    submit(page, f"main form button:has-text('{zh('Email me safety alerts for this trip')}')")
    followed = FollowedDestination.objects.get(subscription__email=learner.email, destination__country="ML")
    assert followed.ends_on == returns + 7 * DAY
    assert zh("Email me safety alerts for this trip") not in page.inner_text("main")
    check_page(page, "My learning after taking the alerts")
