"""Each member's status on an assignment, computed in one query: not started, in progress, completed,
overdue, and due again when a completion expires (recertification)."""

import datetime
import uuid

import pytest
from django.utils import timezone

from organizations.progress import MemberStatus, status_counts, with_status
from tests.organizations import factories as f
from tests.training import factories as tf
from training.enrolment import enrol
from training.models import Completion


@pytest.fixture
def course(home_zh):
    index = tf.CourseIndexPageFactory(parent=home_zh)
    return tf.CoursePageFactory(parent=index, final_quiz=tf.final_quiz(home_zh), lessons=1)


def statuses(assignment, today=None):
    return {m.user_id: m.status for m in with_status(assignment, today)}


def complete(user, course, valid_until=None):
    return Completion.objects.create(
        user=user,
        course_key=course.translation_key,
        course_title=course.title,
        language="zh-hans",
        completed_at=timezone.now(),
        valid_until=valid_until,
        attempt_public_id=uuid.uuid4(),
    )


def test_course_statuses_and_overdue(organization, course, django_assert_num_queries):
    fresh, started, done = (f.member_of(organization).user for _ in range(3))
    enrol(started, course)
    complete(done, course)
    assignment = f.AssignmentFactory(organization=organization, course=course)
    with django_assert_num_queries(1):
        found = statuses(assignment)
    assert found == {
        fresh.pk: MemberStatus.NOT_STARTED,
        started.pk: MemberStatus.IN_PROGRESS,
        done.pk: MemberStatus.COMPLETED,
    }
    later = assignment.due_on + datetime.timedelta(days=1)
    assert statuses(assignment, today=later) == {
        fresh.pk: MemberStatus.OVERDUE,
        started.pk: MemberStatus.OVERDUE,
        done.pk: MemberStatus.COMPLETED,
    }
    assert status_counts(assignment, today=later) == {
        "not-started": 0,
        "in-progress": 0,
        "completed": 1,
        "overdue": 2,
    }


def test_an_expired_completion_makes_the_member_due_again(organization, course):
    member = f.member_of(organization).user
    today = timezone.localdate()
    complete(member, course, valid_until=today - datetime.timedelta(days=1))
    assignment = f.AssignmentFactory(organization=organization, course=course)
    assert statuses(assignment) == {member.pk: MemberStatus.NOT_STARTED}
    complete(member, course, valid_until=today + datetime.timedelta(days=365))
    assert statuses(assignment) == {member.pk: MemberStatus.COMPLETED}


def test_quiz_assignment_reads_attempts_by_quiz_key(organization, home_zh):
    quiz = tf.final_quiz(home_zh)
    passed, failed, absent = (f.member_of(organization).user for _ in range(3))
    tf.take_quiz(quiz, passed, answers="right")
    tf.take_quiz(quiz, failed, answers="wrong")
    assignment = f.AssignmentFactory(organization=organization, quiz=quiz)
    assert statuses(assignment) == {
        passed.pk: MemberStatus.COMPLETED,
        failed.pk: MemberStatus.IN_PROGRESS,
        absent.pk: MemberStatus.NOT_STARTED,
    }


def test_group_assignment_and_ended_members(organization, course):
    in_group = f.member_of(organization, group_label="一班").user
    f.member_of(organization, group_label="二班")
    gone = f.member_of(organization, group_label="一班", ended_at=timezone.now()).user
    other_org = f.member_of(f.OrganizationFactory(), group_label="一班").user
    assignment = f.AssignmentFactory(organization=organization, course=course, group_label="一班")
    found = statuses(assignment)
    assert set(found) == {in_group.pk}
    assert gone.pk not in found and other_org.pk not in found
