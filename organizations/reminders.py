"""Reminding members who have not completed an assignment: by hand (a manager, at most once a Beijing
day per assignment) and by schedule (`manage.py send_assignment_reminders`: a week before the due date,
the day before, and once when it is overdue).

Each email goes through the outbox in the member's preferred language, in batches (`queue_messages`:
one INSERT and one task per batch), with a de-duplication key that names the kind, the assignment, the
person and a day (`organizations:reminder-<kind>:<assignment>:<user>:<YYYYMMDD>`): the manual reminder's
day is the day it was sent, the scheduled ones' the due date. So a second run, or two at once, or a due
date moved and moved back, never sends the same reminder twice; a new due date reminds again.

One email per language per assignment is rendered (the words are the same for every member; the address
differs), so reminding 10,000 people takes a few renders, not 10,000.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import translation

import outbox
from home.links import absolute_reverse, page_absolute_url
from training.completion import beijing_today

from .assignments import live_course, live_quiz
from .models import Assignment
from .progress import MemberStatus, with_status

TEMPLATE = "organizations/email/assignment_reminder"
BATCH_SIZE = 500
DUE_SOON_DAYS = 7
# An overdue reminder goes out once; assignments overdue for longer than this are not looked at again.
OVERDUE_LOOK_BACK_DAYS = 30


class Kind:
    MANUAL = "manual"
    DUE_SOON = "due-in-7-days"
    DUE_TOMORROW = "due-tomorrow"
    OVERDUE = "overdue"


class AlreadyReminded(Exception):  # noqa: N818 (reads as what happened)
    """The assignment was reminded already today (Beijing), or it has been withdrawn."""


def reminder_key(kind, assignment_id, user_id, day):
    return f"organizations:reminder-{kind}:{assignment_id}:{user_id}:{day:%Y%m%d}"


def not_complete(assignment, today):
    """The assignment's current members who have not completed it (status in the database)."""
    return with_status(assignment, today).exclude(status=MemberStatus.COMPLETED)


def _link(assignment, language):
    page = live_course(assignment.course_key, language) if assignment.course_key else None
    if page is None and assignment.quiz_key:
        page = live_quiz(assignment.quiz_key, language)
    if page is not None:
        url = page_absolute_url(page)
        if url:
            return url
    return absolute_reverse(language, "organizations:my_organisations")


def _rendered(assignment, kind, today):
    """{language: (subject, text, html)}, rendered once per language on first use."""
    rendered = {}
    days_left = (assignment.due_on - today).days

    def render(language):
        if language not in rendered:
            context = {
                "organization_name": assignment.organization.name,
                "title": assignment.title,
                "due_on": assignment.due_on,
                "days_left": days_left,
                "kind": kind,
                "is_quiz": assignment.kind == Assignment.Kind.QUIZ,
                "url": _link(assignment, language),
            }
            rendered[language] = outbox.render_email(TEMPLATE, context, language)
        return rendered[language]

    return render


def queue_reminders(assignment, kind, key_day, today=None):
    """Queue the reminder `kind` to every current member of the assignment not yet complete, in
    batches; those reminded already (by key) are skipped. Returns how many emails were queued."""
    today = today or beijing_today()
    render = _rendered(assignment, kind, today)
    languages = dict(settings.LANGUAGES)
    people = not_complete(assignment, today).order_by("pk")
    queued, after = 0, 0
    while True:
        batch = list(
            people.filter(pk__gt=after).values_list(
                "pk", "user_id", "user__email", "user__preferred_language"
            )[:BATCH_SIZE]
        )
        if not batch:
            return queued
        after = batch[-1][0]
        keys = {
            user_id: reminder_key(kind, assignment.pk, user_id, key_day) for _pk, user_id, *_rest in batch
        }
        taken = outbox.taken_keys(keys.values())
        messages = []
        for _pk, user_id, email, language in batch:
            if keys[user_id] in taken or not email:
                continue
            language = language if language in languages else settings.LANGUAGE_CODE
            subject, body_text, body_html = render(language)
            messages.append(
                {
                    "to": email,
                    "subject": subject,
                    "body_text": body_text,
                    "body_html": body_html,
                    "language": language,
                    "dedupe_key": keys[user_id],
                }
            )
        queued += len(outbox.queue_messages(messages))


def remind_now(assignment, today=None):
    """A manager reminds everyone not yet complete: at most once a Beijing day per assignment (a
    conditional UPDATE of `reminded_on` claims the day). Raises AlreadyReminded otherwise."""
    today = today or beijing_today()
    claimed = (
        Assignment.objects.filter(pk=assignment.pk, ended_at__isnull=True)
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lt=today))
        .update(reminded_on=today)
    )
    if not claimed:
        raise AlreadyReminded()
    assignment.reminded_on = today
    return queue_reminders(assignment, Kind.MANUAL, today, today)


def due_reminders(today=None):
    """(assignment, kind) for every open assignment a scheduled reminder is due for today."""
    today = today or beijing_today()
    day = datetime.timedelta(days=1)
    open_ones = Assignment.objects.filter(
        ended_at__isnull=True, organization__status="approved"
    ).select_related("organization")
    found = []
    for assignment in open_ones.filter(due_on__gte=today + 2 * day, due_on__lte=today + DUE_SOON_DAYS * day):
        found.append((assignment, Kind.DUE_SOON))
    for assignment in open_ones.filter(due_on=today + day):
        found.append((assignment, Kind.DUE_TOMORROW))
    for assignment in open_ones.filter(due_on__lt=today, due_on__gte=today - OVERDUE_LOOK_BACK_DAYS * day):
        found.append((assignment, Kind.OVERDUE))
    return found


def send_scheduled_reminders(today=None):
    """Every scheduled reminder due today; {kind: emails queued}. Safe to run twice or at once."""
    today = today or beijing_today()
    sent = {Kind.DUE_SOON: 0, Kind.DUE_TOMORROW: 0, Kind.OVERDUE: 0}
    for assignment, kind in due_reminders(today):
        with translation.override(settings.LANGUAGE_CODE):
            sent[kind] += queue_reminders(assignment, kind, assignment.due_on, today)
    return sent
