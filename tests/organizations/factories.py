"""Factories for the organisations room in tests.

``OrganizationFactory()`` is an approved company with a valid credit code; ``manager_of(org)`` and
``member_of(org, group_label="一班")`` give a current membership (a new user each unless ``user=``).
``AssignmentFactory(organization=org, course=course_page)`` assigns a course (its translation key and
title); ``quiz=quiz_page`` assigns a quiz instead.
"""

import datetime

import factory
from django.utils import timezone

from organizations.credit_code import ALPHABET, check_character
from organizations.models import Assignment, Membership, Organization
from tests.accounts.factories import UserFactory


def credit_code(n):
    """A valid unified social credit code, different for each n."""
    body = f"91310000{n:09d}"
    body = "".join(ALPHABET[int(char)] for char in body)
    return body + check_character(body)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    kind = Organization.Kind.COMPANY
    name = factory.Sequence(lambda n: f"海通贸易有限公司 {n + 1}")
    credit_code = factory.Sequence(credit_code)
    contact_name = "王经理"
    contact_email = factory.Sequence(lambda n: f"hr{n + 1}@example.org")
    contact_phone = "+862161234567"
    status = Organization.Status.APPROVED
    decided_at = factory.LazyFunction(timezone.now)


class SchoolFactory(OrganizationFactory):
    kind = Organization.Kind.SCHOOL
    name = factory.Sequence(lambda n: f"第{n + 1}中学")
    credit_code = ""


class MembershipFactory(factory.django.DjangoModelFactory):
    """A current member (joined now) with a new account unless ``user=`` is given."""

    class Meta:
        model = Membership

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)
    email = factory.LazyAttribute(lambda membership: membership.user.email if membership.user else "")
    name = factory.LazyAttribute(lambda membership: membership.user.name if membership.user else "")
    role = Membership.Role.MEMBER
    source = Membership.Source.MANAGER
    joined_at = factory.LazyFunction(timezone.now)


def manager_of(organization, **kwargs):
    return MembershipFactory(organization=organization, role=Membership.Role.MANAGER, **kwargs)


def member_of(organization, **kwargs):
    return MembershipFactory(organization=organization, **kwargs)


class AssignmentFactory(factory.django.DjangoModelFactory):
    """``course=`` or ``quiz=`` (a page) sets kind, key and title; due in two weeks by default."""

    class Meta:
        model = Assignment
        exclude = ["course", "quiz"]

    organization = factory.SubFactory(OrganizationFactory)
    course = None
    quiz = None
    kind = factory.LazyAttribute(lambda a: Assignment.Kind.QUIZ if a.quiz else Assignment.Kind.COURSE)
    course_key = factory.LazyAttribute(lambda a: a.course.translation_key if a.course else None)
    quiz_key = factory.LazyAttribute(lambda a: a.quiz.translation_key if a.quiz else None)
    title = factory.LazyAttribute(lambda a: (a.course or a.quiz).title)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
