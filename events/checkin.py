"""Check-in at the door: the QR code a registrant shows, checking a registration in exactly once, and
walk-ins (who count as attended but take no one's place)."""

import io
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from .models import Registration, WalkIn


def check_in_url(registration):
    """The staff-only URL the registration's QR code encodes (absolute, built without a request).

    In the site's default language: the officers at the door read the portal in it, whatever language
    the registrant chose."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("events:check_in", args=[registration.check_in_code])
    return f"{settings.PORTAL_BASE_URL}{path}"


def _qr(registration):
    import segno

    # Medium error correction survives a cracked phone screen or a smudged print-out.
    return segno.make(check_in_url(registration), error="m", micro=False)


def qr_label(registration):
    return _("Check-in QR code for %(name)s, code %(code)s") % {
        "name": registration.name,
        "code": registration.check_in_code,
    }


def qr_svg(registration):
    """An inline SVG (no XML declaration) with a title and an accessible name; sized by CSS (viewBox)."""
    label = escape(qr_label(registration))
    svg = _qr(registration).svg_inline(scale=1, border=4, title=label, svgclass="qr-code", omitsize=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def qr_png(registration):
    """A PNG big enough to scan from a print-out or another screen (about 8 pixels a module)."""
    buffer = io.BytesIO()
    _qr(registration).save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()


@dataclass(frozen=True)
class CheckInResult:
    registration: Registration
    checked_in: bool  # True when this call checked the person in
    reason: str = ""  # "already", "cancelled", "waitlisted" when it did not

    @property
    def already(self):
        return self.reason == "already"


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
        return CheckInResult(registration, checked_in=False, reason="already")
    return CheckInResult(registration, checked_in=False, reason=registration.status)


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
