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

A registrant's email is stored in the outbox in the registration's own transaction and written by the
outbox's worker when it is sent (events/notifications.py), so no template is rendered while the lock is
held; the outbox delivers and retries it, so a mail server that is down never loses a registration.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from . import notifications
from .access import is_staff
from .availability import (  # noqa: F401 (registration_state and RegistrationState: part of this API)
    ClosedReason,
    RegistrationState,
    closed_reason,
    counts,
    promotions_allowed,
    registration_state,
)
from .models.records import Event, Registration

Status = Registration.Status


class Outcome(models.TextChoices):
    """What became of a registration request (the person is told by email)."""

    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    ALREADY_REGISTERED = "already_registered"


class RegistrationClosed(Exception):  # noqa: N818 (the name others code against)
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # a ClosedReason


class InvitationRequired(Exception):  # noqa: N818
    """A private event, and no valid invitation for this email (staff may register anyone)."""


@dataclass(frozen=True)
class RegistrationResult:
    registration: Registration
    outcome: Outcome


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


def fill_from_waitlist(event, confirmed, at, waiting=None):
    """Promote people waiting into free places; call with the Event row locked. Returns them.
    `waiting`: how many wait, when the caller has counted them (none: nothing to read)."""
    if event.capacity is None or waiting == 0 or not promotions_allowed(event, at):
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
        confirmed, waiting = counts(locked)
        promoted = fill_from_waitlist(locked, confirmed, now, waiting)
    for registration in promoted:
        notifications.send_promoted(registration)
    return promoted


def register(event, *, name, email, language, phone="", organisation="", user=None, invitation=None):
    """Register `email` for `event`: confirmed while places are free, else on the waitlist.

    An address that is registered already gets an email with its own links and nothing changes
    (Outcome.ALREADY_REGISTERED); the caller shows the same page for every outcome.
    Raises RegistrationClosed (with a `reason`) or InvitationRequired.
    """
    email = email.strip()
    now = timezone.now()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    if user is not None and not user.is_authenticated:
        user = None
    with transaction.atomic():
        # The rules are read from the locked row: what the last publish of the page left there.
        locked = Event.objects.select_for_update().get(pk=event.pk)
        reason = closed_reason(locked, now)
        if reason is not None:
            raise RegistrationClosed(reason)
        if locked.is_private and not invitation_valid(invitation, locked, email) and not is_staff(user):
            raise InvitationRequired()
        existing = live_registration(locked, email)
        promoted = []
        if existing is None:
            confirmed, waiting = counts(locked)
            promoted = fill_from_waitlist(locked, confirmed, now, waiting)
            confirmed, waiting = confirmed + len(promoted), waiting - len(promoted)
            has_place = locked.capacity is None or confirmed < locked.capacity
            if not has_place and not promotions_allowed(locked, now):
                raise RegistrationClosed(ClosedReason.CLOSED)  # full, and the waitlist has closed
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
        # The emails are queued in the registration's own transaction: a registration is never stored
        # without its email, nor an email without its registration (the PostgreSQL drill in README).
        for person in promoted:
            notifications.send_promoted(person)
        if existing is not None:
            notifications.send_already_registered(existing, waitlist_position(existing))
            return RegistrationResult(existing, Outcome.ALREADY_REGISTERED)
        if registration.status == Status.CONFIRMED:
            notifications.send_confirmation(registration)
            return RegistrationResult(registration, Outcome.CONFIRMED)
        notifications.send_waitlisted(registration, waitlist_position(registration))
        return RegistrationResult(registration, Outcome.WAITLISTED)


@dataclass(frozen=True)
class Cancellation:
    cancelled: bool  # False when it was cancelled already (or is gone): nothing changed
    promoted: Registration | None = None  # who got the place that freed up


def cancel(registration, by_user=None):
    """Cancel a registration (a second time does nothing). A confirmed place that frees up goes to
    the first person waiting, unless inside the cut-off. Returns the person promoted, or None.

    `by_user`: who cancelled (the registrant signed in, or staff), kept with the registration."""
    return cancel_registration(registration, by_user).promoted


def cancel_for_person(registration, by_user, reason):
    """Staff cancel someone's registration, giving a reason: kept with who did it and when, and
    emailed to the person in their language; the place goes to the next person waiting, as when
    they cancel themselves. Once, whatever happens at once (see `Cancellation.cancelled`)."""
    reason = " ".join(str(reason).split())
    if not reason:
        raise ValueError("a staff cancellation needs a reason")
    return cancel_registration(registration, by_user, reason=reason)


def cancel_registration(registration, by_user=None, reason=""):
    """The one way a registration is cancelled: the Event row locked, the registration's status read
    under that lock (two requests at once cancel it once), emails after the commit."""
    now = timezone.now()
    by_user = by_user if by_user is not None and by_user.is_authenticated else None
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=registration.event_id)
        current = Registration.objects.filter(pk=registration.pk).values_list("status", flat=True).first()
        if current is None or current == Status.CANCELLED:
            return Cancellation(cancelled=False)
        Registration.objects.filter(pk=registration.pk).update(
            status=Status.CANCELLED, cancelled_at=now, cancelled_by=by_user, cancellation_reason=reason
        )
        promoted = []
        if current == Status.CONFIRMED:
            confirmed, waiting = counts(locked)
            promoted = fill_from_waitlist(locked, confirmed, now, waiting)
    was_confirmed = current == Status.CONFIRMED
    registration.status = Status.CANCELLED
    registration.cancelled_at = now
    registration.cancelled_by = by_user
    registration.cancellation_reason = reason
    registration.event = locked
    notifications.send_cancelled(registration, was_confirmed=was_confirmed)
    for person in promoted:
        notifications.send_promoted(person)
    return Cancellation(cancelled=True, promoted=promoted[0] if promoted else None)


def decline(registration):
    """Someone promoted from the waitlist gives the place back: it goes to the next person waiting."""
    return cancel(registration)


def cancel_event(event, by_user=None):
    """The office cancels the event: registration closes and everyone confirmed or waiting is told,
    with a calendar update that removes the entry (METHOD:CANCEL, a higher SEQUENCE). Once.

    `by_user` and the moment are kept on the Event; the emails are queued after the commit."""
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.cancelled_at is not None:
            return locked
        locked.cancelled_at = timezone.now()
        locked.cancelled_by = by_user if by_user is not None and by_user.is_authenticated else None
        locked.sequence += 1
        locked.save(update_fields=["cancelled_at", "cancelled_by", "sequence"])
    notifications.send_event_cancelled(locked)
    event.cancelled_at, event.cancelled_by_id, event.sequence = (
        locked.cancelled_at,
        locked.cancelled_by_id,
        locked.sequence,
    )
    return locked
