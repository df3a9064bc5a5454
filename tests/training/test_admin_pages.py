"""Editors build courses in the Wagtail admin: the course and lesson forms open, a course is created
with its rules, and one whose completions expire is refused an attempt-limited final quiz."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.accounts.factories import UserFactory
from tests.training import factories as f
from training.models import CoursePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True, preferred_language="en"))
    return client


def test_the_course_and_lesson_forms_open(admin_client, index, course):
    add_course = reverse("wagtailadmin_pages:add", args=["training", "coursepage", index.pk])
    add_lesson = reverse("wagtailadmin_pages:add", args=["training", "lessonpage", course.pk])
    for url in (add_course, add_lesson, reverse("wagtailadmin_pages:edit", args=[course.pk])):
        assert admin_client.get(url, follow=True).status_code == 200


def course_form(quiz, validity=""):
    return nested_form_data(
        {
            "title": "外派员工行前课",
            "slug": "posted-abroad",
            "summary": "派驻海外前必修。",
            "description": rich_text("<p>课程说明。</p>"),
            "estimated_minutes": "45",
            "final_quiz": quiz.pk,
            "validity_months": validity,
            "enrolment_open": "on",
            "required_events": inline_formset([]),
        }
    )


def test_an_editor_creates_a_course(admin_client, index, quiz):
    url = reverse("wagtailadmin_pages:add", args=["training", "coursepage", index.pk])
    response = admin_client.post(url, course_form(quiz, validity="24"), follow=True)
    assert response.status_code == 200
    course = CoursePage.objects.get(slug="posted-abroad")
    assert course.final_quiz_id == quiz.pk and course.validity_months == 24


def test_an_expiring_course_with_an_attempt_limited_quiz_is_refused(admin_client, index, home_zh):
    limited = f.final_quiz(home_zh, attempts_allowed=2)
    url = reverse("wagtailadmin_pages:add", args=["training", "coursepage", index.pk])
    response = admin_client.post(url, course_form(limited, validity="12"), follow=True)
    assert not CoursePage.objects.filter(slug="posted-abroad").exists()
    assert "须允许不限次数作答" in response.content.decode()  # "must allow unlimited attempts"


def test_a_lesson_is_created_with_the_training_blocks(admin_client, course):
    url = reverse("wagtailadmin_pages:add", args=["training", "lessonpage", course.pk])
    data = nested_form_data(
        {
            "title": "出发前清单",
            "slug": "checklist",
            "summary": "",
            "is_required": "on",
            "body": streamfield([("checklist", {"title": "证件", "items": streamfield([("item", "护照")])})]),
        }
    )
    admin_client.post(url, data, follow=True)
    assert course.get_children().filter(slug="checklist").exists()
