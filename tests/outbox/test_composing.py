"""Emails written when they are sent (outbox/composing.py): the row is stored in the caller's
transaction, the worker writes it in the recipient's language just before the first try, and a retry
sends the words and files written then."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

import outbox
from outbox.delivery import PENDING, SENT, SKIPPED, deliver
from outbox.models import Message

from .conftest import FAILING_BACKEND, LOCMEM_BACKEND

pytestmark = pytest.mark.django_db

GREETING = "tests.outbox.greeting"
NOTHING_LEFT = "tests.outbox.nothing-left"
WRITTEN = []  # the arguments each call of the greeting composer was given, in the language it ran in


@outbox.composer(GREETING)
def write_greeting(name, event_id):
    WRITTEN.append((name, translation.get_language()))
    return outbox.Composed(
        "outbox_tests/greeting",
        {"name": name, "event_id": event_id},
        attachments=[("note.txt", f"for {name}", "text/plain")],
        headers={"X-Event": str(event_id)},
    )


@outbox.composer(NOTHING_LEFT)
def write_nothing():
    return None  # what the email was about is gone


@pytest.fixture(autouse=True)
def _templates(email_templates):
    WRITTEN.clear()


def queue(language="en", dedupe_key=None, composer=GREETING, arguments=None):
    arguments = {"name": "O'Brien", "event_id": 42} if arguments is None else arguments
    return outbox.queue_composed("ann@example.org", composer, arguments, language, dedupe_key=dedupe_key)


def test_the_row_is_stored_at_once_and_written_only_when_sent():
    message = queue(dedupe_key="greeting:42")

    stored = Message.objects.get(pk=message.pk)
    assert stored.status == Message.Status.PENDING
    assert stored.dedupe_key == "greeting:42"
    assert stored.composer == GREETING
    assert stored.subject == stored.body_text == ""
    assert WRITTEN == []


def test_the_row_is_stored_in_the_callers_transaction():
    with pytest.raises(RuntimeError), transaction.atomic():
        queue()
        raise RuntimeError("the caller's work failed")

    assert not Message.objects.exists()


def test_sending_writes_it_in_the_recipients_language_and_keeps_what_was_written(settings):
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    chinese = queue("zh-hans")
    english = queue("en")

    with translation.override("en"):
        assert deliver(chinese) == SENT
    assert deliver(english) == SENT

    assert WRITTEN == [("O'Brien", "zh-hans"), ("O'Brien", "en")]
    chinese.refresh_from_db()
    assert chinese.composer == ""
    assert chinese.subject == "是 O'Brien"
    assert chinese.body_text == "[zh-hans] 是, O'Brien.\nhttps://portal.example.org/events/42/\n"
    assert chinese.headers == {"X-Event": "42"}
    assert [item["filename"] for item in chinese.attachments] == ["note.txt"]
    zh_email, en_email = mail.outbox
    assert zh_email.subject == "是 O'Brien"
    assert zh_email.extra_headers["Content-Language"] == "zh-hans"
    assert [tuple(item) for item in zh_email.attachments] == [("note.txt", "for O'Brien", "text/plain")]
    assert '<html lang="zh-Hans">' in zh_email.alternatives[0][0]
    assert en_email.subject == "Yes O'Brien"


def test_a_retry_sends_what_the_first_try_wrote(settings):
    message = queue("en")
    settings.EMAIL_BACKEND = FAILING_BACKEND
    assert deliver(message) == PENDING
    message.refresh_from_db()
    assert message.subject == "Yes O'Brien"

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    assert deliver(message, now=True) == SENT

    assert len(WRITTEN) == 1  # written once
    (email,) = mail.outbox
    assert email.subject == "Yes O'Brien"


def test_the_worker_sends_it_once_the_transaction_commits(run_on_commit):
    with run_on_commit():
        message = queue("en")

    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert [email.subject for email in mail.outbox] == ["Yes O'Brien"]


def test_send_outbox_writes_and_sends_what_is_queued():
    queue("zh-hans")

    call_command("send_outbox", stdout=StringIO())

    assert [email.subject for email in mail.outbox] == ["是 O'Brien"]


def test_an_email_with_nothing_left_to_say_is_withdrawn():
    message = queue(composer=NOTHING_LEFT, arguments={})

    assert deliver(message) == SKIPPED

    message.refresh_from_db()
    assert message.status == Message.Status.CANCELLED
    assert message.claimed_until is None
    assert mail.outbox == []


def test_an_unknown_composer_is_a_failed_try_and_the_email_stays_pending():
    message = queue(composer="tests.outbox.no-such-composer", arguments={})

    assert deliver(message) == PENDING

    message.refresh_from_db()
    assert message.status == Message.Status.PENDING
    assert "no-such-composer" in message.last_error
    assert mail.outbox == []


def test_the_same_key_queues_one_email():
    first = queue(dedupe_key="greeting:42")
    second = queue(dedupe_key="greeting:42")

    assert first is not None
    assert second is None
    assert Message.objects.count() == 1


def test_queueing_costs_no_look_up_before_the_insert(django_assert_num_queries):
    # A savepoint around the one INSERT: the unique key decides, nothing is read first.
    with transaction.atomic(), django_assert_num_queries(3):
        queue(dedupe_key="greeting:42")
