"""Email confirmed registrants of tomorrow's events a reminder. Run by cron (hourly is fine).

"The day before" is the calendar day in Asia/Shanghai: on 1 December (Beijing time) everyone confirmed
for an event on 2 December is reminded, whatever its hour. A registration made or promoted later that
day is reminded by the next run. Nobody is reminded twice: each batch claims its registrations with a
conditional UPDATE of `reminded_at` and stores their emails (de-duplicated per registration) in the
same transaction.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from events.models import Registration
from events.notifications import send_reminders

BATCH_SIZE = 200


def tomorrow(now=None):
    """The calendar day after today in the site's time zone (Asia/Shanghai), whatever the server's."""
    return timezone.localdate(now) + datetime.timedelta(days=1)


def day_bounds(day):
    """The start of `day` and of the next day, in the site's time zone (Asia/Shanghai)."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))
    return start, end


def due_reminders(day):
    """Confirmed registrations not reminded yet, for events on `day` that are not cancelled."""
    start, end = day_bounds(day)
    return Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
        event__cancelled_at__isnull=True,
        event__starts_at__gte=start,
        event__starts_at__lt=end,
    ).order_by("pk")


def remind_batch(day, after_pk):
    """Mark one batch reminded (a conditional UPDATE) and store its emails, in one transaction.

    Returns (how many were reminded, the last pk looked at) or (0, None) when none is left.
    """
    with transaction.atomic():
        ids = list(due_reminders(day).filter(pk__gt=after_pk).values_list("pk", flat=True)[:BATCH_SIZE])
        if not ids:
            return 0, None
        now = timezone.now()
        # Only rows still not reminded are claimed: a second run at the same moment skips them.
        claimed = list(
            Registration.objects.select_for_update()
            .filter(pk__in=ids, reminded_at__isnull=True)
            .values_list("pk", flat=True)
        )
        Registration.objects.filter(pk__in=claimed, reminded_at__isnull=True).update(reminded_at=now)
        registrations = (
            Registration.objects.filter(pk__in=claimed).select_related("event").order_by("event", "pk")
        )
        sent = 0
        by_event = {}
        for registration in registrations:
            by_event.setdefault(registration.event_id, []).append(registration)
        for group in by_event.values():
            sent += len(send_reminders(group))
    return sent, ids[-1]


class Command(BaseCommand):
    help = (
        "Email a reminder to everyone confirmed for an event that starts tomorrow (the calendar day after "
        "today in Asia/Shanghai). Never reminds anyone twice: safe to run hourly, twice, or at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Remind for events on this day (YYYY-MM-DD, Asia/Shanghai) instead of tomorrow.",
        )

    def handle(self, *args, date=None, **options):
        if date:
            try:
                day = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(f"Not a date (YYYY-MM-DD): {date}") from error
        else:
            day = tomorrow()
        total, after_pk = 0, 0
        while True:
            sent, after_pk = remind_batch(day, after_pk)
            if after_pk is None:
                break
            total += sent
        self.stdout.write(f"reminded {total} for events on {day.isoformat()}")
