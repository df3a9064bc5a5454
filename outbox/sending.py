"""Creating messages: `queue_message` stores one email, `send` renders one from templates."""

import base64
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from .models import Message
from .tasks import deliver_message, deliver_messages

logger = logging.getLogger(__name__)

SUBJECT_MAX_LENGTH = Message._meta.get_field("subject").max_length


def clean_subject(subject):
    """One line (a header cannot hold a newline), at most as long as the column."""
    subject = " ".join(str(subject).split())
    if len(subject) > SUBJECT_MAX_LENGTH:
        subject = subject[: SUBJECT_MAX_LENGTH - 1] + "…"
    return subject


def dedupe_key_taken(dedupe_key):
    return Message.objects.filter(dedupe_key=dedupe_key).exists()


def clean_headers(headers):
    """Header values on one line each (a newline would start another header)."""
    return {str(name): " ".join(str(value).split()) for name, value in (headers or {}).items()}


def attachment(filename, content, mimetype):
    """An attachment as stored in `Message.attachments` (JSON: the content in base64)."""
    if isinstance(content, str):
        content = content.encode()
    return {
        "filename": str(filename),
        "mimetype": str(mimetype),
        "content_base64": base64.b64encode(bytes(content)).decode("ascii"),
    }


def clean_attachments(attachments):
    """`(filename, content, mimetype)` tuples or stored dicts, as stored dicts."""
    cleaned = []
    for item in attachments or ():
        if isinstance(item, dict):
            base64.b64decode(item["content_base64"], validate=True)  # refuse what could not be sent
            cleaned.append(
                {
                    "filename": str(item["filename"]),
                    "mimetype": str(item["mimetype"]),
                    "content_base64": item["content_base64"],
                }
            )
        else:
            filename, content, mimetype = item
            cleaned.append(attachment(filename, content, mimetype))
    return cleaned


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
    if dedupe_key:
        if dedupe_key_taken(dedupe_key):
            return None
        try:
            with transaction.atomic():
                message = Message.objects.create(**fields)
        except IntegrityError:
            # Someone else created it between the check and the insert.
            if dedupe_key_taken(dedupe_key):
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


def render_text(template_name, context):
    """Render a plain-text template without HTML escaping (`O'Brien`, not `O&#x27;Brien`)."""
    template = get_template(template_name)
    django_template = getattr(template, "template", None)
    if django_template is None:  # not the Django template language
        return template.render(context)
    return django_template.render(Context(context, autoescape=False))


def site_names(language):
    """The office's and the portal's names in `language`: `settings.OUTBOX_SITE_NAMES` (a dotted path to
    a function of the language, giving the site settings' names) over the `PORTAL_NAME` setting."""
    with translation.override(language):
        names = {"portal_name": str(settings.PORTAL_NAME), "office_name": str(settings.PORTAL_NAME)}
        path = getattr(settings, "OUTBOX_SITE_NAMES", "")
        if path:
            names.update(import_string(path)(language))
    return names


def email_context(context, language):
    """What every email template may use: the portal's address and names (office, portal), the language."""
    return {
        "portal_base_url": settings.PORTAL_BASE_URL,
        **site_names(language),
        "language": language,
        **(context or {}),
    }


def render_email(template, context, language):
    """(subject, body_text, body_html) for `template` rendered in `language`."""
    context = email_context(context, language)
    with translation.override(language):
        subject = render_text(f"{template}_subject.txt", context)
        body_text = render_text(f"{template}.txt", context)
        try:
            html_template = get_template(f"{template}.html")
        except TemplateDoesNotExist:
            body_html = ""
        else:
            body_html = html_template.render(context)
    return clean_subject(subject), body_text, body_html


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
