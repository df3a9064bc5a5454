"""Files sent with an email (a calendar entry, a QR code): stored with the message, sent on every try."""

import base64
from io import StringIO

import pytest
from django.core.management import call_command

import outbox
from outbox.models import Message

from .conftest import FAILING_BACKEND, LOCMEM_BACKEND

pytestmark = pytest.mark.django_db

ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00binary"


def queue(**kwargs):
    fields = {"to": "ann@example.org", "subject": "Hello", "body_text": "Hi Ann", "language": "en"}
    return outbox.queue_message(**{**fields, **kwargs})


def test_attachments_are_stored_with_the_message_in_base64():
    message = queue(attachments=[("event.ics", ICS, "text/calendar")])
    message.refresh_from_db()
    assert message.attachments == [
        {
            "filename": "event.ics",
            "mimetype": "text/calendar",
            "content_base64": base64.b64encode(ICS).decode(),
        }
    ]


def test_attachments_are_sent_with_the_email(run_on_commit, mailoutbox):
    with run_on_commit():
        queue(attachments=[("event.ics", ICS, "text/calendar"), ("code.png", PNG, "image/png")])
    (email,) = mailoutbox
    assert email.attachments[0] == ("event.ics", ICS.decode(), "text/calendar")
    assert email.attachments[1] == ("code.png", PNG, "image/png")


def test_an_attachment_dict_made_by_outbox_attachment_is_accepted(run_on_commit, mailoutbox):
    with run_on_commit():
        queue(attachments=[outbox.attachment("code.png", PNG, "image/png")])
    assert mailoutbox[0].attachments == [("code.png", PNG, "image/png")]


def test_a_message_without_attachments_has_none(run_on_commit, mailoutbox):
    with run_on_commit():
        message = queue()
    assert message.attachments == []
    assert mailoutbox[0].attachments == []


def test_send_passes_attachments_on(email_templates, run_on_commit, mailoutbox):
    with run_on_commit():
        outbox.send(
            "ann@example.org",
            "outbox_tests/plain",
            {"name": "Ann"},
            "en",
            attachments=[("a.png", PNG, "image/png")],
        )
    assert mailoutbox[0].attachments == [("a.png", PNG, "image/png")]


def test_queue_messages_stores_attachments_of_each_message():
    created = outbox.queue_messages(
        [
            {
                "to": "a@example.org",
                "subject": "s",
                "body_text": "b",
                "attachments": [("a.png", PNG, "image/png")],
            },
            {"to": "b@example.org", "subject": "s", "body_text": "b"},
        ]
    )
    assert [len(message.attachments) for message in created] == [1, 0]


def test_a_retry_sends_the_same_attachments(settings, run_on_commit):
    from django.core import mail

    settings.EMAIL_BACKEND = FAILING_BACKEND
    with run_on_commit():
        message = queue(attachments=[("event.ics", ICS, "text/calendar")])
    message.refresh_from_db()
    assert message.status == Message.Status.PENDING

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    call_command("send_outbox", "--now", stdout=StringIO())
    assert mail.outbox[0].attachments == [("event.ics", ICS.decode(), "text/calendar")]


def test_an_attachment_that_is_not_base64_is_refused():
    with pytest.raises(ValueError):
        queue(attachments=[{"filename": "x", "mimetype": "image/png", "content_base64": "not base64!"}])
    assert not Message.objects.exists()
