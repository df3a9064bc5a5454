"""Staff screens: course completions per course, for holders of training.view_completions (Officers),
exported as XLSX and CSV through the shared export; others are refused."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.accounts.factories import UserFactory, staff_user
from tests.training import factories as f
from training.enrolment import enrol, mark_done
from training.models import Completion, CoursePage, LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(course, quiz):
    learner = UserFactory(name="李明", email="liming@example.org")
    enrol(learner, course)
    for lesson in LessonPage.objects.child_of(course):
        mark_done(learner, lesson, course)
    f.pass_quiz(quiz, learner)
    enrol(UserFactory(name="王芳"), course)
    return Completion.objects.get()


def test_officers_hold_the_training_permissions(db):
    officer = staff_user(group="Officers")
    assert officer.has_perm("training.view_completions") and officer.has_perm("training.revoke_certificate")


def test_the_report_lists_courses_with_counts(client, course, completed):
    client.force_login(staff_user(group="Officers"))
    response = client.get(reverse("training_completion_report"))
    html = response.content.decode()
    assert response.status_code == 200 and course.title in html
    assert reverse("training_completions", args=[course.translation_key]) in html


def test_a_courses_completions_are_listed_and_exported(client, course, completed):
    client.force_login(staff_user(group="Officers"))
    url = reverse("training_completions", args=[course.translation_key])
    html = client.get(url).content.decode()
    assert "李明" in html and "liming@example.org" in html and "王芳" not in html
    response = client.get(url, {"export": "xlsx"})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[1][0] == "李明" and rows[1][1] == "liming@example.org"
    csv = b"".join(client.get(url, {"export": "csv"}).streaming_content).decode("utf-8")
    assert csv.startswith("\ufeff") and "liming@example.org" in csv


def test_completions_stay_listed_after_the_course_page_is_deleted(client, course, completed):
    title = course.title
    CoursePage.objects.get(pk=course.pk).delete()
    client.force_login(staff_user(group="Officers"))
    html = client.get(reverse("training_completions", args=[completed.course_key])).content.decode()
    assert "李明" in html and title in html


def test_an_unknown_course_is_404(client, db):
    import uuid

    client.force_login(staff_user(group="Officers"))
    url = reverse("training_completions", args=[uuid.uuid4()])
    assert client.get(url, follow=True).status_code == 404


def test_staff_without_the_permission_are_refused(client, course, completed):
    client.force_login(staff_user(group="Editors"))
    for url in (
        reverse("training_completion_report"),
        reverse("training_completions", args=[course.translation_key]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "liming@example.org" not in response.content.decode()


def test_the_menu_shows_completions_to_officers_only(client, course):
    client.force_login(staff_user(group="Officers"))
    assert reverse("training_completion_report") in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(staff_user(group="Editors"))
    assert (
        reverse("training_completion_report") not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
