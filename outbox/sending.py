"""Creating messages: `queue_message` stores one email, `send` renders one from templates, `queue_composed`
stores one that is written when it is sent (outbox/composing.py)."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from .models import Message
from .rendering import clean_attachments, clean_headers, clean_subject, render_email
from .tasks import deliver_message, deliver_messages

logger = logging.getLogger(__name__)


def dedupe_key_taken(dedupe_key):
    return Message.objects.filter(dedupe_key=dedupe_key).exists()


def message_fields(
    to, subject, body_text, body_html="", language="zh-hans", dedupe_key=None, headers=None, attachments=None
):
    return {
        "recipient": str(to).strip(),
        "subject": clean_subject(subject),
        "body_text": str(body_text),
        "body_html": str(body_html or ""),
        "language": language or settings.LANGUAGE_CODE,
        "dedupe_key": dedupe_key or None,
        "headers": clean_headers(headers),
        "attachments": clean_attachments(attachments),
    }


def queue_message(
    to, subject, body_text, body_html="", language="zh-hans", dedupe_key=None, headers=None, attachments=None
):
    """Store one email and queue its delivery once the current transaction commits.

    Returns the new `Message`, or None when a message with this `dedupe_key` already exists
    (two concurrent calls with the same key create one message: the unique constraint decides).
    `attachments`: `(filename, content bytes, mimetype)` tuples or `attachment(...)` dicts.
    """
    fields = message_fields(to, subject, body_text, body_html, language, dedupe_key, headers, attachments)
    if dedupe_key and dedupe_key_taken(dedupe_key):
        return None
    return _store(fields)


def queue_composed(to, composer, arguments, language, dedupe_key=None):
    """Store an email that is written when it is sent (outbox/composing.py: the composer registered as
    `composer`, given `arguments`, a JSON object, in `language`) and queue its delivery once the current
    transaction commits: the row is stored now, in the caller's transaction, with no look-up first (one
    INSERT when the key is new).

    Returns the new `Message`, or None when a message with `dedupe_key` already exists.
    """
    fields = message_fields(to, "", "", language=language, dedupe_key=dedupe_key)
    return _store({**fields, "composer": composer, "composer_arguments": arguments})


def _store(fields):
    """Store a message with these fields and queue its delivery on commit; None when its de-duplication
    key is taken (two concurrent calls with one key store one message: the unique constraint decides,
    in a savepoint)."""
    if fields["dedupe_key"]:
        try:
            with transaction.atomic():
                message = Message.objects.create(**fields)
        except IntegrityError:
            if dedupe_key_taken(fields["dedupe_key"]):
                return None
            raise
    else:
        message = Message.objects.create(**fields)
    # robust: when the queue cannot be reached, the message stays pending for `send_outbox`. A lambda, not
    # functools.partial: Django logs a robust callback's failure by its __qualname__, which a partial lacks
    # (an AttributeError, a 500, when the database went away right after the commit).
    message_id = message.pk
    transaction.on_commit(lambda: enqueue_delivery(message_id), robust=True)
    return message


def enqueue_delivery(message_id):
    deliver_message.using(backend=settings.PORTAL_TASK_BACKEND).enqueue(message_id)


def queue_messages(messages):
    """Store many emails with one INSERT and queue ONE delivery task for all of them on commit.

    `messages` is a list of dicts with the keyword arguments of `queue_message` (`to`, `subject`,
    `body_text`, optional `body_html`, `language`, `dedupe_key`, `headers`, `attachments`). Messages whose
    `dedupe_key` exists already are skipped. Returns the list of created `Message` objects.
    """
    rows = [message_fields(**fields) for fields in messages]
    keys = [row["dedupe_key"] for row in rows if row["dedupe_key"]]
    taken = (
        set(Message.objects.filter(dedupe_key__in=keys).values_list("dedupe_key", flat=True))
        if keys
        else set()
    )
    fresh, seen = [], set()
    for row in rows:
        key = row["dedupe_key"]
        if key and (key in taken or key in seen):
            continue
        if key:
            seen.add(key)
        fresh.append(Message(**row))
    if not fresh:
        return []
    try:
        with transaction.atomic():
            created = Message.objects.bulk_create(fresh)
    except IntegrityError:
        # A concurrent call stored some of these keys after our check: store the rest one by one.
        created = [message for message in fresh if create_unless_taken(message)]
    ids = [message.pk for message in created]
    if ids:
        transaction.on_commit(lambda: enqueue_batch_delivery(ids), robust=True)  # a lambda: see queue_message
    return created


def create_unless_taken(message):
    try:
        with transaction.atomic():
            message.save(force_insert=True)
    except IntegrityError:
        if message.dedupe_key and dedupe_key_taken(message.dedupe_key):
            message.pk = None
            return False
        raise
    return True


def enqueue_batch_delivery(message_ids):
    deliver_messages.using(backend=settings.PORTAL_TASK_BACKEND).enqueue(list(message_ids))


def cancel_pending(dedupe_key_prefix):
    """Withdraw the pending messages whose key starts with the prefix and that nobody is sending.

    A cancelled message is kept (status "cancelled") but gives its key up, so the same email may be
    queued again later. Returns the keys the cancelled messages had; a message being sent right now
    is not cancelled.
    """
    with transaction.atomic():
        Message.objects.filter(
            status=Message.Status.PENDING, dedupe_key__startswith=dedupe_key_prefix
        ).filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=timezone.now())).update(
            status=Message.Status.CANCELLED
        )
        cancelled = Message.objects.filter(
            status=Message.Status.CANCELLED, dedupe_key__startswith=dedupe_key_prefix
        )
        keys = list(cancelled.values_list("dedupe_key", flat=True))
        cancelled.update(dedupe_key=None)
    return keys


def send(to, template, context, language, dedupe_key=None, headers=None, attachments=None):
    """Render `{template}_subject.txt`, `{template}.txt` and, if it exists, `{template}.html` in
    `language` (with `portal_base_url` in the context), then queue the email.

    Returns the new `Message`, or None when a message with `dedupe_key` already exists.
    """
    if dedupe_key and dedupe_key_taken(dedupe_key):
        return None  # skip rendering what would not be sent
    subject, body_text, body_html = render_email(template, context, language)
    return queue_message(
        to=to,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        language=language,
        dedupe_key=dedupe_key,
        headers=headers,
        attachments=attachments,
    )
