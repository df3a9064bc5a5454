"""What other rooms may use of the outbox (exported by `outbox/__init__.py`; DESIGN.md, "Contracts").

Every email is stored first (one row per message), then delivered by a task; `manage.py send_outbox`
re-sends what is still pending. A `dedupe_key` makes sure the same message is never created twice.
"""

from contextlib import contextmanager

from django.db.models import Count, Q

from . import composing, rendering, sending
from .models import Message

attachment = rendering.attachment
cancel_pending = sending.cancel_pending
queue_message = sending.queue_message
queue_messages = sending.queue_messages
queue_composed = sending.queue_composed
composer = composing.composer
Composed = composing.Composed
render_email = rendering.render_email
send = sending.send
dedupe_key_taken = sending.dedupe_key_taken
email_context = rendering.email_context


def taken_keys(dedupe_keys):
    """The de-duplication keys among `dedupe_keys` that a message already holds (one query)."""
    return set(Message.objects.filter(dedupe_key__in=list(dedupe_keys)).values_list("dedupe_key", flat=True))


def status_counts(dedupe_key_prefix):
    """{"sent", "pending", "failed"}: how the messages whose key starts with the prefix stand, for staff."""
    return Message.objects.filter(dedupe_key__startswith=dedupe_key_prefix).aggregate(
        sent=Count("pk", filter=Q(status=Message.Status.SENT)),
        pending=Count("pk", filter=Q(status=Message.Status.PENDING)),
        failed=Count("pk", filter=Q(status=Message.Status.FAILED)),
    )


@contextmanager
def withdrawn_to(domain):
    """Withdraw the emails queued inside the block to addresses at `domain` before any is sent (the
    demo's people have no mailbox). Delivery waits for the transaction to commit and takes only pending
    messages, so one withdrawn here never leaves; its de-duplication key is given up."""
    last = Message.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    Message.objects.filter(
        pk__gt=last, recipient__endswith=f"@{domain.lstrip('@')}", status=Message.Status.PENDING
    ).update(status=Message.Status.CANCELLED, dedupe_key=None)
