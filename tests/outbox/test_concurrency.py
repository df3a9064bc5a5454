"""Two processes at once: the same key is created once, the same message is sent once.

Real concurrent connections need PostgreSQL (SQLite serialises writers anyway).
"""

import pytest
from django.core import mail

import outbox
from outbox.delivery import deliver
from outbox.models import Message
from tests.concurrency import CONCURRENT
from tests.concurrency import at_once as run_at_once

THREADS = 8

pytestmark = [*CONCURRENT, pytest.mark.engine]


def at_once(function):
    return run_at_once(function, THREADS)


def test_concurrent_calls_with_one_dedupe_key_make_one_message_and_one_email(settings):
    settings.EMAIL_BACKEND = "tests.outbox.failing_backend.SlowBackend"
    results = at_once(
        lambda: outbox.queue_message(
            to="ann@example.org", subject="Alert", body_text="Take care", language="en", dedupe_key="alert:1"
        )
    )

    assert len([result for result in results if result is not None]) == 1
    assert Message.objects.filter(dedupe_key="alert:1").count() == 1
    assert len(mail.outbox) == 1


def test_concurrent_deliveries_of_one_message_send_it_once(settings):
    settings.EMAIL_BACKEND = "tests.outbox.failing_backend.SlowBackend"
    message = Message.objects.create(recipient="ann@example.org", subject="Alert", body_text="Take care")

    results = at_once(lambda: deliver(message.pk))

    assert sorted(results) == ["sent"] + ["skipped"] * (THREADS - 1)
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert message.tries == 1
