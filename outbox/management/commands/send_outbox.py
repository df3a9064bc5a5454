from django.core.management.base import BaseCommand

from outbox.delivery import SENT, deliver
from outbox.models import Message


class Command(BaseCommand):
    help = (
        "Send the outbox's pending email messages, oldest first. Safe to run at any time, twice in a "
        "row, or beside the task worker: a message is never sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Try at most this many messages.")
        parser.add_argument(
            "--include-failed",
            action="store_true",
            help="Also retry messages that were given up after OUTBOX_MAX_TRIES tries.",
        )

    def handle(self, *args, limit=None, include_failed=False, **options):
        statuses = [Message.Status.PENDING]
        if include_failed:
            statuses.append(Message.Status.FAILED)
        ids = Message.objects.filter(status__in=statuses).order_by("created_at", "pk")
        ids = ids.values_list("pk", flat=True)
        if limit is not None:
            ids = ids[: max(limit, 0)]
        sent = 0
        for message_id in list(ids):
            if deliver(message_id, include_failed=include_failed) == SENT:
                sent += 1
        pending = Message.objects.filter(status=Message.Status.PENDING).count()
        failed = Message.objects.filter(status=Message.Status.FAILED).count()
        self.stdout.write(f"sent {sent}, still pending {pending}, failed {failed}")
