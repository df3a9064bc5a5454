"""Erase the people of events that ended more than a year ago (events/retention.py). Run nightly."""

from django.core.management.base import BaseCommand

from events.retention import forget_past_registrations


class Command(BaseCommand):
    help = "Erase names, addresses, phone numbers and organisations of events that ended over a year ago."

    def handle(self, *args, **options):
        erased = forget_past_registrations()
        self.stdout.write(
            "Erased {registrations} registrations, {invitations} invitations and {walk_ins} walk-ins.".format(
                **erased
            )
        )
