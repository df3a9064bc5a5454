"""Registering for an event, the waitlist, cancelling, declining a promotion, cancelling an event.

Capacity holds under concurrency: every change of who holds a place happens in one transaction that
first locks the event's `Event` row (SELECT ... FOR UPDATE on PostgreSQL; SQLite serialises writers
with immediate transactions), then counts the confirmed places and decides. Both languages count
against the one `Event`, so Chinese and English registrations fill the same places.

The rules of the waitlist:
- a free place goes to the first person waiting (oldest registration first), automatically and
  exactly once, who is emailed with a link to decline it (which offers it to the next);
- from EVENTS_PROMOTION_CUTOFF_HOURS before the start nobody is promoted: the waitlist closes, a
  full event takes no more registrations, and a place that frees up goes to whoever registers next;
- a newcomer never takes a free place ahead of people already waiting (outside the cut-off).

Emails are stored in the outbox after the locking transaction commits (so a slow template never holds
the lock); the outbox delivers and retries them, so a mail server that is down never loses a
registration.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils import timezone

from . import notifications
from .models import Event, EventPage, Registration

Status = Registration.Status

CONFIRMED = "confirmed"
WAITLISTED = "waitlisted"
ALREADY_REGISTERED = "already_registered"

# Why registration is closed
NOT_OPEN_YET = "not_open_yet"
CLOSED = "closed"
STARTED = "started"
CANCELLED = "cancelled"
NOT_NEEDED = "not_needed"


class RegistrationClosed(Exception):  # noqa: N818 (the name others code against)
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class InvitationRequired(Exception):  # noqa: N818
    """A private event, and no valid invitation for this email (staff may register anyone)."""


@dataclass(frozen=True)
class RegistrationResult:
    registration: Registration
    outcome: str  # CONFIRMED, WAITLISTED or ALREADY_REGISTERED


@dataclass(frozen=True)
class RegistrationState:
    is_open: bool
    reason: str | None
    places_left: int | None  # None: no limit
    waitlist_length: int


@dataclass(frozen=True)
class Rules:
    """When registration opens and closes, and whether it is needed: the same in every language."""

    required: bool
    opens_at: datetime.datetime | None
    closes_at: datetime.datetime | None


def registration_rules(event):
    """The registration rules of the event's live page (one query); None when no page is live.

    wagtail-localize synchronises these fields between languages, so any live copy carries them.
    """
    row = (
        EventPage.objects.live()
        .filter(translation_key=event.translation_key)
        .order_by("pk")
        .values_list("registration_required", "registration_opens_at", "registration_closes_at")
        .first()
    )
    return Rules(*row) if row else None


def promotion_deadline(event):
    return event.starts_at - datetime.timedelta(hours=settings.EVENTS_PROMOTION_CUTOFF_HOURS)


def promotions_allowed(event, at=None):
    at = at or timezone.now()
    return event.cancelled_at is None and at < promotion_deadline(event)


def closed_reason(event, rules, at):
    """Why registration is closed at `at` (full events aside), or None."""
    if event.cancelled_at is not None:
        return CANCELLED
    if rules is None:
        return CLOSED  # the page is unpublished or deleted
    if not rules.required:
        return NOT_NEEDED
    if at >= event.starts_at:
        return STARTED
    if rules.closes_at is not None and at >= rules.closes_at:
        return CLOSED
    if rules.opens_at is not None and at < rules.opens_at:
        return NOT_OPEN_YET
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


def registration_state(event, at=None):
    """Whether registration is open now (or at `at`), places left and the waitlist (two queries)."""
    at = at or timezone.now()
    reason = closed_reason(event, registration_rules(event), at)
    confirmed, waitlisted = counts(event)
    if reason is None and full_and_waitlist_closed(event, confirmed, at):
        reason = CLOSED
    places_left = None if event.capacity is None else max(event.capacity - confirmed, 0)
    return RegistrationState(
        is_open=reason is None, reason=reason, places_left=places_left, waitlist_length=waitlisted
    )


def is_staff(user):
    """Staff may register anyone for a private event."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (
            user.is_superuser
            or user.has_perm("events.manage_registrations")
            or user.has_perm("events.check_in")
        )
    )


def invitation_valid(invitation, event, email):
    return (
        invitation is not None
        and invitation.event_id == event.pk
        and invitation.email.strip().lower() == email.lower()
    )


def live_registration(event, email):
    return (
        Registration.objects.alias(email_lower=Lower("email"))
        .filter(event=event, email_lower=email.lower())
        .exclude(status=Status.CANCELLED)
        .first()
    )


def waitlist(event):
    return Registration.objects.filter(event=event, status=Status.WAITLISTED).order_by("created_at", "pk")


def waitlist_position(registration):
    """1 for the first person waiting; None when the registration is not on the waitlist."""
    if registration.status != Status.WAITLISTED:
        return None
    ahead = waitlist(registration.event_id).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def fill_from_waitlist(event, confirmed, at):
    """Promote people waiting into free places; call with the Event row locked. Returns them."""
    if event.capacity is None or not promotions_allowed(event, at):
        return []
    free = event.capacity - confirmed
    if free <= 0:
        return []
    promoted = list(waitlist(event)[:free])
    for registration in promoted:
        registration.status = Status.CONFIRMED
        registration.promoted_at = at
    Registration.objects.bulk_update(promoted, ["status", "promoted_at"])
    return promoted


def promote_waitlisted(event):
    """Fill free places from the waitlist (e.g. after the capacity was raised); emails each person."""
    now = timezone.now()
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        confirmed, _waiting = counts(locked)
        promoted = fill_from_waitlist(locked, confirmed, now)
    for registration in promoted:
        notifications.send_promoted(registration)
    return promoted


def register(event, *, name, email, language, phone="", organisation="", user=None, invitation=None):
    """Register `email` for `event`: confirmed while places are free, else on the waitlist.

    An address that is registered already gets an email with its own links and nothing changes
    (outcome "already_registered"); the caller shows the same page for every outcome.
    Raises RegistrationClosed (with a `reason`) or InvitationRequired.
    """
    email = email.strip()
    now = timezone.now()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    if user is not None and not user.is_authenticated:
        user = None
    reason = closed_reason(event, registration_rules(event), now)
    if reason is not None:
        raise RegistrationClosed(reason)
    if event.is_private and not invitation_valid(invitation, event, email) and not is_staff(user):
        raise InvitationRequired()

    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.cancelled_at is not None:
            raise RegistrationClosed(CANCELLED)
        existing = live_registration(locked, email)
        promoted = []
        if existing is None:
            confirmed, waiting = counts(locked)
            promoted = fill_from_waitlist(locked, confirmed, now)
            confirmed, waiting = confirmed + len(promoted), waiting - len(promoted)
            has_place = locked.capacity is None or confirmed < locked.capacity
            if not has_place and not promotions_allowed(locked, now):
                raise RegistrationClosed(CLOSED)  # full, and the waitlist has closed
            # Outside the cut-off nobody jumps the queue; inside it, nobody waiting can be offered it.
            takes_place = has_place and (waiting == 0 or not promotions_allowed(locked, now))
            try:
                with transaction.atomic():
                    registration = Registration.objects.create(
                        event=locked,
                        name=name.strip(),
                        email=email,
                        phone=phone.strip(),
                        organisation=organisation.strip(),
                        user=user,
                        language=language,
                        status=Status.CONFIRMED if takes_place else Status.WAITLISTED,
                        invitation=invitation if invitation_valid(invitation, locked, email) else None,
                    )
            except IntegrityError:
                # The same address at the same moment (only possible without the row lock).
                existing = live_registration(locked, email)
                if existing is None:
                    raise
    for person in promoted:
        notifications.send_promoted(person)
    if existing is not None:
        notifications.send_already_registered(existing, waitlist_position(existing))
        return RegistrationResult(existing, ALREADY_REGISTERED)
    if registration.status == Status.CONFIRMED:
        notifications.send_confirmation(registration)
        return RegistrationResult(registration, CONFIRMED)
    notifications.send_waitlisted(registration, waitlist_position(registration))
    return RegistrationResult(registration, WAITLISTED)


def cancel(registration, by_user=None):
    """Cancel a registration (a second time does nothing). A confirmed place that frees up goes to
    the first person waiting, unless inside the cut-off. Returns the person promoted, or None."""
    now = timezone.now()
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=registration.event_id)
        current = Registration.objects.filter(pk=registration.pk).values_list("status", flat=True).first()
        if current is None or current == Status.CANCELLED:
            return None
        Registration.objects.filter(pk=registration.pk).update(status=Status.CANCELLED, cancelled_at=now)
        promoted = []
        if current == Status.CONFIRMED:
            confirmed, _waiting = counts(locked)
            promoted = fill_from_waitlist(locked, confirmed, now)
    was_confirmed = current == Status.CONFIRMED
    registration.status = Status.CANCELLED
    registration.cancelled_at = now
    registration.event = locked
    notifications.send_cancelled(registration, was_confirmed=was_confirmed)
    for person in promoted:
        notifications.send_promoted(person)
    return promoted[0] if promoted else None


def decline(registration):
    """Someone promoted from the waitlist gives the place back: it goes to the next person waiting."""
    return cancel(registration)


def cancel_event(event, by_user=None):
    """The office cancels the event: registration closes and everyone confirmed or waiting is told,
    with a calendar update that removes the entry (METHOD:CANCEL, a higher SEQUENCE). Once."""
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.cancelled_at is not None:
            return locked
        locked.cancelled_at = timezone.now()
        locked.sequence += 1
        locked.save(update_fields=["cancelled_at", "sequence"])
        notifications.send_event_cancelled(locked)
    event.cancelled_at, event.sequence = locked.cancelled_at, locked.sequence
    return locked
