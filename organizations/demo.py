"""Demo organisations for a new site: a company and a school, approved, each with a manager, 40 members
in groups (the school's younger class under 14, a guardian's consent recorded for each), course
assignments to the demo courses (some overdue, some members done or halfway) and one service request.

Registered with the ``seed_demo_content`` hook (organizations/admin_hooks.py): ``seed_organizations``;
runs after the training seeder (``INSTALLED_APPS`` order), whose courses it assigns. The words are data:
``organizations/demo_data/organisations.json``. Demo people have ``@example.org`` addresses; the
managers sign in with ``DEMO_MANAGER_PASSWORD`` (printed). Emails queued on the way are withdrawn
(``home.demo.demo_mail_withdrawn``). Idempotent: an organisation already there (by name) is left as it
is, so a second run is a couple of queries.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from home.demo import DEMO_EMAIL_DOMAIN, DemoSeeder, demo_mail_withdrawn
from home.models import Topic
from training.demo import TrainingSeeder
from training.enrolment import enrol, mark_done
from training.models import CoursePage, LessonPage

from .assignments import create_assignment
from .credit_code import check_character
from .members import beijing_year
from .models import Assignment, Membership, Organization, ServiceRequest

DEMO_MANAGER_PASSWORD = "manager-demo-2026"  # noqa: S105 - local demo accounts, printed on purpose


def seed_organizations(stdout):
    """The ``seed_demo_content`` hook: a company and a school with their people, training and a request."""
    OrganizationsSeeder(stdout).run()


class OrganizationsSeeder(DemoSeeder):
    def run(self):
        spec = self.data("organisations")
        courses = {page.slug: page for page in CoursePage.objects.live().filter(locale=self.zh)}
        if not courses:
            return  # the training demo did not run: nothing to assign
        names = [item["name"] for item in spec["organisations"]]
        existing = set(Organization.objects.filter(name__in=names).values_list("name", flat=True))
        people = iter(self.people(spec))
        numbers = iter(range(1, 1000))
        for item in spec["organisations"]:
            if item["name"] in existing:
                continue
            self.organization(item, courses, people, numbers)

    @staticmethod
    def people(spec):
        """(name, email) of made-up members, different every time."""
        for index, (surname, given) in enumerate(
            (surname, given) for given in spec["given_names"] for surname in spec["surnames"]
        ):
            yield surname + given, f"member{index + 1:03d}{DEMO_EMAIL_DOMAIN}"

    def user(self, email, name, language="zh-hans"):
        User = get_user_model()  # noqa: N806
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email, password=DEMO_MANAGER_PASSWORD, name=name, preferred_language=language
            )
            user.emailaddress_set.create(email=email, verified=True, primary=True)
        return user

    @transaction.atomic
    def organization(self, item, courses, people, numbers):
        now = timezone.now()
        code = ""
        if item["credit_code_body"]:
            code = item["credit_code_body"] + check_character(item["credit_code_body"])
        spec = item["manager"]
        with demo_mail_withdrawn():
            manager = self.user(spec["email"], spec["name"], spec["preferred_language"])
            organization = Organization.objects.create(
                kind=item["kind"],
                name=item["name"],
                credit_code=code,
                contact_name=spec["name"],
                contact_email=spec["email"],
                contact_phone=item["contact_phone"],
                applicant=manager,
                status=Organization.Status.APPROVED,
                applied_at=now - datetime.timedelta(days=40),
                decided_at=now - datetime.timedelta(days=38),
            )
            Membership.objects.create(
                organization=organization,
                user=manager,
                email=manager.email,
                name=manager.name,
                role=Membership.Role.MANAGER,
                source=Membership.Source.APPLICATION,
                joined_at=organization.decided_at,
            )
            members = self.members(organization, item, people, numbers, manager)
            self.assignments(organization, item, courses, members, manager)
            if item.get("service_request"):
                self.service_request(organization, item["service_request"], manager)
        self.log(
            f"Created the demo organisation {organization.name}: manager {manager.email} "
            f"(password {DEMO_MANAGER_PASSWORD}), {sum(len(group) for group in members.values())} members"
        )
        return organization

    def members(self, organization, item, people, numbers, manager):
        """{group label: [user]} of the organisation's members, joined a month ago."""
        joined = timezone.now() - datetime.timedelta(days=30)
        year = beijing_year()
        members = {}
        for group in item["groups"]:
            users = members.setdefault(group["label"], [])
            under_14 = group.get("under_14", False)
            for _ in range(group["size"]):
                name, email = next(people)
                user = self.user(email, name)
                number = next(numbers)
                Membership.objects.create(
                    organization=organization,
                    user=user,
                    email=email,
                    name=name,
                    group_label=group["label"],
                    member_number=f"{2026000 + number}",
                    source=Membership.Source.IMPORT,
                    birth_year=year - 13 if under_14 else None,
                    under_14=under_14,
                    guardian_name=f"{name[0]}{'先生' if number % 2 else '女士'}" if under_14 else "",
                    guardian_consent_at=joined if under_14 else None,
                    consent_recorded_by=manager if under_14 else None,
                    joined_at=joined,
                )
                users.append(user)
        return members

    def assignments(self, organization, item, courses, members, manager):
        today = timezone.localdate()
        seeder = TrainingSeeder(self.stdout)
        for spec in item["assignments"]:
            course = courses.get(spec["course"])
            if course is None:
                continue
            create_assignment(
                organization,
                kind=Assignment.Kind.COURSE,
                page=course,
                due_on=today + datetime.timedelta(days=spec["due_in_days"]),
                group_label=spec["group"],
                by=manager,
            )
            assignees = members.get(spec["group"]) or [user for group in members.values() for user in group]
            done = assignees[: spec["completed"]]
            started = assignees[spec["completed"] : spec["completed"] + spec["started"]]
            for user in done:
                seeder.complete(user, course)
            lessons = list(LessonPage.objects.child_of(course).order_by("path")[:2])
            for user in started:
                enrol(user, course)
                for lesson in lessons:
                    mark_done(user, lesson, course)

    def service_request(self, organization, spec, manager):
        row = ServiceRequest.objects.create(
            organization=organization,
            requested_by=manager,
            kind=spec["kind"],
            preferred_dates=spec["preferred_dates"],
            audience_size=spec["audience_size"],
            notes=spec["notes"],
            language="zh-hans",
        )
        row.topics.set(Topic.objects.filter(locale=self.zh).order_by("pk")[: spec["topics"]])
