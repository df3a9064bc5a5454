"""One confirmation link opened several times at once (a double click, a mail scanner and a person):
its choices are applied once, and every request gets an answer. Needs PostgreSQL (real row locks)."""

import pytest

from destinations import subscriptions
from destinations.models import AlertConfirmation, AlertSubscription
from destinations.subscriptions import ConfirmResult
from tests.concurrency import CONCURRENT, at_once
from tests.destinations import factories

THREADS = 4

pytestmark = [*CONCURRENT, pytest.mark.engine]


def test_a_confirmation_link_opened_at_once_confirms_once():
    france = factories.DestinationFactory(country="FR")
    subscription = factories.AlertSubscriptionFactory(
        email="ann@example.org", destinations=[], confirmed=False
    )
    confirmation = subscriptions.new_confirmation(
        subscription, subscriptions.Choices(language="en", codes=("FR",))
    )

    results = at_once(lambda: subscriptions.confirm_subscription(confirmation.token)[0], THREADS)

    assert sorted(results) == sorted(
        [ConfirmResult.CONFIRMED] + [ConfirmResult.ALREADY_CONFIRMED] * (THREADS - 1)
    )
    subscription = AlertSubscription.objects.get()
    assert subscription.confirmed_at is not None
    assert list(subscription.destinations.all()) == [france]
    assert AlertConfirmation.objects.get().confirmed_at is not None
