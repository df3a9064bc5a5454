"""On PostgreSQL: two officers deciding one application at the same moment (or a double click) decide it
once: one decision, one first manager, one email (the conditional update on the status)."""

import queue

import pytest

from organizations import applications
from organizations.models import Membership, Organization
from outbox.models import Message
from tests.accounts.factories import UserFactory, staff_user
from tests.concurrency import CONCURRENT, at_once
from tests.organizations import factories as f

pytestmark = [pytest.mark.engine, *CONCURRENT]


def test_racing_decisions_decide_once():
    application = f.OrganizationFactory(
        status=Organization.Status.PENDING, decided_at=None, applicant=UserFactory()
    )
    turns = queue.Queue()
    for decision in ("approve", "reject", "approve", "reject"):
        turns.put((staff_user(group="Officers"), decision))

    def decide():
        officer, decision = turns.get()
        if decision == "approve":
            return applications.approve(application.pk, officer)
        return applications.reject(application.pk, officer, "重复申请")

    results = at_once(decide, threads=4)
    assert sum(result is not None for result in results) == 1
    application.refresh_from_db()
    decided = application.status
    assert decided in (Organization.Status.APPROVED, Organization.Status.REJECTED)
    assert Message.objects.filter(dedupe_key__startswith="organizations:").count() == 1
    expected_managers = 1 if decided == Organization.Status.APPROVED else 0
    assert Membership.objects.filter(organization=application).count() == expected_managers
