"""Two fan-outs of the same alert at once (two workers, a republish during a run): one email each.

Real concurrent connections need PostgreSQL (SQLite serialises writers anyway).
"""

import pytest
from django.core import mail

from destinations import fanout as fanouts
from destinations.models import AlertDelivery, AlertFanout
from outbox.models import Message
from tests.concurrency import CONCURRENT
from tests.concurrency import at_once as run_at_once
from tests.destinations import factories

THREADS = 4

pytestmark = [*CONCURRENT, pytest.mark.engine]


def at_once(function):
    return run_at_once(function, THREADS)


def test_fanouts_of_the_same_alert_running_at_once_send_one_email_each(home_zh):
    place = factories.DestinationFactory(country="FR")
    emails = [f"person{number}@example.org" for number in range(60)]
    for email in emails:
        factories.AlertSubscriptionFactory(email=email, destinations=[place])
    alert = factories.SafetyAlertPageFactory(
        parent=factories.AlertIndexPageFactory(parent=home_zh), destinations=[place]
    )  # publishing ran one fan-out already
    AlertDelivery.objects.all().delete()
    Message.objects.all().delete()
    AlertFanout.objects.update(status=AlertFanout.Status.SENDING, sent=0)
    mail.outbox = []
    fanout = AlertFanout.objects.get(alert_key=alert.translation_key)

    results = at_once(lambda: fanouts.run_fanout(fanout.pk, batch_size=7))

    assert set(results) == {AlertFanout.Status.DONE}
    assert sorted(address for email in mail.outbox for address in email.to) == sorted(emails)
    assert AlertDelivery.objects.count() == len(emails)
    fanout.refresh_from_db()
    assert fanout.sent == len(emails)


def test_an_alert_started_by_several_publishers_at_once_is_one_fanout(home_zh):
    place = factories.DestinationFactory(country="FR")
    factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[place])
    alert = factories.SafetyAlertPageFactory(
        parent=factories.AlertIndexPageFactory(parent=home_zh), destinations=[place]
    )
    AlertDelivery.objects.all().delete()
    AlertFanout.objects.all().delete()
    Message.objects.all().delete()
    mail.outbox = []

    started = at_once(lambda: fanouts.start_alert_fanout(alert).pk)

    assert len(set(started)) == 1
    assert [email.to for email in mail.outbox] == [["ann@example.org"]]
