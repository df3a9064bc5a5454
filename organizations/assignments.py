"""Assigning training to an organisation (or one of its groups): a course, by its translation key, or a
quiz, by its quiz key, due on a Beijing calendar date.

A course assignment enrols every current assignee through training (`enrol_many`, one INSERT per
thousand people, those enrolled before kept as they were), and `enrol_new_member` enrols whoever becomes
a current member later (the members part calls it when a membership becomes current). A quiz needs no
enrolment: its status is read from the attempts. Withdrawing an assignment sets `ended_at` (the record
stays; enrolments stay with the learners, whose learning is their own).
"""

import datetime

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.reader_language import copy_for_reader
from quizzes.models import QuizPage
from training.completion import beijing_today
from training.enrolment import enrol_many
from training.models import CoursePage

from .models import Assignment, Membership
from .progress import ENROLMENT_SOURCE, assignees

# How far ahead a due date may be set (a typo such as 2062 instead of 2026 is refused).
LATEST_DUE_YEARS = 3


def open_assignments(organization):
    return Assignment.objects.filter(organization=organization, ended_at__isnull=True)


def group_labels(organization):
    """The organisation's groups (from its current members), sorted (one query)."""
    return sorted(
        set(
            Membership.objects.current()
            .filter(organization=organization)
            .exclude(group_label="")
            .values_list("group_label", flat=True)
            .distinct()
        )
    )


def _reader_copies_of(page_model, language=None):
    """{translation key: the live copy in the reader's language} of every live page of the type."""
    copies = {}
    for page in page_model.objects.live().select_related("locale").only("title", "translation_key", "locale"):
        copies.setdefault(page.translation_key, []).append(page)
    return {key: copy_for_reader(found, language) for key, found in copies.items()}


def target_choices(language=None):
    """The courses and quizzes one may assign, as ("course:<key>" / "quiz:<key>", title), by kind."""
    courses = sorted(_reader_copies_of(CoursePage, language).values(), key=lambda page: page.title)
    quizzes = sorted(_reader_copies_of(QuizPage, language).values(), key=lambda page: page.title)
    choices = []
    if courses:
        choices.append(
            (gettext("Courses"), [(f"course:{page.translation_key}", page.title) for page in courses])
        )
    if quizzes:
        choices.append(
            (gettext("Quizzes"), [(f"quiz:{page.translation_key}", page.title) for page in quizzes])
        )
    return choices


def live_course(course_key, language=None):
    """A live copy of the course (the reader's language if there is one), or None."""
    copies = list(CoursePage.objects.live().filter(translation_key=course_key).select_related("locale"))
    return copy_for_reader(copies, language)


def live_quiz(quiz_key, language=None):
    copies = list(QuizPage.objects.live().filter(translation_key=quiz_key).select_related("locale"))
    return copy_for_reader(copies, language)


class AssignmentForm(forms.Form):
    target = forms.ChoiceField(label=_("Course or quiz"))
    group_label = forms.ChoiceField(label=_("Who"), required=False)
    due_on = forms.DateField(
        label=_("Due date (Beijing time)"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, organization, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organization = organization
        self.fields["target"].choices = [("", gettext("Choose a course or quiz")), *target_choices(language)]
        self.fields["group_label"].choices = [("", gettext("Everyone in the organisation"))] + [
            (label, gettext("Group: %(group)s") % {"group": label}) for label in group_labels(organization)
        ]

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        today = beijing_today()
        if due_on < today:
            raise forms.ValidationError(gettext("The due date cannot be in the past."))
        if due_on > today + datetime.timedelta(days=365 * LATEST_DUE_YEARS):
            raise forms.ValidationError(gettext("The due date is too far ahead."))
        return due_on

    def clean_target(self):
        kind, _sep, key = self.cleaned_data["target"].partition(":")
        page = None
        if kind == Assignment.Kind.COURSE:
            page = live_course(key)
        elif kind == Assignment.Kind.QUIZ:
            page = live_quiz(key)
        if page is None:  # unpublished since the form was drawn
            raise forms.ValidationError(gettext("That course or quiz is no longer available."))
        return kind, page

    def save(self, by):
        kind, page = self.cleaned_data["target"]
        return create_assignment(
            self.organization,
            kind=kind,
            page=page,
            group_label=self.cleaned_data.get("group_label") or "",
            due_on=self.cleaned_data["due_on"],
            by=by,
        )


def create_assignment(organization, *, kind, page, due_on, group_label="", by=None):
    """Assign the course or quiz `page` (any language copy) to the organisation or one group; a course
    enrols every current assignee. One transaction: the assignment and its enrolments, or nothing."""
    with transaction.atomic():
        assignment = Assignment.objects.create(
            organization=organization,
            group_label=group_label,
            kind=kind,
            course_key=page.translation_key if kind == Assignment.Kind.COURSE else None,
            quiz_key=page.translation_key if kind == Assignment.Kind.QUIZ else None,
            title=page.title,
            due_on=due_on,
            assigned_by=by,
        )
        if kind == Assignment.Kind.COURSE:
            enrol_many(assignees(assignment).values_list("user_id", flat=True), page, source=ENROLMENT_SOURCE)
    return assignment


def enrol_new_member(membership):
    """Enrol a member who has just become current in their organisation's open course assignments (the
    whole organisation's and their group's). Returns how many enrolments were made."""
    return enrol_new_members([membership])


def enrol_new_members(memberships):
    """`enrol_new_member` for many at once (an uploaded list applied): two queries, then one INSERT per
    course, whatever their number. Returns how many enrolments were made."""
    by_organization = {}
    for membership in memberships:
        if membership.is_current:
            by_organization.setdefault(membership.organization_id, []).append(membership)
    if not by_organization:
        return 0
    learners = {}  # course key -> user ids
    assignments = Assignment.objects.filter(
        organization_id__in=list(by_organization), kind=Assignment.Kind.COURSE, ended_at__isnull=True
    ).values_list("organization_id", "group_label", "course_key")
    for organization_id, group_label, course_key in assignments:
        learners.setdefault(course_key, set()).update(
            membership.user_id
            for membership in by_organization[organization_id]
            if not group_label or membership.group_label == group_label
        )
    pages = {}
    for page in CoursePage.objects.live().filter(translation_key__in=list(learners)).select_related("locale"):
        pages.setdefault(page.translation_key, []).append(page)
    made = 0
    for course_key, copies in pages.items():
        if learners[course_key]:
            made += enrol_many(sorted(learners[course_key]), copy_for_reader(copies), source=ENROLMENT_SOURCE)
    return made


def withdraw(assignment):
    """Withdraw the assignment (once: a second call changes nothing). Returns whether it was open."""
    return bool(
        Assignment.objects.filter(pk=assignment.pk, ended_at__isnull=True).update(ended_at=timezone.now())
    )
