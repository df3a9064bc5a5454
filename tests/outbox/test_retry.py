"""The worker retries a message the mail server refused, later and later, and never sends it twice.

The tests put our task alias on django-tasks' DummyBackend, which records what is queued (with its
`run_after`) without running it: a test runs the queued retry itself once the clock reaches it.
"""

import itertools
import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import task_backends

import outbox
from outbox.delivery import retry_delay
from outbox.models import Message
from outbox.tasks import deliver_message, deliver_messages, schedule_retries
from tests.accounts.factories import staff_user
from tests.concurrency import CONCURRENT
from tests.concurrency import at_once as run_at_once

from .conftest import FAILING_BACKEND, LOCMEM_BACKEND

pytestmark = pytest.mark.django_db

MINUTE = timedelta(minutes=1)


@pytest.fixture
def clock(monkeypatch):
    """`timezone.now()` that stands still until the test moves it on."""

    class Clock:
        moment = timezone.now()

        def advance_to(self, moment):
            self.moment = max(self.moment, moment)

        def advance(self, delta):
            self.moment += delta

    clock = Clock()
    monkeypatch.setattr(timezone, "now", lambda: clock.moment)
    return clock


@pytest.fixture
def queued(settings):
    """Our tasks are recorded, not run; returns the list of what was queued (TaskResult objects)."""
    settings.TASKS = {
        **settings.TASKS,
        settings.PORTAL_TASK_BACKEND: {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    return task_backends[settings.PORTAL_TASK_BACKEND].results


def run(result):
    """What the worker does with a queued task."""
    return result.task.call(*result.args, **result.kwargs)


def send_outbox(*args):
    out = StringIO()
    call_command("send_outbox", *args, stdout=out)
    return out.getvalue().strip()


def pending_message(**fields):
    return Message.objects.create(
        **{"recipient": "ann@example.org", "subject": "Alert", "body_text": "Take care", **fields}
    )


def test_the_delay_grows_from_one_minute_to_one_hour():
    delays = [retry_delay(tries) / MINUTE for tries in range(1, 8)]
    assert delays == [1, 5, 15, 60, 60, 60, 60]


def test_the_default_tries_last_about_a_day():
    """The last of OUTBOX_MAX_TRIES tries comes within a day of the first; one more would not."""
    assert django_settings.OUTBOX_MAX_TRIES == 27
    waited = sum((retry_delay(tries) for tries in range(1, django_settings.OUTBOX_MAX_TRIES)), timedelta())
    assert waited == timedelta(hours=23, minutes=21)
    assert waited + retry_delay(django_settings.OUTBOX_MAX_TRIES) > timedelta(days=1)


def test_a_failed_send_leaves_the_message_pending_and_queues_its_retry_for_later(settings, clock, queued):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    message = pending_message()

    assert deliver_message.call(message.pk) == "pending"

    message.refresh_from_db()
    assert message.status == Message.Status.PENDING
    assert message.tries == 1
    assert message.next_try_at == clock.moment + MINUTE
    (retry,) = queued
    assert retry.task.func is deliver_message.func
    assert retry.args == [message.pk]
    assert retry.task.run_after == message.next_try_at
    assert retry.task.backend == settings.PORTAL_TASK_BACKEND


def test_the_retry_sends_the_message_once_it_is_due(settings, clock, queued):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    message = pending_message()
    deliver_message.call(message.pk)
    (retry,) = queued

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    assert run(retry) == "skipped"  # run early (it never is on the worker): not due yet
    assert mail.outbox == []

    clock.advance_to(retry.task.run_after)
    assert run(retry) == "sent"
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert message.tries == 2
    assert message.next_try_at is None
    assert len(queued) == 1  # nothing more queued
    assert run(retry) == "skipped"
    assert len(mail.outbox) == 1


def test_the_retries_wait_longer_each_time_and_give_up_after_the_maximum(settings, clock, queued):
    settings.OUTBOX_MAX_TRIES = 6
    settings.EMAIL_BACKEND = FAILING_BACKEND
    message = pending_message()
    started = clock.moment

    outcomes = [deliver_message.call(message.pk)]
    while len(queued) < settings.OUTBOX_MAX_TRIES and outcomes[-1] == "pending":
        retry = queued[-1]
        clock.advance_to(retry.task.run_after)
        outcomes.append(run(retry))

    assert outcomes == ["pending"] * 5 + ["failed"]
    assert [(result.task.run_after - started) / MINUTE for result in queued] == [1, 6, 21, 81, 141]
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED
    assert message.tries == 6
    assert message.next_try_at is None
    assert mail.outbox == []


def test_a_batch_that_fails_is_retried_by_one_task(settings, clock, queued):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    messages = outbox.queue_messages(
        [{"to": f"p{index}@example.org", "subject": "Alert", "body_text": "b"} for index in range(40)]
    )
    ids = [message.pk for message in messages]

    assert deliver_messages.call(ids) == 0

    (retry,) = queued
    assert retry.task.func is deliver_messages.func
    assert sorted(retry.args[0]) == sorted(ids)
    latest = max(Message.objects.filter(pk__in=ids).values_list("next_try_at", flat=True))
    assert retry.task.run_after == latest

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    clock.advance_to(retry.task.run_after)
    assert run(retry) == 40
    assert len(mail.outbox) == 40
    assert len(queued) == 1


def test_messages_tried_a_different_number_of_times_get_one_task_each_count(settings, clock, queued):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    fresh = [pending_message(recipient=f"f{index}@example.org") for index in range(3)]
    older = [pending_message(recipient=f"o{index}@example.org", tries=3) for index in range(2)]

    deliver_messages.call([message.pk for message in fresh + older])

    by_delay = {(result.task.run_after - clock.moment): result.args[0] for result in queued}
    assert {delay: sorted(ids) for delay, ids in by_delay.items()} == {
        MINUTE: sorted(message.pk for message in fresh),
        60 * MINUTE: sorted(message.pk for message in older),
    }


def test_send_outbox_waits_for_the_next_try_unless_asked_to_send_now(settings, clock, queued):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    message = pending_message()
    deliver_message.call(message.pk)

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    assert send_outbox() == "sent 0, still pending 1, failed 0"
    assert mail.outbox == []
    message.refresh_from_db()
    assert message.tries == 1

    assert send_outbox("--now") == "sent 1, still pending 0, failed 0"
    assert len(mail.outbox) == 1


def test_send_outbox_sends_a_message_once_its_next_try_is_due(settings, clock, queued):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    message = pending_message()
    deliver_message.call(message.pk)

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    clock.advance(MINUTE)
    assert send_outbox() == "sent 1, still pending 0, failed 0"
    assert len(mail.outbox) == 1
    # The worker's retry comes afterwards and finds the message sent.
    assert run(queued[0]) == "skipped"
    assert len(mail.outbox) == 1


def test_a_retry_that_comes_after_send_outbox_tried_skips_and_queues_nothing(settings, clock, queued):
    """Cron took the turn (and failed): the worker's retry finds the message not due, so only one
    chain of retries goes on."""
    settings.EMAIL_BACKEND = FAILING_BACKEND
    message = pending_message()
    deliver_message.call(message.pk)
    (worker_retry,) = queued

    clock.advance_to(worker_retry.task.run_after)
    assert send_outbox() == "sent 0, still pending 1, failed 0"
    assert len(queued) == 2  # send_outbox queued the next try (5 minutes later)
    assert queued[1].task.run_after == clock.moment + 5 * MINUTE

    assert run(worker_retry) == "skipped"
    assert len(queued) == 2
    message.refresh_from_db()
    assert message.tries == 2


def test_send_outbox_failures_are_retried_by_one_worker_task(settings, clock, queued):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    messages = [pending_message(recipient=f"p{index}@example.org") for index in range(5)]

    assert send_outbox() == "sent 0, still pending 5, failed 0"

    (retry,) = queued
    assert sorted(retry.args[0]) == [message.pk for message in messages]


def test_the_immediate_backend_queues_no_retry(settings, run_on_commit):
    """The test settings run tasks at once: a retry would run at once too, so none is queued and
    the message waits for send_outbox."""
    assert not task_backends[settings.PORTAL_TASK_BACKEND].supports_defer
    settings.EMAIL_BACKEND = FAILING_BACKEND
    with run_on_commit():
        message = outbox.queue_message(to="ann@example.org", subject="Alert", body_text="b")

    message.refresh_from_db()
    assert message.status == Message.Status.PENDING
    assert message.tries == 1
    assert message.next_try_at is not None
    assert schedule_retries([message.pk]) == 0


def test_an_unreachable_queue_leaves_the_message_to_send_outbox(settings, clock, queued, monkeypatch, caplog):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    message = pending_message()
    backend = task_backends[settings.PORTAL_TASK_BACKEND]

    def refuse(*args, **kwargs):
        raise ConnectionError("queue down")

    monkeypatch.setattr(backend, "enqueue", refuse)

    assert deliver_message.call(message.pk) == "pending"
    assert "not queued" in caplog.text
    message.refresh_from_db()
    assert message.status == Message.Status.PENDING

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    clock.advance(MINUTE)
    assert send_outbox() == "sent 1, still pending 0, failed 0"


@pytest.mark.parametrize(("language", "column"), [("en", "Next try at"), ("zh-hans", "下次尝试时间")])
def test_the_outbox_list_shows_when_the_next_try_is(client, settings, language, column):
    settings.ROOT_URLCONF = "tests.outbox.urls"
    pending_message(subject="Waiting alert", tries=2, next_try_at=timezone.now() + 5 * MINUTE)
    client.force_login(staff_user(permissions=["outbox.view_message"], admin_language=language))

    index = client.get(reverse("outbox:index"))

    assert index.status_code == 200
    assert column in index.content.decode()
    assert "Waiting alert" in index.content.decode()


def concurrent(test):
    for mark in [*CONCURRENT, pytest.mark.engine]:
        test = mark(test)
    return test


@concurrent
def test_a_retry_and_send_outbox_at_once_send_the_message_once(settings):
    settings.EMAIL_BACKEND = "tests.outbox.failing_backend.SlowBackend"
    message = pending_message(tries=1, next_try_at=timezone.now() - timedelta(seconds=1))
    turns, lock = itertools.count(), threading.Lock()

    def retry_or_cron():
        with lock:
            turn = next(turns)
        if turn % 2:
            return deliver_message.call(message.pk)
        return send_outbox()

    results = run_at_once(retry_or_cron, 6)

    assert len(mail.outbox) == 1
    assert results.count("sent") + results.count("sent 1, still pending 0, failed 0") == 1
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert message.tries == 2


class UnreachableBackend(BaseEmailBackend):
    """A mail server that does not answer: every connection fails to open."""

    opened = 0

    def open(self):
        type(self).opened += 1
        raise TimeoutError("timed out")

    def send_messages(self, email_messages):
        self.open()


def test_a_batch_whose_server_cannot_be_reached_connects_once(settings, clock, queued):
    """Each message of the batch counts the failed connection as its try: no connection (and no
    EMAIL_TIMEOUT wait) per message."""
    settings.EMAIL_BACKEND = "tests.outbox.test_retry.UnreachableBackend"
    UnreachableBackend.opened = 0
    messages = [pending_message(recipient=f"p{index}@example.org") for index in range(20)]

    assert deliver_messages.call([message.pk for message in messages]) == 0

    assert UnreachableBackend.opened == 1
    assert set(Message.objects.values_list("status", "tries")) == {(Message.Status.PENDING, 1)}
    assert "TimeoutError" in Message.objects.first().last_error
    (retry,) = queued

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    clock.advance_to(retry.task.run_after)
    assert run(retry) == 20
    assert len(mail.outbox) == 20
