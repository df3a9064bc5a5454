"""Delivering one stored message, exactly once, from the task or from `send_outbox`.

A delivery first claims the message with one conditional UPDATE (only a pending message that
nobody else is delivering can be claimed), sends it without holding any database lock, then
records the outcome. The task and the command can run side by side: whoever loses the claim
skips the message, and a message that is sent is never sent again.
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F, Q
from django.utils import timezone

from .models import Message

logger = logging.getLogger(__name__)

SENT = "sent"
PENDING = "pending"
FAILED = "failed"
SKIPPED = "skipped"

# How long a claim lasts: far longer than one SMTP conversation (EMAIL_TIMEOUT), so it only
# expires when the process that claimed the message died before recording the outcome.
CLAIM_DURATION = timedelta(minutes=15)
ERROR_MAX_LENGTH = 2000


def build_email(message, connection=None):
    headers = {"Content-Language": message.language, "Auto-Submitted": "auto-generated"}
    headers.update(message.headers or {})
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.recipient],
        headers=headers,
        connection=connection,
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    for item in message.attachments or ():
        email.attach(item["filename"], base64.b64decode(item["content_base64"]), item["mimetype"])
    return email


def claim(message_id, *, include_failed=False):
    """Take the message for delivery; False when it is sent, given up, or being delivered."""
    now = timezone.now()
    statuses = [Message.Status.PENDING]
    if include_failed:
        statuses.append(Message.Status.FAILED)
    claimed = (
        Message.objects.filter(pk=message_id, status__in=statuses)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + CLAIM_DURATION, last_tried_at=now, tries=F("tries") + 1)
    )
    return claimed == 1


def deliver(message, *, include_failed=False, connection=None):
    """Send one message (a `Message` or its id) unless it is already sent or being sent.

    Never raises for a mail error: the error is logged and stored, the message stays pending
    until it has been tried OUTBOX_MAX_TRIES times, then it is marked failed.
    Returns "sent", "pending" (failed, will be retried), "failed" (given up) or "skipped".
    `connection` (an open mail connection) lets a batch share one conversation with the server.
    """
    message_id = message.pk if isinstance(message, Message) else message
    if not claim(message_id, include_failed=include_failed):
        return SKIPPED
    message = Message.objects.get(pk=message_id)
    try:
        build_email(message, connection=connection).send()
    except Exception as error:
        gave_up = message.tries >= settings.OUTBOX_MAX_TRIES
        logger.warning(
            "Email message %s not sent (try %s of %s%s): %r",
            message.pk,
            message.tries,
            settings.OUTBOX_MAX_TRIES,
            ", giving up" if gave_up else "",
            error,
        )
        status = Message.Status.FAILED if gave_up else Message.Status.PENDING
        Message.objects.filter(pk=message.pk).exclude(status=Message.Status.SENT).update(
            status=status, last_error=repr(error)[:ERROR_MAX_LENGTH], claimed_until=None
        )
        return FAILED if gave_up else PENDING
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENT, sent_at=timezone.now(), claimed_until=None
    )
    return SENT


def deliver_many(message_ids, *, include_failed=False):
    """Send several messages over one mail connection; returns how many were sent.

    When the connection cannot be opened, each message is tried on its own (and stays pending if
    the server is down), so a batch never loses a message.
    """
    connection = get_connection()
    try:
        connection.open()
    except Exception as error:
        logger.warning("Mail connection not opened for a batch, sending one by one: %r", error)
        connection = None
    sent = 0
    try:
        for message_id in message_ids:
            if deliver(message_id, include_failed=include_failed, connection=connection) == SENT:
                sent += 1
    finally:
        if connection is not None:
            connection.close()
    return sent
