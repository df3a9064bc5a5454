from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import outbox
from outbox.delivery import CLAIM_DURATION, deliver
from outbox.models import Message
from outbox.tasks import deliver_message

from .conftest import FAILING_BACKEND, LOCMEM_BACKEND

pytestmark = pytest.mark.django_db


def queue(**kwargs):
    fields = {"to": "ann@example.org", "subject": "Hello", "body_text": "Hi Ann", "language": "en"}
    return outbox.queue_message(**{**fields, **kwargs})


def send_outbox(*args):
    out = StringIO()
    call_command("send_outbox", *args, stdout=out)
    return out.getvalue().strip()


def test_a_failing_mail_server_leaves_the_message_pending_and_send_outbox_sends_it_once(
    settings, run_on_commit
):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    with run_on_commit():
        message = queue()

    message.refresh_from_db()
    assert message.status == Message.Status.PENDING
    assert message.tries == 1
    assert "SMTPServerDisconnected" in message.last_error
    assert message.last_tried_at is not None
    assert message.next_try_at > message.last_tried_at
    assert message.sent_at is None
    assert mail.outbox == []

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    assert send_outbox("--now") == "sent 1, still pending 0, failed 0"
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert message.sent_at is not None

    assert send_outbox() == "sent 0, still pending 0, failed 0"
    assert len(mail.outbox) == 1


def test_a_message_that_reaches_the_maximum_tries_is_failed_and_skipped_unless_asked(settings, run_on_commit):
    settings.OUTBOX_MAX_TRIES = 2
    settings.EMAIL_BACKEND = FAILING_BACKEND
    with run_on_commit():
        message = queue()

    assert send_outbox("--now") == "sent 0, still pending 0, failed 1"
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED
    assert message.tries == 2

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    assert send_outbox("--now") == "sent 0, still pending 0, failed 1"
    assert mail.outbox == []
    message.refresh_from_db()
    assert message.tries == 2

    assert send_outbox("--include-failed") == "sent 1, still pending 0, failed 0"
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.status == Message.Status.SENT


def test_a_failed_message_that_fails_again_stays_failed(settings):
    settings.OUTBOX_MAX_TRIES = 2
    settings.EMAIL_BACKEND = FAILING_BACKEND
    message = Message.objects.create(
        recipient="ann@example.org", subject="s", body_text="b", status=Message.Status.FAILED, tries=2
    )

    assert deliver(message) == "skipped"
    assert message.tries == 2
    assert deliver(message, include_failed=True) == "failed"
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED
    assert message.tries == 3


def make_pending(count):
    return [
        Message.objects.create(recipient=f"p{index}@example.org", subject=f"s{index}", body_text="b")
        for index in range(count)
    ]


def test_send_outbox_sends_the_oldest_first_up_to_the_limit():
    messages = make_pending(3)

    assert send_outbox("--limit", "2") == "sent 2, still pending 1, failed 0"
    assert [email.to for email in mail.outbox] == [["p0@example.org"], ["p1@example.org"]]
    assert send_outbox() == "sent 1, still pending 0, failed 0"
    assert {m.status for m in Message.objects.filter(pk__in=[m.pk for m in messages])} == {"sent"}


def test_a_sent_message_is_never_sent_again():
    message = Message.objects.create(
        recipient="ann@example.org", subject="s", body_text="b", status=Message.Status.SENT
    )

    assert deliver(message) == "skipped"
    assert deliver(message, include_failed=True) == "skipped"
    assert deliver_message.call(message.pk) == "skipped"
    assert mail.outbox == []


def test_a_message_being_delivered_elsewhere_is_skipped_until_its_claim_expires():
    """The task and send_outbox running at once: only the one holding the claim sends."""
    (message,) = make_pending(1)
    Message.objects.filter(pk=message.pk).update(claimed_until=timezone.now() + CLAIM_DURATION)

    assert deliver(message) == "skipped"
    assert send_outbox() == "sent 0, still pending 1, failed 0"
    assert mail.outbox == []

    # The process holding the claim died without recording anything: the claim runs out.
    Message.objects.filter(pk=message.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    assert deliver(message) == "sent"
    assert len(mail.outbox) == 1


def test_the_claim_is_taken_before_sending(settings, monkeypatch):
    """While one delivery is talking to the mail server, a second one finds the message claimed."""
    (message,) = make_pending(1)
    second_attempts = []

    from django.core.mail.backends.locmem import EmailBackend

    original = EmailBackend.send_messages

    def send_and_race(self, messages):
        second_attempts.append(deliver(message.pk))
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", send_and_race)

    assert deliver(message.pk) == "sent"
    assert second_attempts == ["skipped"]
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.claimed_until is None


def test_the_task_never_raises_for_a_mail_error(settings):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    (message,) = make_pending(1)

    assert deliver_message.call(message.pk) == "pending"
    assert deliver_message.call(12345678) == "skipped"


def test_the_html_alternative_and_content_language_are_set(run_on_commit, settings):
    with run_on_commit():
        queue(body_html="<p>Hi <b>Ann</b></p>", language="zh-hans")
        queue(to="bob@example.org")

    with_html, without_html = mail.outbox
    assert with_html.alternatives == [("<p>Hi <b>Ann</b></p>", "text/html")]
    assert with_html.body == "Hi Ann"
    assert with_html.from_email == settings.DEFAULT_FROM_EMAIL
    assert with_html.to == ["ann@example.org"]
    assert with_html.extra_headers["Content-Language"] == "zh-hans"
    assert "Content-Language: zh-hans" in with_html.message().as_string()
    assert without_html.alternatives == []
    assert without_html.extra_headers["Content-Language"] == "en"
