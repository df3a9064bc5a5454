import logging
from itertools import groupby

from django.conf import settings
from django_tasks import task, task_backends

from .delivery import PENDING, SENT, deliver, deliver_each
from .models import Message

logger = logging.getLogger(__name__)


@task()
def deliver_message(message_id):
    """Send one outbox message. Enqueued on the PORTAL_TASK_BACKEND alias by `queue_message`, and
    again at its `next_try_at` while the mail server refuses it (`schedule_retries`)."""
    outcome = deliver(message_id)
    if outcome == PENDING:
        schedule_retries([message_id])
    return outcome


@task()
def deliver_messages(message_ids):
    """Send a batch of outbox messages over one mail connection (queued by `queue_messages`); the
    ones that stay pending are retried together by one task."""
    outcomes = deliver_each(message_ids)
    schedule_retries([message_id for message_id, outcome in outcomes.items() if outcome == PENDING])
    return sum(1 for outcome in outcomes.values() if outcome == SENT)


def schedule_retries(message_ids):
    """Queue the next try of these messages (pending after a failed try) for their `next_try_at`.

    Messages tried the same number of times wait as long (`retry_delay`), so they share one task
    that runs when the last of them is due: a bulk alert sent while the server is down makes one
    retry task per try, not one per message. Nothing is queued on a backend that cannot run a task
    later (the immediate backend): `send_outbox` (cron) tries them then. Returns the tasks queued.
    The claim in `outbox.delivery` keeps a retry racing `send_outbox` from sending twice.
    """
    if not message_ids or not task_backends[settings.PORTAL_TASK_BACKEND].supports_defer:
        return 0
    due = (
        Message.objects.filter(
            pk__in=list(message_ids), status=Message.Status.PENDING, next_try_at__isnull=False
        )
        .order_by("tries", "pk")
        .values_list("tries", "pk", "next_try_at")
    )
    queued = 0
    for _tries, rows in groupby(due, key=lambda row: row[0]):
        rows = list(rows)
        ids = [pk for _, pk, _ in rows]
        run_after = max(next_try_at for _, _, next_try_at in rows)
        retry = deliver_message if len(ids) == 1 else deliver_messages
        try:
            retry.using(backend=settings.PORTAL_TASK_BACKEND, run_after=run_after).enqueue(
                ids[0] if len(ids) == 1 else ids
            )
        except Exception as error:  # the queue is unreachable: cron's send_outbox tries them
            logger.warning("Retry of email messages %s not queued: %r", ids, error)
            continue
        queued += 1
    return queued
