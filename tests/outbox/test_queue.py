import pytest
from django.db import IntegrityError
from django_tasks.signals import task_enqueued

import outbox
from outbox import sending
from outbox.models import Message

pytestmark = pytest.mark.django_db


def queue(**kwargs):
    fields = {"to": "ann@example.org", "subject": "Hello", "body_text": "Hi Ann", "language": "en"}
    return outbox.queue_message(**{**fields, **kwargs})


def test_the_same_dedupe_key_twice_makes_one_message_and_one_email(run_on_commit, mailoutbox):
    with run_on_commit():
        first = queue(dedupe_key="alert:7:ann")
    with run_on_commit():
        second = queue(dedupe_key="alert:7:ann", subject="Hello again")

    assert isinstance(first, Message)
    assert second is None
    assert Message.objects.count() == 1
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Hello"


@pytest.mark.engine  # a unique constraint
def test_a_key_inserted_by_a_concurrent_call_is_not_created_again(run_on_commit, mailoutbox, monkeypatch):
    """The other call inserted its row after our check: the unique constraint decides."""
    Message.objects.create(recipient="ann@example.org", subject="s", body_text="b", dedupe_key="k")
    checks = []

    def taken_after_our_check(dedupe_key):
        checks.append(dedupe_key)
        return len(checks) > 1 and Message.objects.filter(dedupe_key=dedupe_key).exists()

    monkeypatch.setattr(sending, "dedupe_key_taken", taken_after_our_check)
    with run_on_commit():
        result = queue(dedupe_key="k")

    assert checks == ["k", "k"]
    assert result is None
    assert Message.objects.filter(dedupe_key="k").count() == 1
    assert mailoutbox == []


def test_an_integrity_error_that_is_not_about_the_key_is_raised(monkeypatch):
    def fail(**fields):
        raise IntegrityError("NOT NULL constraint failed")

    monkeypatch.setattr(Message.objects, "create", fail)
    with pytest.raises(IntegrityError):
        queue(dedupe_key="fresh")


def test_without_dedupe_key_two_messages_are_made(run_on_commit, mailoutbox):
    with run_on_commit():
        queue()
        queue()
        queue(dedupe_key="")

    assert Message.objects.count() == 3
    assert Message.objects.filter(dedupe_key__isnull=True).count() == 3
    assert len(mailoutbox) == 3


def test_delivery_waits_for_the_commit(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks() as callbacks:
        message = queue()
        assert mailoutbox == []

    assert message.status == Message.Status.PENDING
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mailoutbox) == 1
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert message.sent_at is not None
    assert message.tries == 1


def test_delivery_is_queued_on_the_portal_task_backend(run_on_commit, settings):
    enqueued = []

    def receiver(sender, task_result, **kwargs):
        enqueued.append(task_result)

    task_enqueued.connect(receiver)
    try:
        with run_on_commit():
            message = queue()
    finally:
        task_enqueued.disconnect(receiver)

    assert [result.task.name for result in enqueued] == ["deliver_message"]
    assert enqueued[0].backend == settings.PORTAL_TASK_BACKEND
    assert enqueued[0].args == [message.pk]


def test_subject_newlines_are_removed():
    message = queue(subject="Line one\r\nline two\n")

    assert message.subject == "Line one line two"


def test_a_long_subject_is_shortened():
    message = queue(subject="x" * 400)

    assert len(message.subject) == 255
    assert message.subject.endswith("…")


def test_the_message_keeps_its_fields():
    message = queue(to=" bob@example.org ", body_html="<p>Hi</p>", language="zh-hans", dedupe_key="k1")
    message.refresh_from_db()

    assert message.recipient == "bob@example.org"
    assert message.body_text == "Hi Ann"
    assert message.body_html == "<p>Hi</p>"
    assert message.language == "zh-hans"
    assert message.dedupe_key == "k1"
    assert message.tries == 0
    assert str(message) == "Hello → bob@example.org"
