"""Assignments: a course (by translation key) or a quiz, due on a Beijing date, for the organisation or
one group; a course enrols every current assignee (and whoever becomes current later); withdrawing sets
an end; statuses (not started, in progress, completed, overdue, due again after expiry)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from organizations.assignments import (
    AssignmentForm,
    create_assignment,
    enrol_new_member,
    enrol_new_members,
    withdraw,
)
from organizations.models import Assignment, Membership
from organizations.progress import MemberStatus, status_counts, with_status
from tests.accounts.factories import staff_user
from tests.organizations import factories as f
from tests.organizations.test_progress import complete
from tests.organizations.training_world import course_and_quiz
from tests.training import factories as tf
from training.completion import beijing_today
from training.enrolment import enrol, mark_done
from training.models import Enrolment, LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home_zh):
    return course_and_quiz(home_zh)[0]


def enrolled(course):
    return dict(Enrolment.objects.filter(course_key=course.translation_key).values_list("user", "source"))


def in_days(days):
    return beijing_today() + datetime.timedelta(days=days)


def test_a_course_assignment_enrols_every_current_member_of_the_group(organization, manager, course):
    first = f.member_of(organization, group_label="一班").user
    second = f.member_of(organization, group_label="一班").user
    f.member_of(organization, group_label="二班")
    f.member_of(organization, group_label="一班", ended_at=timezone.now())
    Membership.objects.create(
        organization=organization, email="new@example.org", source="import", group_label="一班"
    )
    assignment = create_assignment(
        organization,
        kind=Assignment.Kind.COURSE,
        page=course,
        due_on=in_days(10),
        group_label="一班",
        by=manager,
    )
    assert assignment.course_key == course.translation_key and assignment.title == course.title
    assert enrolled(course) == {first.pk: "organisation", second.pk: "organisation"}
    # Enrolled by the organisation is not a start: everyone is "not started" until they do a lesson.
    assert set(with_status(assignment).values_list("status", flat=True)) == {MemberStatus.NOT_STARTED}
    mark_done(first, LessonPage.objects.child_of(course).first(), course)
    assert status_counts(assignment)[MemberStatus.IN_PROGRESS] == 1


def test_an_earlier_enrolment_is_kept(organization, course):
    member = f.member_of(organization).user
    enrol(member, course)
    create_assignment(organization, kind=Assignment.Kind.COURSE, page=course, due_on=in_days(3))
    assert enrolled(course) == {member.pk: "self"}


def test_a_quiz_assignment_enrols_nobody(organization, home_zh):
    quiz = tf.final_quiz(home_zh)
    f.member_of(organization)
    assignment = create_assignment(organization, kind=Assignment.Kind.QUIZ, page=quiz, due_on=in_days(3))
    assert assignment.quiz_key == quiz.translation_key and assignment.course_key is None
    assert not Enrolment.objects.exists()


def test_a_member_who_joins_later_is_enrolled_in_open_assignments_of_their_group(
    organization, course, home_zh
):
    other_course = course_and_quiz(home_zh)[0]
    withdrawn_course = course_and_quiz(home_zh)[0]
    create_assignment(organization, kind=Assignment.Kind.COURSE, page=course, due_on=in_days(3))
    create_assignment(
        organization, kind=Assignment.Kind.COURSE, page=other_course, due_on=in_days(3), group_label="二班"
    )
    gone = create_assignment(
        organization, kind=Assignment.Kind.COURSE, page=withdrawn_course, due_on=in_days(3)
    )
    withdraw(gone)
    newcomer = f.member_of(organization, group_label="一班")
    assert enrol_new_member(newcomer) == 1
    assert enrolled(course) == {newcomer.user_id: "organisation"}
    assert enrolled(other_course) == {} and enrolled(withdrawn_course) == {}
    # An invitation not yet accepted is not a current member: nothing happens.
    invited = Membership.objects.create(organization=organization, email="later@example.org", source="import")
    assert enrol_new_member(invited) == 0


def test_many_new_members_are_enrolled_in_the_same_few_queries(
    organization, course, home_zh, django_assert_num_queries
):
    """An applied list enrols everyone it added at once: two queries and one INSERT per course (plus
    enrol_many's two counts), whether it added two people or twenty."""
    group_course = course_and_quiz(home_zh)[0]
    create_assignment(organization, kind=Assignment.Kind.COURSE, page=course, due_on=in_days(3))
    create_assignment(
        organization, kind=Assignment.Kind.COURSE, page=group_course, due_on=in_days(3), group_label="二班"
    )
    counts = []
    for size in (2, 20):
        Enrolment.objects.all().delete()
        newcomers = [f.member_of(organization, group_label="二班" if n % 2 else "一班") for n in range(size)]
        with django_assert_num_queries(8) as captured:
            made = enrol_new_members(newcomers)
        counts.append(len(captured))
        assert made == size + size // 2
        assert set(enrolled(course)) == {m.user_id for m in newcomers}
        assert set(enrolled(group_course)) == {m.user_id for m in newcomers if m.group_label == "二班"}
    assert counts[0] == counts[1]


def test_withdrawing_sets_an_end_once(organization, course):
    assignment = create_assignment(organization, kind=Assignment.Kind.COURSE, page=course, due_on=in_days(3))
    assert withdraw(assignment) is True
    assignment.refresh_from_db()
    ended = assignment.ended_at
    assert ended is not None
    assert withdraw(assignment) is False
    assignment.refresh_from_db()
    assert assignment.ended_at == ended


def test_overdue_and_recertification(organization, course, home_zh):
    member = f.member_of(organization).user
    assignment = f.AssignmentFactory(organization=organization, course=course, due_on=in_days(-1))
    assert status_counts(assignment)[MemberStatus.OVERDUE] == 1
    complete(member, course, valid_until=in_days(-2))  # expired before today: due again, still overdue
    assert status_counts(assignment)[MemberStatus.OVERDUE] == 1
    complete(member, course, valid_until=in_days(300))
    assert status_counts(assignment)[MemberStatus.COMPLETED] == 1


def form(organization, **data):
    return AssignmentForm(data, organization=organization)


def test_the_form_refuses_a_past_date_and_an_unknown_course(organization, course):
    f.member_of(organization, group_label="一班")
    good = form(organization, target=f"course:{course.translation_key}", due_on=in_days(0).isoformat())
    assert good.is_valid(), good.errors
    past = form(organization, target=f"course:{course.translation_key}", due_on=in_days(-1).isoformat())
    assert "due_on" in past.errors
    unknown = form(
        organization, target="course:00000000-0000-0000-0000-000000000000", due_on=in_days(1).isoformat()
    )
    assert "target" in unknown.errors
    other_group = form(
        organization,
        target=f"course:{course.translation_key}",
        due_on=in_days(1).isoformat(),
        group_label="九班",
    )
    assert "group_label" in other_group.errors


def new_url(organization):
    with translation.override("zh-hans"):
        return reverse("organizations:assignment_new", kwargs={"organization_id": organization.pk})


def test_a_manager_assigns_a_course_from_the_page(client, organization, manager, course):
    member = f.member_of(organization).user
    client.force_login(manager)
    assert client.get(new_url(organization)).status_code == 200
    response = client.post(
        new_url(organization),
        {"target": f"course:{course.translation_key}", "due_on": in_days(7).isoformat()},
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.organization == organization and assignment.assigned_by == manager
    # Managers are members too: an assignment to everyone includes them.
    assert enrolled(course) == {member.pk: "organisation", manager.pk: "organisation"}
    bad = client.post(
        new_url(organization), {"target": f"course:{course.translation_key}", "due_on": "2020-01-01"}
    )
    assert bad.status_code == 400 and Assignment.objects.count() == 1


def test_another_organisations_manager_and_officers_cannot_assign(client, organization, course):
    other_manager = f.manager_of(f.OrganizationFactory()).user
    officer = staff_user(permissions=["organizations.view_all"])
    data = {"target": f"course:{course.translation_key}", "due_on": in_days(7).isoformat()}
    for person in (other_manager, officer):
        client.force_login(person)
        assert client.get(new_url(organization)).status_code == 404
        assert client.post(new_url(organization), data).status_code == 404
    assert not Assignment.objects.exists()
