"""Enrolling many learners at once (an organisation's members): one entry point beside `enrol`, the same
result, those enrolled already kept as they were; an enrolment made by someone else is not a start."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from tests.accounts.factories import UserFactory
from tests.training import factories as f
from tests.training.certify import certified_learner
from training.certificates import revoke, valid_certificates_of
from training.completion import beijing_today, started_exists
from training.enrolment import enrol, enrol_many, mark_done
from training.models import Completion, Enrolment, LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home_zh):
    index = f.CourseIndexPageFactory(parent=home_zh)
    return f.CoursePageFactory(parent=index, lessons=1)


def test_enrol_many_enrols_each_once_and_keeps_earlier_enrolments(course, django_assert_max_num_queries):
    earlier, *others = UserFactory.create_batch(4)
    enrol(earlier, course)
    with django_assert_max_num_queries(3):
        made = enrol_many([earlier, *others], course, source="organisation")
    assert made == 3
    assert enrol_many(others, course, source="organisation") == 0
    rows = dict(Enrolment.objects.filter(course_key=course.translation_key).values_list("user", "source"))
    assert rows == {earlier.pk: "self", **{user.pk: "organisation" for user in others}}


def test_enrolment_by_others_is_not_a_start(course):
    self_enrolled, org_enrolled, org_with_lesson = UserFactory.create_batch(3)
    enrol(self_enrolled, course)
    enrol_many([org_enrolled, org_with_lesson], course, source="organisation")
    mark_done(org_with_lesson, LessonPage.objects.child_of(course).first(), course)
    started = set(
        get_user_model()
        .objects.filter(started_exists(course.translation_key, enrolled_by_others=["organisation"]))
        .values_list("pk", flat=True)
    )
    assert started == {self_enrolled.pk, org_with_lesson.pk}


def test_valid_certificates_of_many_people_leave_out_revoked_expired_and_others(
    home_zh, django_assert_num_queries
):
    index = f.CourseIndexPageFactory(parent=home_zh)
    quiz = f.final_quiz(home_zh)
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1)
    kept_user, kept = certified_learner(course, quiz, render=False, email="kept@example.org")
    revoked_user, revoked = certified_learner(course, quiz, render=False, email="revoked@example.org")
    revoke(revoked, by=None, reason="测试")
    expired_user, expired = certified_learner(course, quiz, render=False, email="expired@example.org")
    Completion.objects.filter(pk=expired.completion_id).update(
        valid_until=beijing_today() - datetime.timedelta(days=1)
    )
    outsider, _outside = certified_learner(course, quiz, render=False, email="outsider@example.org")
    with django_assert_num_queries(1):
        found = list(
            valid_certificates_of(
                [kept_user.pk, revoked_user.pk, expired_user.pk], [course.translation_key], beijing_today()
            )
        )
    assert found == [kept]
    assert found[0].completion.course_key == course.translation_key
