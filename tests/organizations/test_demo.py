"""Demo organisations for `seed_demo`: a company and a school, approved, with managers, 40 members in
groups (under-14s with a guardian's consent recorded), assignments to the demo courses (some overdue)
and one service request; no email leaves; a second run changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail import hooks

from home.demo import SEED_DEMO_CONTENT
from organizations.demo import DEMO_MANAGER_PASSWORD, seed_organizations
from organizations.models import Assignment, Membership, Organization, ServiceRequest
from outbox.models import Message
from quizzes.demo import seed_quizzes
from tests.shared_data import made_once
from training.demo import seed_training
from training.models import Completion, Enrolment

pytestmark = pytest.mark.django_db


def seed():
    seed_quizzes(io.StringIO())
    seed_training(io.StringIO())
    out = io.StringIO()
    seed_organizations(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with made_once(django_db_blocker, seed) as made:
        yield made.value


def test_the_seeder_runs_after_trainings():
    seeders = hooks.get_hooks(SEED_DEMO_CONTENT)
    assert seeders.index(seed_training) < seeders.index(seed_organizations)


def test_a_company_and_a_school_approved_with_managers(seeded):
    organizations = {o.kind: o for o in Organization.objects.all()}
    assert set(organizations) == {"company", "school"}
    assert all(o.status == Organization.Status.APPROVED for o in organizations.values())
    assert organizations["company"].credit_code and not organizations["school"].credit_code
    for organization in organizations.values():
        manager = Membership.objects.managers().get(organization=organization).user
        assert manager.email.endswith("@example.org") and manager.check_password(DEMO_MANAGER_PASSWORD)
        assert manager.email in seeded and DEMO_MANAGER_PASSWORD in seeded


def test_forty_members_in_groups_under_14s_with_consent(seeded):
    members = Membership.objects.current().filter(role=Membership.Role.MEMBER)
    assert members.count() == 40
    assert all(m.user.email.endswith("@example.org") for m in members.select_related("user"))
    assert members.exclude(group_label="").count() == 40
    young = members.filter(under_14=True)
    assert young.exists() and young.filter(organization__kind="school").count() == young.count()
    assert not young.filter(guardian_consent_at__isnull=True).exists()
    assert not young.filter(guardian_name="").exists()


def test_assignments_to_the_demo_courses_some_overdue_with_progress(seeded):
    today = timezone.localdate()
    assignments = Assignment.objects.all()
    assert assignments.count() == 4 and assignments.filter(due_on__lt=today).count() == 2
    assert Enrolment.objects.filter(source="organisation").exists()
    assert Completion.objects.filter(user__memberships__isnull=False).count() >= 5


def test_one_service_request_and_no_mail(seeded):
    row = ServiceRequest.objects.get()
    assert row.status == ServiceRequest.Status.NEW and row.topics.exists()
    assert not Message.objects.filter(status=Message.Status.PENDING).exists()


def test_a_second_run_changes_nothing(seeded, django_assert_max_num_queries):
    before = (get_user_model().objects.count(), Membership.objects.count(), Assignment.objects.count())
    with django_assert_max_num_queries(5):
        seed_organizations(io.StringIO())
    after = (get_user_model().objects.count(), Membership.objects.count(), Assignment.objects.count())
    assert before == after
