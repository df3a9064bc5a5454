"""Two processes at once: the same key is created once, the same message is sent once.

Real concurrent connections need PostgreSQL (SQLite serialises writers anyway).
"""

import os
import threading

import pytest
from django.core import mail
from django.db import connection

import outbox
from outbox.delivery import deliver
from outbox.models import Message

THREADS = 8

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="needs PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("rebuild_site"),
]


def at_once(function):
    """Run `function` in THREADS threads released together; return what each returned."""
    barrier = threading.Barrier(THREADS)
    results, errors = [], []

    def run():
        try:
            connection.ensure_connection()
            barrier.wait()
            results.append(function())
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


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
