"""Who attended an event, for other parts of the portal (training, organisations)."""

from django.db.models import Q
from django.db.models.functions import Lower

from .models import Event, Registration, WalkIn


def event_of(event_or_page):
    """The shared Event of an Event, an event page in any language, or a translation key."""
    if isinstance(event_or_page, Event):
        return event_or_page
    key = getattr(event_or_page, "translation_key", event_or_page)
    return Event.objects.filter(translation_key=key).first()


def person_of(user_or_email):
    """(user or None, lower-case email or "")."""
    if isinstance(user_or_email, str):
        return None, user_or_email.strip().lower()
    if user_or_email is None or not user_or_email.is_authenticated:
        return None, ""
    return user_or_email, (user_or_email.email or "").strip().lower()


def has_attended(user_or_email, event_or_page):
    """Whether the person was checked in at the event: a confirmed registration of theirs (by user, or
    by email in any letter case) that was checked in, or a walk-in with their email."""
    user, email = person_of(user_or_email)
    event = event_of(event_or_page)
    if event is None or (user is None and not email):
        return False
    mine = Q(user=user) if user is not None else Q(pk__in=[])
    if email:
        mine |= Q(email_lower=email)
    checked_in = Registration.objects.alias(email_lower=Lower("email")).filter(
        mine, event=event, status=Registration.Status.CONFIRMED, checked_in_at__isnull=False
    )
    if checked_in.exists():
        return True
    return (
        bool(email)
        and WalkIn.objects.alias(email_lower=Lower("email")).filter(event=event, email_lower=email).exists()
    )


def attended_event_keys(user_or_email):
    """The translation keys of every event the person attended (two queries), for reports."""
    user, email = person_of(user_or_email)
    if user is None and not email:
        return set()
    mine = Q(user=user) if user is not None else Q(pk__in=[])
    if email:
        mine |= Q(email_lower=email)
    keys = set(
        Registration.objects.alias(email_lower=Lower("email"))
        .filter(mine, status=Registration.Status.CONFIRMED, checked_in_at__isnull=False)
        .values_list("event__translation_key", flat=True)
    )
    if email:
        keys |= set(
            WalkIn.objects.alias(email_lower=Lower("email"))
            .filter(email_lower=email)
            .values_list("event__translation_key", flat=True)
        )
    return keys
