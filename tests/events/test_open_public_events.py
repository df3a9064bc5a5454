"""The public events a person may register for now (for the organisations room's group registration):
never invitation-only, cancelled, started, closed, not yet open, or without a live page."""

import datetime

import pytest
from django.utils import timezone

from events.availability import open_public_events
from tests.events import factories as f

pytestmark = pytest.mark.django_db


def test_only_open_public_events_soonest_first():
    now = timezone.now()
    later = f.EventFactory(has_live_page=True, starts_at=now + datetime.timedelta(days=3))
    sooner = f.EventFactory(has_live_page=True, registration_closes_at=now + datetime.timedelta(hours=3))
    f.EventFactory(has_live_page=True, is_private=True)
    f.EventFactory(has_live_page=True, cancelled_at=now)
    f.EventFactory(has_live_page=False)
    f.EventFactory(has_live_page=True, registration_required=False)
    f.EventFactory(has_live_page=True, starts_at=now - datetime.timedelta(hours=1))
    f.EventFactory(has_live_page=True, registration_closes_at=now - datetime.timedelta(minutes=1))
    f.EventFactory(has_live_page=True, registration_opens_at=now + datetime.timedelta(hours=1))
    assert list(open_public_events(now)) == [sooner, later]
