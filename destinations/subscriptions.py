"""Email alert subscriptions: asking (double opt-in), confirming, changing preferences, unsubscribing.

Nothing but the confirmation email is ever sent to an address until its link is opened. Each request
stores its choices as an AlertConfirmation behind a random token: the link carries that token and
nothing else (never the address), works for CONFIRM_MAX_AGE and applies its choices once, so asking
never changes an existing subscription. The subscription's random `token` (never expiring) manages
and ends it. Asking is rate-limited on
the client address and the email together (a campus shares one address), with a cap per email so
nobody's inbox can be flooded, and a generous cap per address.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone, translation

import outbox
from home import public_forms
from home.links import absolute_reverse
from home.public_forms import RateLimits

from .models import AlertConfirmation, AlertSubscription, Destination

CONFIRM_MAX_AGE = timedelta(days=3)
# Used and expired confirmations are deleted after this long (they hold choices, no address).
CONFIRMATIONS_KEPT = timedelta(days=30)
CONFIRM_TEMPLATE = "destinations/email/confirm"

# (what the counter is keyed on, how many confirmation emails, in how many seconds)
RATE_LIMITS = RateLimits(
    "alert-subscribe", address_and_email=(3, 60 * 60), email=(6, 24 * 60 * 60), address=(100, 60 * 60)
)


@dataclass(frozen=True)
class Choices:
    """What a person asked for: destinations by ISO code (or all of them), and a language."""

    language: str
    all_destinations: bool = False
    codes: tuple = field(default_factory=tuple)


class ConfirmResult:
    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"
    EXPIRED = "expired"
    INVALID = "invalid"


def normalize_email(email):
    return (email or "").strip()


def find_subscription(email):
    return (
        AlertSubscription.objects.alias(email_lower=Lower("email"))
        .filter(email_lower=normalize_email(email).lower())
        .first()
    )


def within_rate_limit(client_address, email):
    """Count this request; False when a confirmation email may not be sent now."""
    return public_forms.within_rate_limit(RATE_LIMITS, client_address, normalize_email(email))


def preferences_url(subscription, language=None):
    return absolute_reverse(
        language or subscription.language, "destinations:preferences", token=subscription.token
    )


def unsubscribe_url(subscription, language=None):
    return absolute_reverse(
        language or subscription.language, "destinations:unsubscribe", token=subscription.token
    )


def confirmation_link(confirmation):
    return absolute_reverse(confirmation.language, "destinations:confirm", token=confirmation.token)


def new_confirmation(subscription, choices):
    """Store what was asked for behind a new random token (the link's only content)."""
    with transaction.atomic():
        confirmation = AlertConfirmation.objects.create(
            subscription=subscription, language=choices.language, all_destinations=choices.all_destinations
        )
        if not choices.all_destinations:
            confirmation.destinations.set(Destination.objects.filter(country__in=choices.codes))
    return confirmation


def forget_old_confirmations(now=None):
    now = now or timezone.now()
    AlertConfirmation.objects.filter(created_at__lt=now - CONFIRMATIONS_KEPT).delete()


def destinations_named(choices, language):
    if choices.all_destinations:
        return []
    with translation.override(language):
        places = Destination.objects.filter(country__in=choices.codes)
        return sorted(str(place.country.name) for place in places)


def subscription_for(email, choices):
    """The subscription of this address, created (unconfirmed, with these choices) if there is none."""
    existing = find_subscription(email)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            subscription = AlertSubscription.objects.create(
                email=normalize_email(email),
                language=choices.language,
                all_destinations=choices.all_destinations,
            )
            if not choices.all_destinations:
                subscription.destinations.set(Destination.objects.filter(country__in=choices.codes))
            return subscription
    except IntegrityError:
        # The same form sent twice at once: the other request created it.
        existing = find_subscription(email)
        if existing is None:
            raise
        return existing


def request_subscription(email, choices, client_address):
    """Someone asked to subscribe `email`: send the confirmation email, unless over a rate limit.

    Returns True when an email was queued. The caller shows the same answer either way, so nobody
    learns whether the address is subscribed already. An existing subscription is not changed
    here: its owner confirms the new choices through the link, or manages them.
    """
    if not within_rate_limit(client_address, email):
        return False
    subscription = subscription_for(email, choices)
    forget_old_confirmations()
    confirmation = new_confirmation(subscription, choices)
    context = {
        "confirm_url": confirmation_link(confirmation),
        "already_subscribed": subscription.is_active,
        "preferences_url": preferences_url(subscription, choices.language) if subscription.is_active else "",
        "all_destinations": choices.all_destinations,
        "destination_names": destinations_named(choices, choices.language),
        "valid_days": CONFIRM_MAX_AGE.days,
    }
    outbox.send(subscription.email, CONFIRM_TEMPLATE, context, language=choices.language)
    return True


def is_expired(confirmation, now=None):
    return (now or timezone.now()) - confirmation.created_at > CONFIRM_MAX_AGE


def choices_of_confirmation(confirmation):
    codes = tuple(str(code) for code in confirmation.destinations.values_list("country", flat=True))
    return Choices(
        language=confirmation.language, all_destinations=confirmation.all_destinations, codes=codes
    )


def check_confirmation(token):
    """(ConfirmResult, choices or None) for the token of a link, changing nothing.

    A link from before tokens (a signed value, with colons no token has) reads as expired: it was
    valid for CONFIRM_MAX_AGE at most, and its owner can ask again.
    """
    confirmation = AlertConfirmation.objects.filter(token=token).first()
    if confirmation is None:
        return (ConfirmResult.EXPIRED if ":" in token else ConfirmResult.INVALID), None
    choices = choices_of_confirmation(confirmation)
    if is_expired(confirmation):
        return ConfirmResult.EXPIRED, choices
    if confirmation.confirmed_at is not None:
        return ConfirmResult.ALREADY_CONFIRMED, choices
    return ConfirmResult.CONFIRMED, choices


def confirm_subscription(token):
    """Open a confirmation link: confirm the subscription and apply the choices stored with the token.

    Returns (ConfirmResult, subscription or None). An unknown or expired token changes nothing; a
    token already used changes nothing either (the choices made since, on the preferences page, stay).
    """
    with transaction.atomic():
        confirmation = AlertConfirmation.objects.select_for_update().filter(token=token).first()
        if confirmation is None:
            return (ConfirmResult.EXPIRED if ":" in token else ConfirmResult.INVALID), None
        now = timezone.now()
        if is_expired(confirmation, now):
            return ConfirmResult.EXPIRED, None
        subscription = AlertSubscription.objects.select_for_update().get(pk=confirmation.subscription_id)
        if confirmation.confirmed_at is not None:
            return ConfirmResult.ALREADY_CONFIRMED, subscription
        apply_choices(subscription, choices_of_confirmation(confirmation))
        subscription.confirmed_at = subscription.confirmed_at or now
        subscription.unsubscribed_at = None
        subscription.save(update_fields=["language", "all_destinations", "confirmed_at", "unsubscribed_at"])
        confirmation.confirmed_at = now
        confirmation.save(update_fields=["confirmed_at"])
    return ConfirmResult.CONFIRMED, subscription


def apply_choices(subscription, choices):
    subscription.language = choices.language
    subscription.all_destinations = choices.all_destinations
    places = [] if choices.all_destinations else Destination.objects.filter(country__in=choices.codes)
    subscription.destinations.set(places)


def update_preferences(subscription, choices):
    """The owner of the token changed destinations or language; keeps (or restarts) the subscription.

    The token only ever reaches the address by email, so using it proves the address is theirs.
    """
    with transaction.atomic():
        apply_choices(subscription, choices)
        subscription.confirmed_at = subscription.confirmed_at or timezone.now()
        subscription.unsubscribed_at = None
        subscription.save(update_fields=["language", "all_destinations", "confirmed_at", "unsubscribed_at"])
    return subscription


def unsubscribe(subscription):
    """Stop every email to this subscription at once; True if it was subscribed until now."""
    changed = AlertSubscription.objects.filter(pk=subscription.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=timezone.now()
    )
    subscription.refresh_from_db(fields=["unsubscribed_at"])
    return changed == 1


def choices_of(subscription):
    codes = tuple(str(code) for code in subscription.destinations.values_list("country", flat=True))
    return Choices(
        language=subscription.language, all_destinations=subscription.all_destinations, codes=codes
    )
