from django.core.management.base import BaseCommand

from destinations.fanout import run_fanout
from destinations.models import AlertFanout


class Command(BaseCommand):
    help = (
        "Carry on every alert fan-out that is queued or was left half-way (a worker crash, a lost task). "
        "Safe beside the worker and twice in a row: whoever already has the email is skipped."
    )

    def handle(self, *args, **options):
        unfinished = AlertFanout.objects.filter(
            status__in=[AlertFanout.Status.QUEUED, AlertFanout.Status.SENDING]
        ).order_by("created_at")
        for fanout_id in list(unfinished.values_list("pk", flat=True)):
            status = run_fanout(fanout_id)
            fanout = AlertFanout.objects.get(pk=fanout_id)
            self.stdout.write(f"{fanout.title}: {status} ({fanout.sent} of {fanout.recipients})")
