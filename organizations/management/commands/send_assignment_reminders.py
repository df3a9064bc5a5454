"""Email members who have not completed an assignment: a week before its due date (from 7 days to 2
days ahead), the day before, and once when it is overdue (Beijing calendar days); then delete the
certificate bundles older than seven days. Run by cron (hourly is fine).

Nobody gets the same reminder twice: each email's de-duplication key names the kind, the assignment,
the person and the due date (organizations/reminders.py), so running it twice, or two at once, sends
nothing twice; moving the due date reminds again for the new date.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from organizations.bundles import purge_old_bundles
from organizations.reminders import send_scheduled_reminders
from training.completion import beijing_today


class Command(BaseCommand):
    help = (
        "Remind members of assignments due in a week, due tomorrow or overdue (Beijing days), and delete "
        "certificate bundles older than seven days. Never sends a reminder twice: safe to run hourly, "
        "twice, or at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as if today (Beijing) were this day (YYYY-MM-DD).")

    def handle(self, *args, date=None, **options):
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(f"Not a date (YYYY-MM-DD): {date}") from error
        else:
            today = beijing_today()
        sent = send_scheduled_reminders(today)
        purged = purge_old_bundles()
        summary = ", ".join(f"{kind} {count}" for kind, count in sent.items())
        self.stdout.write(
            f"reminders for {today.isoformat()}: {summary}; certificate bundles deleted: {purged}"
        )
