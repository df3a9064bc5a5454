"""Whether an event takes registrations now, its places left and its waitlist: read only, no emails.

The rules (registration needed, when it opens and closes) are the same in every language and kept on
the shared `Event` with the other synchronised facts (events/sync.py), so they are read with the
Event, never from a page.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from .models.records import Event, Registration

Status = Registration.Status


class ClosedReason(models.TextChoices):
    """Why an event takes no registrations (the registration box and form say it in words)."""

    NOT_OPEN_YET = "not_open_yet"
    CLOSED = "closed"
    STARTED = "started"
    CANCELLED = "cancelled"
    NOT_NEEDED = "not_needed"


@dataclass(frozen=True)
class RegistrationState:
    is_open: bool
    reason: str | None  # a ClosedReason
    places_left: int | None  # None: no limit
    waitlist_length: int


def promotion_deadline(event):
    """From this moment on nobody is promoted from the waitlist (the waitlist closes)."""
    return event.starts_at - datetime.timedelta(hours=settings.EVENTS_PROMOTION_CUTOFF_HOURS)


def promotions_allowed(event, at=None):
    at = at or timezone.now()
    return event.cancelled_at is None and at < promotion_deadline(event)


def closed_reason(event, at):
    """Why registration is closed at `at` (full events aside), or None."""
    if event.cancelled_at is not None:
        return ClosedReason.CANCELLED
    if not event.has_live_page:
        return ClosedReason.CLOSED  # every copy of the page is unpublished or deleted
    if not event.registration_required:
        return ClosedReason.NOT_NEEDED
    if at >= event.starts_at:
        return ClosedReason.STARTED
    if event.registration_closes_at is not None and at >= event.registration_closes_at:
        return ClosedReason.CLOSED
    if event.registration_opens_at is not None and at < event.registration_opens_at:
        return ClosedReason.NOT_OPEN_YET
    return None


def counts(event):
    """(confirmed, waitlisted) in one query."""
    totals = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Status.WAITLISTED)),
    )
    return totals["confirmed"], totals["waitlisted"]


def full_and_waitlist_closed(event, confirmed, at):
    return event.capacity is not None and confirmed >= event.capacity and not promotions_allowed(event, at)


def counted(events):
    """The events (a queryset) with their `confirmed` and `waitlisted` counts, in the same query."""
    return events.annotate(
        confirmed=Count("registrations", filter=Q(registrations__status=Status.CONFIRMED)),
        waitlisted=Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)),
    )


def with_counts(event):
    """The event as stored now (a page published since `event` was read may have changed its rules),
    with its `confirmed` and `waitlisted` counts: one query."""
    return counted(Event.objects).get(pk=event.pk)


def registration_state(event, at=None):
    """Whether registration is open now (or at `at`), places left and the waitlist (one query)."""
    return state_of(with_counts(event), at)


def state_of(current, at=None):
    """`registration_state` of an Event read with its counts (`counted`), without another query."""
    at = at or timezone.now()
    reason = closed_reason(current, at)
    if reason is None and full_and_waitlist_closed(current, current.confirmed, at):
        reason = ClosedReason.CLOSED
    places_left = None if current.capacity is None else max(current.capacity - current.confirmed, 0)
    return RegistrationState(
        is_open=reason is None, reason=reason, places_left=places_left, waitlist_length=current.waitlisted
    )


def open_public_events(at=None):
    """The events anyone may register for at `at` (now): not invitation-only, not cancelled, a live
    page, registration needed and open, not started; soonest first. Full events are included (their
    newcomers go on the waitlist while it is open)."""
    at = at or timezone.now()
    return (
        Event.objects.filter(
            is_private=False,
            cancelled_at__isnull=True,
            has_live_page=True,
            registration_required=True,
            starts_at__gt=at,
        )
        .filter(Q(registration_opens_at__isnull=True) | Q(registration_opens_at__lte=at))
        .filter(Q(registration_closes_at__isnull=True) | Q(registration_closes_at__gt=at))
        .order_by("starts_at", "pk")
    )
