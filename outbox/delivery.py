"""Delivering one stored message, exactly once, from the task or from `send_outbox`.

A delivery first claims the message with one conditional UPDATE (only a pending message that
nobody else is delivering can be claimed), sends it without holding any database lock, then
records the outcome. The task and the command can run side by side: whoever loses the claim
skips the message, and a message that is sent is never sent again.

A failed try leaves the message pending with `next_try_at` set by `retry_delay` (1, 5 and 15
minutes, then every hour): until then nobody claims it (unless forced), and the task that tried
schedules the next try on the worker (`outbox.tasks.schedule_retries`).
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F, Q
from django.utils import timezone

from .composing import compose
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

# The wait after the 1st, 2nd and 3rd failed try; after that, RETRY_DELAY_LAST between tries. With
# OUTBOX_MAX_TRIES = 27 the last try comes 23 h 21 min after the first (0, 1, 6, 21, 81, 141, ...
# minutes): a message is given up about a day after the mail server went down.
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15))
RETRY_DELAY_LAST = timedelta(hours=1)


def retry_delay(tries):
    """How long to wait after the `tries`-th failed try (1, 2, ...) before the next one."""
    if tries <= len(RETRY_DELAYS):
        return RETRY_DELAYS[max(tries, 1) - 1]
    return RETRY_DELAY_LAST


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


def claim(message_id, *, include_failed=False, now=False):
    """Take the message for delivery; False when it is sent, given up, being delivered, or its next
    try is later (`now=True` tries it anyway)."""
    moment = timezone.now()
    statuses = [Message.Status.PENDING]
    if include_failed:
        statuses.append(Message.Status.FAILED)
    claimable = Message.objects.filter(pk=message_id, status__in=statuses).filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=moment)
    )
    if not now:
        claimable = claimable.filter(Q(next_try_at__isnull=True) | Q(next_try_at__lte=moment))
    claimed = claimable.update(
        claimed_until=moment + CLAIM_DURATION, last_tried_at=moment, tries=F("tries") + 1
    )
    return claimed == 1


def deliver(message, *, include_failed=False, now=False, connection=None):
    """Send one message (a `Message` or its id) unless it is already sent, being sent, or not due.

    Never raises for a mail error: the error is logged and stored, the message stays pending (its
    next try `retry_delay` later) until it has been tried OUTBOX_MAX_TRIES times, then it is marked
    failed. `now=True` tries a pending message before its next try is due. A message queued to be
    written when sent (outbox/composing.py) is written first; an error writing it counts as a failed
    try, as a mail error does.
    Returns "sent", "pending" (failed, will be retried), "failed" (given up) or "skipped".
    `connection` (an open mail connection) lets a batch share one conversation with the server.
    """
    message_id = message.pk if isinstance(message, Message) else message
    if not claim(message_id, include_failed=include_failed, now=now):
        return SKIPPED
    message = Message.objects.get(pk=message_id)
    try:
        # An email written when it is sent is written now, once, and stored (a retry sends the same).
        if message.composer and not compose(message):
            return SKIPPED  # nothing to send any more: withdrawn
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
        next_try_at = None if gave_up else timezone.now() + retry_delay(message.tries)
        Message.objects.filter(pk=message.pk).exclude(status=Message.Status.SENT).update(
            status=status,
            last_error=repr(error)[:ERROR_MAX_LENGTH],
            claimed_until=None,
            next_try_at=next_try_at,
        )
        return FAILED if gave_up else PENDING
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENT, sent_at=timezone.now(), claimed_until=None, next_try_at=None
    )
    return SENT


def deliver_many(message_ids, *, include_failed=False):
    """Send several messages over one mail connection; returns how many were sent."""
    outcomes = deliver_each(message_ids, include_failed=include_failed)
    return sum(1 for outcome in outcomes.values() if outcome == SENT)


class Unreachable:
    """The mail connection a batch could not open: sending over it fails with the same error."""

    def __init__(self, error):
        self.error = error

    def send_messages(self, email_messages):
        raise self.error

    def close(self):
        pass


def deliver_each(message_ids, *, include_failed=False, now=False):
    """Send several messages over one mail connection; returns {message id: outcome of `deliver`}.

    When the connection cannot be opened, that is this try for every message of the batch: each is
    claimed and recorded as not sent (pending, retried with the others) without opening one more
    connection per message, which with a server that does not answer would take EMAIL_TIMEOUT each.
    A batch never loses a message.
    """
    connection = get_connection()
    try:
        connection.open()
    except Exception as error:
        logger.warning("Mail connection not opened for a batch of %s: %r", len(message_ids), error)
        connection = Unreachable(error)
    outcomes = {}
    try:
        for message_id in message_ids:
            outcomes[message_id] = deliver(
                message_id, include_failed=include_failed, now=now, connection=connection
            )
    finally:
        connection.close()
    return outcomes
