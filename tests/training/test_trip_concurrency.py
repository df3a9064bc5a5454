"""On PostgreSQL: the same trip sent twice at once (a double click) makes one trip (the unique
constraint on user, destination and dates; training.trips.save_trip)."""

import datetime

import pytest

from tests.accounts.factories import UserFactory
from tests.concurrency import CONCURRENT, at_once
from training.completion import beijing_today
from training.models import Trip
from training.trips import TripForm, save_trip

pytestmark = [pytest.mark.engine, *CONCURRENT]


def test_racing_submissions_make_one_trip():
    learner = UserFactory()
    data = {
        "destination": "FR",
        "departs_on": (beijing_today() + datetime.timedelta(days=10)).isoformat(),
        "returns_on": (beijing_today() + datetime.timedelta(days=20)).isoformat(),
    }

    def submit():
        form = TripForm(data, user=learner)
        assert form.is_valid(), form.errors
        return save_trip(form)[0].pk

    saved = at_once(submit, threads=4)
    assert Trip.objects.filter(user=learner).count() == 1
    assert set(saved) == {Trip.objects.get().pk}
