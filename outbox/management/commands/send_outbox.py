from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from outbox.delivery import PENDING, SENT, deliver
from outbox.models import Message
from outbox.tasks import schedule_retries


class Command(BaseCommand):
    help = (
        "Send the outbox's pending email messages that are due, oldest first. Safe to run at any time, "
        "twice in a row, or beside the task worker: a message is never sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Try at most this many messages.")
        parser.add_argument(
            "--include-failed",
            action="store_true",
            help="Also retry messages that were given up after OUTBOX_MAX_TRIES tries.",
        )
        parser.add_argument(
            "--now",
            action="store_true",
            help="Also try the pending messages whose next try (after a failed one) is later.",
        )

    def handle(self, *args, limit=None, include_failed=False, now=False, **options):
        statuses = [Message.Status.PENDING]
        if include_failed:
            statuses.append(Message.Status.FAILED)
        ids = Message.objects.filter(status__in=statuses)
        if not now:
            ids = ids.filter(Q(next_try_at__isnull=True) | Q(next_try_at__lte=timezone.now()))
        ids = ids.order_by("created_at", "pk").values_list("pk", flat=True)
        if limit is not None:
            ids = ids[: max(limit, 0)]
        sent, retry = 0, []
        for message_id in list(ids):
            outcome = deliver(message_id, include_failed=include_failed, now=now)
            if outcome == SENT:
                sent += 1
            elif outcome == PENDING:
                retry.append(message_id)
        # What failed here is retried by the worker too (one task per number of tries).
        schedule_retries(retry)
        pending = Message.objects.filter(status=Message.Status.PENDING).count()
        failed = Message.objects.filter(status=Message.Status.FAILED).count()
        self.stdout.write(f"sent {sent}, still pending {pending}, failed {failed}")
