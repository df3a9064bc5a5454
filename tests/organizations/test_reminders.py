"""Reminders: a manager's "remind everyone not yet complete" at most once a Beijing day per assignment,
and `send_assignment_reminders` (a week before, the day before, once overdue) that never sends the same
reminder twice, run twice or beside itself; each email in the member's language."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from organizations.reminders import AlreadyReminded, Kind, remind_now, send_scheduled_reminders
from outbox.models import Message
from tests.accounts.factories import UserFactory
from tests.organizations import factories as f
from tests.organizations.test_progress import complete
from tests.organizations.training_world import course_and_quiz
from training.completion import beijing_today

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home_zh):
    return course_and_quiz(home_zh)[0]


def in_days(days):
    return beijing_today() + datetime.timedelta(days=days)


def reminders(kind=""):
    return Message.objects.filter(dedupe_key__startswith=f"organizations:reminder-{kind}")


def people(organization, course):
    """An English reader, a Chinese reader and one who completed the course already."""
    english = f.member_of(organization, user=UserFactory(preferred_language="en")).user
    chinese = f.member_of(organization, user=UserFactory(preferred_language="zh-hans")).user
    done = f.member_of(organization).user
    complete(done, course)
    return english, chinese, done


def test_a_manual_reminder_goes_to_everyone_not_complete_in_their_language(organization, course):
    english, chinese, _done = people(organization, course)
    assignment = f.AssignmentFactory(organization=organization, course=course)
    assert remind_now(assignment) == 2
    sent = {message.recipient: message for message in reminders(Kind.MANUAL)}
    assert set(sent) == {english.email, chinese.email}
    assert sent[english.email].language == "en" and course.title in sent[english.email].subject
    assert sent[chinese.email].language == "zh-hans" and "提醒" in sent[chinese.email].subject
    today = beijing_today().strftime("%Y%m%d")
    assert (
        sent[english.email].dedupe_key
        == f"organizations:reminder-manual:{assignment.pk}:{english.pk}:{today}"
    )
    assert "https://portal.example.org/" in sent[english.email].body_text
    assignment.refresh_from_db()
    assert assignment.reminded_on == beijing_today()


def test_a_manual_reminder_at_most_once_a_day(organization, course):
    people(organization, course)
    assignment = f.AssignmentFactory(organization=organization, course=course)
    remind_now(assignment)
    with pytest.raises(AlreadyReminded):
        remind_now(assignment)
    assert reminders().count() == 2
    assert remind_now(assignment, today=in_days(1)) == 2  # the next day it may again
    assert reminders().count() == 4


def remind_url(assignment):
    with translation.override("zh-hans"):
        return reverse(
            "organizations:assignment_remind",
            kwargs={"organization_id": assignment.organization_id, "assignment_id": assignment.pk},
        )


def test_the_remind_button_twice_in_a_day_says_so_and_sends_nothing_more(
    client, organization, manager, course
):
    people(organization, course)
    assignment = f.AssignmentFactory(organization=organization, course=course)
    client.force_login(manager)
    first = client.post(remind_url(assignment), follow=True)
    assert "3" in first.content.decode()  # the two readers and the manager, who is a member too
    count = reminders().count()
    second = client.post(remind_url(assignment), follow=True)
    assert "今天已经提醒过" in second.content.decode() or "already reminded today" in second.content.decode()
    assert reminders().count() == count


def test_another_organisations_assignment_cannot_be_reminded(client, organization, manager, course):
    other = f.OrganizationFactory()
    f.member_of(other)
    theirs = f.AssignmentFactory(organization=other, course=course)
    client.force_login(manager)
    with translation.override("zh-hans"):
        mixed = reverse(
            "organizations:assignment_remind",
            kwargs={"organization_id": organization.pk, "assignment_id": theirs.pk},
        )
    assert client.post(mixed).status_code == 404
    assert client.post(remind_url(theirs)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.reminded_on is None and not reminders().exists()


def run_command(*args):
    out = StringIO()
    call_command("send_assignment_reminders", *args, stdout=out)
    return out.getvalue()


def test_the_command_sends_each_scheduled_reminder_once(organization, course):
    english, chinese, done = people(organization, course)
    soon = f.AssignmentFactory(organization=organization, course=course, due_on=in_days(7))
    tomorrow = f.AssignmentFactory(organization=organization, course=course, due_on=in_days(1))
    overdue = f.AssignmentFactory(organization=organization, course=course, due_on=in_days(-3))
    f.AssignmentFactory(organization=organization, course=course, due_on=in_days(20))  # not yet
    f.AssignmentFactory(organization=organization, course=course, due_on=in_days(-90))  # long past
    withdrawn = f.AssignmentFactory(organization=organization, course=course, due_on=in_days(1))
    withdrawn.ended_at = withdrawn.assigned_at
    withdrawn.save()
    output = run_command()
    assert "due-in-7-days 2, due-tomorrow 2, overdue 2" in output
    keys = set(reminders().values_list("dedupe_key", flat=True))
    for assignment, kind in ((soon, Kind.DUE_SOON), (tomorrow, Kind.DUE_TOMORROW), (overdue, Kind.OVERDUE)):
        due = assignment.due_on.strftime("%Y%m%d")
        assert {
            f"organizations:reminder-{kind}:{assignment.pk}:{user.pk}:{due}" for user in (english, chinese)
        } <= keys
    assert str(done.pk) not in {key.split(":")[3] for key in keys}
    assert "due-in-7-days 0, due-tomorrow 0, overdue 0" in run_command()
    assert reminders().count() == 6
    # Moving the due date reminds again for the new date.
    tomorrow.due_on = in_days(2)
    tomorrow.save()
    assert send_scheduled_reminders()[Kind.DUE_SOON] == 2


def test_two_runs_at_once_send_nothing_twice(organization, course):
    """Beside itself: the second run finds every key taken (the outbox's unique key holds even when
    both checked before either stored)."""
    people(organization, course)
    f.AssignmentFactory(organization=organization, course=course, due_on=in_days(1))
    send_scheduled_reminders()
    send_scheduled_reminders()
    assert reminders().count() == 2
    assert len(set(reminders().values_list("dedupe_key", flat=True))) == 2
