"""Check-in at the door: the QR code a registrant shows, checking a registration in exactly once, and
walk-ins (who count as attended but take no one's place)."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from home import qr
from home.links import absolute_reverse

from .models.records import Registration, WalkIn


def check_in_url(registration):
    """The staff-only URL the registration's QR code encodes (absolute, built without a request).

    In the site's default language: the officers at the door read the portal in it, whatever language
    the registrant chose."""
    return absolute_reverse(settings.LANGUAGE_CODE, "events:check_in", registration.check_in_code)


def qr_label(registration):
    return _("Check-in QR code for %(name)s, code %(code)s") % {
        "name": registration.name,
        "code": registration.check_in_code,
    }


def qr_svg(registration):
    """An inline SVG with a title and an accessible name; sized by CSS (viewBox)."""
    return qr.qr_svg(check_in_url(registration), css_class="qr-code", label=qr_label(registration))


def qr_png(registration):
    return qr.qr_png(check_in_url(registration))


class NotCheckedIn(models.TextChoices):
    """Why a check-in did not happen."""

    ALREADY = "already"
    CANCELLED = Registration.Status.CANCELLED.value
    WAITLISTED = Registration.Status.WAITLISTED.value


@dataclass(frozen=True)
class CheckInResult:
    registration: Registration
    checked_in: bool  # True when this call checked the person in
    reason: str = ""  # a NotCheckedIn when it did not

    @property
    def already(self):
        return self.reason == NotCheckedIn.ALREADY


def check_in(registration, by_user=None):
    """Check a confirmed registration in, exactly once, whatever happens at once.

    One conditional UPDATE (only while not checked in and confirmed) decides; the row is then read
    back to tell the caller when it was checked in, or why it cannot be."""
    now = timezone.now()
    updated = Registration.objects.filter(
        pk=registration.pk, checked_in_at__isnull=True, status=Registration.Status.CONFIRMED
    ).update(checked_in_at=now, checked_in_by=by_user)
    registration.refresh_from_db(fields=["status", "checked_in_at", "checked_in_by"])
    if updated:
        return CheckInResult(registration, checked_in=True)
    if registration.checked_in_at is not None:
        return CheckInResult(registration, checked_in=False, reason=NotCheckedIn.ALREADY)
    if registration.status == Registration.Status.CANCELLED:
        return CheckInResult(registration, checked_in=False, reason=NotCheckedIn.CANCELLED)
    # Waitlisted when the UPDATE ran (a promotion may have confirmed it since).
    return CheckInResult(registration, checked_in=False, reason=NotCheckedIn.WAITLISTED)


def add_walk_in(event, name, email="", by_user=None):
    """Record someone who came without registering. Never touches registrations or capacity."""
    with transaction.atomic():
        return WalkIn.objects.create(
            event=event, name=name.strip(), email=email.strip(), checked_in_by=by_user
        )


@dataclass(frozen=True)
class CheckInCounts:
    confirmed: int
    checked_in: int
    walk_ins: int

    @property
    def attended(self):
        return self.checked_in + self.walk_ins


def check_in_counts(event):
    """Confirmed and checked-in registrations and walk-ins of one event, in two queries."""
    counts = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )
    return CheckInCounts(
        confirmed=counts["confirmed"],
        checked_in=counts["checked_in"],
        walk_ins=WalkIn.objects.filter(event=event).count(),
    )
