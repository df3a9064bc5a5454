"""Creating messages: `queue_message` stores one email, `send` renders one from templates."""

import logging
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import translation

from .models import Message

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


def queue_message(to, subject, body_text, body_html="", language="zh-hans", dedupe_key=None):
    """Store one email and queue its delivery once the current transaction commits.

    Returns the new `Message`, or None when a message with this `dedupe_key` already exists
    (two concurrent calls with the same key create one message: the unique constraint decides).
    """
    fields = {
        "recipient": str(to).strip(),
        "subject": clean_subject(subject),
        "body_text": str(body_text),
        "body_html": str(body_html or ""),
        "language": language or settings.LANGUAGE_CODE,
        "dedupe_key": dedupe_key or None,
    }
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
    # robust: when the queue cannot be reached, the message stays pending for `send_outbox`.
    transaction.on_commit(partial(enqueue_delivery, message.pk), robust=True)
    return message


def enqueue_delivery(message_id):
    from .tasks import deliver_message

    deliver_message.using(backend=settings.PORTAL_TASK_BACKEND).enqueue(message_id)


def render_text(template_name, context):
    """Render a plain-text template without HTML escaping (`O'Brien`, not `O&#x27;Brien`)."""
    template = get_template(template_name)
    django_template = getattr(template, "template", None)
    if django_template is None:  # not the Django template language
        return template.render(context)
    return django_template.render(Context(context, autoescape=False))


def email_context(context, language):
    return {
        "portal_base_url": settings.PORTAL_BASE_URL,
        "portal_name": settings.PORTAL_NAME,
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


def send(to, template, context, language, dedupe_key=None):
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
    )
