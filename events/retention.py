"""How long the events room keeps people's details: until a year after the event (the registration
form and the privacy notice say so). Then the name, email address, phone number and organisation of
everyone who registered, was invited or walked in are erased; the rows stay, without anyone in them,
so the office's counts (registered, attended, on the waitlist) still add up.

Idempotent: a row already erased is not touched again. Run nightly by cron (`forget_past_registrations`).
"""

import datetime

from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from .models.records import Invitation, Registration, WalkIn

RETENTION = datetime.timedelta(days=365)
# A reserved domain (RFC 2606): never delivered, and unique per row, as the constraints want.
FORGOTTEN_DOMAIN = "forgotten.invalid"


def forgotten_email(prefix):
    return Concat(Value(f"{prefix}-"), Cast("pk", CharField()), Value(f"@{FORGOTTEN_DOMAIN}"))


def forget_past_registrations(now=None):
    """Erase the people of events that ended more than RETENTION ago; returns how many rows of each."""
    cutoff = (now or timezone.now()) - RETENTION
    over = {"event__ends_at__lte": cutoff}
    with transaction.atomic():
        registrations = (
            Registration.objects.filter(**over)
            .exclude(email__endswith=f"@{FORGOTTEN_DOMAIN}")
            .update(
                name="",
                email=forgotten_email("registration"),
                phone="",
                organisation="",
                user=None,
                checked_in_by=None,
                cancelled_by=None,
            )
        )
        invitations = (
            Invitation.objects.filter(**over)
            .exclude(email__endswith=f"@{FORGOTTEN_DOMAIN}")
            .update(email=forgotten_email("invitation"), invited_by=None)
        )
        walk_ins = (
            WalkIn.objects.filter(**over)
            .exclude(name="", email="")
            .update(name="", email="", checked_in_by=None)
        )
    return {"registrations": registrations, "invitations": invitations, "walk_ins": walk_ins}
