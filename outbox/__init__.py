"""Every email the portal sends goes through here.

A message is stored first (one row per email), then delivered by a task; `manage.py send_outbox`
re-sends what is still pending. A `dedupe_key` makes sure the same message is never created twice.

The functions below import lazily: an app package must not import models while Django loads.
"""


def queue_message(
    to, subject, body_text, body_html="", language="zh-hans", dedupe_key=None, headers=None, attachments=None
):
    """Store one email and queue its delivery once the current transaction commits.

    Returns the new `Message`, or None when a message with `dedupe_key` already exists.
    `headers` are extra email headers of this message (e.g. List-Unsubscribe); `attachments` a list
    of `(filename, content bytes, mimetype)` tuples or `outbox.attachment(...)` dicts.
    """
    from .sending import queue_message as _queue_message

    return _queue_message(
        to=to,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        language=language,
        dedupe_key=dedupe_key,
        headers=headers,
        attachments=attachments,
    )


def send(to, template, context, language, dedupe_key=None, headers=None, attachments=None):
    """Render `{template}_subject.txt`, `{template}.txt` and, if it exists, `{template}.html` in
    `language`, then queue the email (see `queue_message`). `headers`: extra email headers;
    `attachments`: files sent with it (see `queue_message`)."""
    from .sending import send as _send

    return _send(
        to=to,
        template=template,
        context=context,
        language=language,
        dedupe_key=dedupe_key,
        headers=headers,
        attachments=attachments,
    )


def attachment(filename, content, mimetype):
    """One attachment as stored with a message: `content` is bytes (or text, sent as UTF-8)."""
    from .sending import attachment as _attachment

    return _attachment(filename, content, mimetype)


def queue_messages(messages):
    """Store many emails in one INSERT and queue one delivery task for them all (see sending.py)."""
    from .sending import queue_messages as _queue_messages

    return _queue_messages(messages)


def cancel_pending(dedupe_key_prefix):
    """Withdraw pending messages whose de-duplication key starts with the prefix; returns their keys."""
    from .sending import cancel_pending as _cancel_pending

    return _cancel_pending(dedupe_key_prefix)


__all__ = ["attachment", "cancel_pending", "queue_message", "queue_messages", "send"]
