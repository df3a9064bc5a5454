"""Reminders beside themselves (PostgreSQL, real concurrent connections): two runs of the scheduled
reminders at once send each reminder once; two managers pressing "remind" at once send one batch."""

import datetime

import pytest
from wagtail.models import Page

from organizations.reminders import AlreadyReminded, remind_now, send_scheduled_reminders
from outbox.models import Message
from tests.concurrency import CONCURRENT, at_once
from tests.organizations import factories as f
from tests.organizations.training_world import course_and_quiz
from training.completion import beijing_today

pytestmark = [pytest.mark.engine, *CONCURRENT]


@pytest.fixture
def assignment():
    home = Page.objects.get(depth=2, locale__language_code="zh-hans").specific
    course = course_and_quiz(home)[0]
    organization = f.OrganizationFactory()
    for _ in range(5):
        f.member_of(organization)
    return f.AssignmentFactory(
        organization=organization, course=course, due_on=beijing_today() + datetime.timedelta(days=1)
    )


def test_two_scheduled_runs_at_once_send_each_reminder_once(assignment):
    at_once(send_scheduled_reminders, threads=3)
    keys = list(
        Message.objects.filter(dedupe_key__startswith="organizations:reminder-").values_list(
            "dedupe_key", flat=True
        )
    )
    assert len(keys) == 5 and len(set(keys)) == 5


def test_two_manual_reminders_at_once_send_one_batch(assignment):
    def press():
        try:
            return remind_now(assignment)
        except AlreadyReminded:
            return "already"

    results = at_once(press, threads=3)
    assert sorted(results, key=str) == [5, "already", "already"]
    assert Message.objects.filter(dedupe_key__startswith="organizations:reminder-manual:").count() == 5
