"""Emails written when they are sent: the row is stored at once (in the caller's transaction, with its
de-duplication key), its words and files are written by the worker just before the first try.

A request that queues one (a registration under a crowd) pays for one INSERT, not for rendering
templates, a calendar file and a QR code. What is written is stored on the message before it is sent,
so a retry sends the same words and files. A composer is a function registered under a name with
`@composer(name)`; it gets the message's stored arguments (JSON) and returns a `Composed` (templates,
context, files), or None when there is nothing to send any more (what it was about is gone). It runs in
the recipient's language, and reads only what it is given and the database, so writing the same
message twice gives the same email.
"""

import logging
from dataclasses import dataclass, field

from django.utils import translation

from .models import Message
from .rendering import clean_attachments, clean_headers, render_email

logger = logging.getLogger(__name__)

COMPOSERS = {}


@dataclass(frozen=True)
class Composed:
    """What a composer writes: `template` as `outbox.send` takes it, its context and attachments."""

    template: str
    context: dict
    attachments: list = field(default_factory=list)
    headers: dict = field(default_factory=dict)


class UnknownComposerError(LookupError):
    pass


def composer(name):
    """Register the decorated function as the composer called `name` (stored on each message)."""

    def register(function):
        COMPOSERS[name] = function
        return function

    return register


def compose(message):
    """Write a message queued by `queue_composed` and store its words and files on it (a `Message`,
    updated in place). Returns False when its composer had nothing to send: the message is then
    withdrawn (cancelled). Raises what the composer raises (the delivery counts it as a failed try)."""
    if not message.composer:
        return True
    try:
        function = COMPOSERS[message.composer]
    except KeyError:
        raise UnknownComposerError(f"no email composer is registered as {message.composer!r}") from None
    with translation.override(message.language):
        composed = function(**message.composer_arguments)
        if composed is None:
            Message.objects.filter(pk=message.pk).update(status=Message.Status.CANCELLED, claimed_until=None)
            message.status = Message.Status.CANCELLED
            return False
        subject, body_text, body_html = render_email(composed.template, composed.context, message.language)
        written = {
            "subject": subject,
            "body_text": body_text,
            "body_html": body_html,
            "headers": {**message.headers, **clean_headers(composed.headers)},
            "attachments": clean_attachments(composed.attachments),
            "composer": "",
        }
    Message.objects.filter(pk=message.pk).update(**written)
    for name, value in written.items():
        setattr(message, name, value)
    return True
