"""A manager's journey in Chromium, in Chinese, at 1280 px and at 360 px: sign in, upload a member list,
confirm it, assign a course with a due date, and see the dashboard with its completion charts and the
member progress list. axe finds no serious or critical violation on any of those pages, and none of them
scrolls sideways at 360 px."""

import datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from home.models import HomePage
from organizations.models import Assignment, Membership
from tests.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.browser.test_accessibility import blocking_violations
from tests.browser.test_events import page_width
from tests.organizations import factories as f
from tests.training import factories as tf
from training.completion import beijing_today
from training.models import Enrolment

pytestmark = pytest.mark.browser


def zh(text):
    with translation.override("zh-hans"):
        return gettext(text)


@pytest.fixture
def course(site_url, zh):
    home = HomePage.objects.get(locale=zh, depth=2)
    index = tf.CourseIndexPageFactory(parent=home, slug="courses-organisation-journey")
    return tf.CoursePageFactory(
        parent=index, final_quiz=tf.final_quiz(home), lessons=1, title="外派员工行前安全课"
    )


@pytest.fixture
def manager(site_url):
    organization = f.OrganizationFactory(name="海通贸易有限公司")
    return f.manager_of(organization, user=UserFactory(email="hr@example.org", name="王经理")).user


def check(page, what, width):
    page.wait_for_load_state("load")
    blocking, summary = blocking_violations(page)
    assert blocking == [], f"axe found serious/critical violations on {what} at {width}px:\n{summary}"
    scroll_width, wide = page_width(page)
    assert scroll_width <= width, f"{what} is {scroll_width}px wide at {width}px: {wide}"


def submit(page, selector):
    with page.expect_navigation():
        page.locator(selector).first.click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("width", [1280, 360])
def test_a_manager_uploads_confirms_assigns_and_sees_the_dashboard(page_at, course, manager, tmp_path, width):
    organization = manager.memberships.get().organization
    colleagues = [
        UserFactory(email="li.lei@example.org", name="李雷"),
        UserFactory(email="han.meimei@example.org", name="韩梅梅"),
    ]
    members_file = tmp_path / "members.csv"
    members_file.write_text(
        "姓名,邮箱,分组\n李雷,li.lei@example.org,销售部\n韩梅梅,han.meimei@example.org,技术部\n"
        "张伟,zhang.wei@example.org,技术部\n",
        encoding="utf-8-sig",
    )
    page = page_at(width, "zh-hans")
    base = f"/zh-hans/my/organisations/{organization.pk}/"

    # Sign in and open the upload page.
    page.goto(f"/zh-hans/accounts/login/?next={base}members/upload/")
    page.fill("input[name=login]", manager.email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    submit(page, "main form button[type=submit]")
    assert page.url.endswith(f"{base}members/upload/"), page.url
    check(page, "the upload page", width)

    # Upload the file: a preview with an outcome for every row, then confirm.
    page.set_input_files("input[type=file]", str(members_file))
    submit(page, "main form button[type=submit]")
    assert "/members/upload/" in page.url and page.url.rstrip("/").split("/")[-1].isdigit(), page.url
    main = page.inner_text("main")
    assert "李雷" in main and "张伟" in main
    check(page, "the upload preview", width)
    submit(page, "main form button[name=action][value=confirm]")
    current = Membership.objects.current().filter(organization=organization)
    assert set(current.values_list("user", flat=True)) >= {user.pk for user in colleagues}
    assert not Membership.objects.filter(
        organization=organization, email="zhang.wei@example.org", user__isnull=False
    )

    # Assign the course, due in two weeks (a Beijing date).
    page.goto(f"{base}assignments/new/")
    check(page, "the assignment form", width)
    page.select_option("select[name=target]", f"course:{course.translation_key}")
    page.fill("input[name=due_on]", (beijing_today() + datetime.timedelta(days=14)).isoformat())
    submit(page, f"main form button:has-text('{zh('Assign')}')")
    assignment = Assignment.objects.get(organization=organization)
    enrolled = set(Enrolment.objects.filter(course_key=course.translation_key).values_list("user", flat=True))
    assert {user.pk for user in colleagues} <= enrolled

    # The dashboard: the assignment, its chart, the remind button.
    assert page.url.endswith(base), page.url
    expect(page.locator("main h1")).to_have_text(organization.name)
    main = page.inner_text("main")
    assert course.title in main and zh("Completion per assignment") in page.content()
    assert page.locator("main svg[role=img]").count() == 2
    expect(page.locator(f"main button:has-text('{zh('Remind everyone not yet complete')}')")).to_be_visible()
    check(page, "the dashboard", width)

    # Member progress for the assignment.
    page.goto(f"{base}progress/?assignment={assignment.pk}")
    main = page.inner_text("main")
    assert "李雷" in main and "韩梅梅" in main and zh("Not started") in main
    check(page, "member progress", width)
