"""Email alert subscriptions: asking (double opt-in), confirming, changing preferences, unsubscribing.

Nothing but the confirmation email is ever sent to an address until its signed, expiring link is
opened; the choices travel inside that link, so asking never changes an existing subscription.
The subscription's random `token` (never expiring) manages and ends it. Asking is rate-limited on
the client address and the email together (a campus shares one address), with a cap per email so
nobody's inbox can be flooded, and a generous cap per address.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone, translation

import outbox
from home import public_forms
from home.links import absolute_reverse
from home.public_forms import RateLimits

from .models import AlertSubscription, Destination

CONFIRM_SALT = "destinations.subscriptions.confirm"
CONFIRM_MAX_AGE = timedelta(days=3)
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

    def as_payload(self):
        return {"l": self.language, "a": self.all_destinations, "d": sorted(self.codes)}

    @classmethod
    def from_payload(cls, data):
        language = data.get("l") if data.get("l") in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        return cls(language=language, all_destinations=bool(data.get("a")), codes=tuple(data.get("d") or ()))


class ConfirmResult:
    CONFIRMED = "confirmed"
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


def confirmation_link(subscription, choices):
    payload = {"s": subscription.pk, "e": subscription.email.lower(), **choices.as_payload()}
    value = signing.dumps(payload, salt=CONFIRM_SALT, compress=True)
    return absolute_reverse(choices.language, "destinations:confirm", signed=value)


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
    context = {
        "confirm_url": confirmation_link(subscription, choices),
        "already_subscribed": subscription.is_active,
        "preferences_url": preferences_url(subscription, choices.language) if subscription.is_active else "",
        "all_destinations": choices.all_destinations,
        "destination_names": destinations_named(choices, choices.language),
        "valid_days": CONFIRM_MAX_AGE.days,
    }
    outbox.send(subscription.email, CONFIRM_TEMPLATE, context, language=choices.language)
    return True


def read_confirmation(signed_value, *, max_age=CONFIRM_MAX_AGE):
    """The payload of a confirmation link; raises signing.SignatureExpired or signing.BadSignature."""
    data = signing.loads(signed_value, salt=CONFIRM_SALT, max_age=max_age)
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        raise signing.BadSignature("not a confirmation payload")
    return data


def choices_in_link(signed_value):
    """The choices in a link whose signature is genuine even if it expired (to ask again); or None."""
    try:
        return Choices.from_payload(read_confirmation(signed_value, max_age=None))
    except signing.BadSignature:
        return None


def check_confirmation(signed_value):
    """(ConfirmResult, choices or None) for a link, changing nothing."""
    try:
        data = read_confirmation(signed_value)
    except signing.SignatureExpired:
        return ConfirmResult.EXPIRED, choices_in_link(signed_value)
    except signing.BadSignature:
        return ConfirmResult.INVALID, None
    return ConfirmResult.CONFIRMED, Choices.from_payload(data)


def confirm_subscription(signed_value):
    """Open a confirmation link: confirm the subscription and apply the choices it carries.

    Returns (ConfirmResult, subscription or None). An expired or tampered link changes nothing.
    """
    try:
        data = read_confirmation(signed_value)
    except signing.SignatureExpired:
        return ConfirmResult.EXPIRED, None
    except signing.BadSignature:
        return ConfirmResult.INVALID, None
    with transaction.atomic():
        subscription = AlertSubscription.objects.select_for_update().filter(pk=data["s"]).first()
        if subscription is None or subscription.email.lower() != data.get("e"):
            return ConfirmResult.INVALID, None
        apply_choices(subscription, Choices.from_payload(data))
        now = timezone.now()
        subscription.confirmed_at = subscription.confirmed_at or now
        subscription.unsubscribed_at = None
        subscription.save(update_fields=["language", "all_destinations", "confirmed_at", "unsubscribed_at"])
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
