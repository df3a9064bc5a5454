"""Email alert subscriptions: asking (double opt-in), confirming, changing preferences, unsubscribing.

Nothing but the confirmation email is ever sent to an address until its link is opened. Each request
stores its choices as an AlertConfirmation behind a random token: the link carries that token and
nothing else (never the address), works for CONFIRM_MAX_AGE and applies its choices once, so asking
never changes an existing subscription. The subscription's random `token` (never expiring) manages
and ends it. Asking is rate-limited on
the client address and the email together (a campus shares one address), with a cap per email so
nobody's inbox can be flooded, and a generous cap per address.

Each destination of a subscription is followed for good or, for a trip, until a Beijing date
(`FollowedDestination.ends_on`, the last day its alerts are sent; the fan-out skips it after that).
`follow_for_trip` merges a trip into the person's one subscription: a destination followed for good
is never given an end, a later trip extends an end and never shortens it. Choosing destinations on
the subscribe form follows them for good (clearing an end); the preferences page keeps the ends of the
destinations left ticked and shows them ("until ...").
"""

import datetime
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone, translation

import outbox
from home import public_forms
from home.links import absolute_reverse
from home.public_forms import RateLimits
from home.times import in_beijing

from .models import AlertConfirmation, AlertSubscription, Destination, FollowedDestination

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
    ends_on: datetime.date | None = None  # a trip's: the last day of alerts for these destinations


class ConfirmResult:
    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"
    EXPIRED = "expired"
    INVALID = "invalid"


def normalize_email(email):
    return (email or "").strip()


def beijing_today(now=None):
    return in_beijing(now or timezone.now()).date()


def still_followed(today=None, prefix=""):
    """A Q for followed destinations whose alerts still go out: for good, or a trip not yet ended.
    `prefix` reaches the rows from another model ("followed__")."""
    today = today or beijing_today()
    return Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": today})


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


def new_confirmation(subscription, choices, ends_on=None):
    """Store what was asked for behind a new random token (the link's only content); `ends_on` for a
    trip's (its destinations are then followed until that date, merged with the subscription)."""
    with transaction.atomic():
        confirmation = AlertConfirmation.objects.create(
            subscription=subscription,
            language=choices.language,
            all_destinations=choices.all_destinations,
            ends_on=ends_on,
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
    send_confirmation(subscription, choices)
    return True


def send_confirmation(subscription, choices, ends_on=None):
    forget_old_confirmations()
    confirmation = new_confirmation(subscription, choices, ends_on=ends_on)
    context = {
        "confirm_url": confirmation_link(confirmation),
        "already_subscribed": subscription.is_active,
        "preferences_url": preferences_url(subscription, choices.language) if subscription.is_active else "",
        "all_destinations": choices.all_destinations,
        "destination_names": destinations_named(choices, choices.language),
        "ends_on": ends_on,
        "valid_days": CONFIRM_MAX_AGE.days,
    }
    outbox.send(subscription.email, CONFIRM_TEMPLATE, context, language=choices.language)
    return confirmation


def is_expired(confirmation, now=None):
    return (now or timezone.now()) - confirmation.created_at > CONFIRM_MAX_AGE


def choices_of_confirmation(confirmation):
    codes = tuple(str(code) for code in confirmation.destinations.values_list("country", flat=True))
    return Choices(
        language=confirmation.language,
        all_destinations=confirmation.all_destinations,
        codes=codes,
        ends_on=confirmation.ends_on,
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
        choices = choices_of_confirmation(confirmation)
        if confirmation.ends_on is not None:
            if not subscription.is_active:
                start_afresh(subscription, choices.language)
            for place in Destination.objects.filter(country__in=choices.codes):
                merge_trip(subscription, place, confirmation.ends_on)
        else:
            apply_choices(subscription, choices, keep_trips=subscription.is_active)
        subscription.confirmed_at = subscription.confirmed_at or now
        subscription.unsubscribed_at = None
        subscription.save(update_fields=["language", "all_destinations", "confirmed_at", "unsubscribed_at"])
        confirmation.confirmed_at = now
        confirmation.save(update_fields=["confirmed_at"])
    return ConfirmResult.CONFIRMED, subscription


def apply_choices(subscription, choices, keep_trips=False):
    """The subscribe form's choices, confirmed: the chosen destinations are followed for good (a trip's
    end cleared). With `keep_trips` (an active subscription), trips not yet ended that were not chosen
    stay as they are: asking for Japan on the form does not stop a trip's alerts for France."""
    subscription.language = choices.language
    subscription.all_destinations = choices.all_destinations
    places = [] if choices.all_destinations else list(Destination.objects.filter(country__in=choices.codes))
    rows = FollowedDestination.objects.filter(subscription=subscription)
    unchosen = rows.exclude(destination__in=places)
    if keep_trips and not choices.all_destinations:
        unchosen = unchosen.exclude(ends_on__gte=beijing_today())  # a trip still running stays
    unchosen.delete()
    rows.filter(destination__in=places).update(ends_on=None)
    subscription.destinations.add(*places)


def set_preferences(subscription, choices):
    """The preferences page's choices: the ticked destinations are followed, the others no longer; a
    trip left ticked keeps its end (the page shows it), a newly ticked destination is for good."""
    subscription.language = choices.language
    subscription.all_destinations = choices.all_destinations
    places = [] if choices.all_destinations else list(Destination.objects.filter(country__in=choices.codes))
    FollowedDestination.objects.filter(subscription=subscription).exclude(destination__in=places).delete()
    FollowedDestination.objects.filter(subscription=subscription, destination__in=places).exclude(
        still_followed()
    ).update(ends_on=None)  # an ended trip ticked again: the reader asked for it now, for good
    subscription.destinations.add(*places)


def update_preferences(subscription, choices):
    """The owner of the token changed destinations or language; keeps (or restarts) the subscription.

    The token only ever reaches the address by email, so using it proves the address is theirs.
    """
    with transaction.atomic():
        subscription = AlertSubscription.objects.select_for_update().get(pk=subscription.pk)
        set_preferences(subscription, choices)
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
    """What the subscription follows now: a trip that has ended is no longer among its destinations."""
    followed = subscription.followed.filter(still_followed()).values_list("destination__country", flat=True)
    codes = tuple(str(code) for code in followed)
    return Choices(
        language=subscription.language, all_destinations=subscription.all_destinations, codes=codes
    )


def trip_ends(subscription):
    """{ISO code: last day} of the destinations followed for a trip not yet ended."""
    rows = subscription.followed.filter(ends_on__gte=beijing_today()).values_list(
        "destination__country", "ends_on"
    )
    return {str(code): ends_on for code, ends_on in rows}


def followed_by(email):
    """What `email` gets alerts for now, for a page that offers a trip's alerts ("My learning"):
    (every destination?, {ISO code: last day, None for good}). Nothing for an address not subscribed,
    not confirmed or unsubscribed; ended trips left out. Two queries at most."""
    subscription = find_subscription(email)
    if subscription is None or not subscription.is_active:
        return False, {}
    rows = subscription.followed.filter(still_followed()).values_list("destination__country", "ends_on")
    return subscription.all_destinations, {str(code): ends_on for code, ends_on in rows}


# Trips ----------------------------------------------------------------------------------------------


class TripFollow:
    FOLLOWING = "following"  # merged now: alerts for the destination until `ends_on` (None: for good)
    CONFIRMATION_SENT = "confirmation_sent"  # nothing changes until the emailed link is opened
    RATE_LIMITED = "rate_limited"  # too many confirmation emails to this address: nothing sent
    UNKNOWN_DESTINATION = "unknown_destination"  # no Destination for that ISO code: nothing to follow
    TRIP_OVER = "trip_over"  # `ends_on` has passed (Beijing date): nothing to follow


@dataclass(frozen=True)
class TripFollowResult:
    status: str
    subscription: AlertSubscription | None = None
    # The destination's last day of alerts after the merge; None when followed for good (or not at all).
    ends_on: datetime.date | None = None


def follow_for_trip(email, destination, ends_on, *, language, confirmed=False, client_address=None):
    """Follow `destination` (a Destination or its ISO code) for a trip, until `ends_on` (a Beijing
    date, the last day of alerts), in the one subscription of `email`.

    `confirmed=True` when the caller knows the address is the person's (their account's email,
    confirmed): the trip is merged at once, no second opt-in; a subscription that was unsubscribed or
    never confirmed starts afresh with this destination only. Otherwise the usual confirmation email
    goes out (rate-limited per address and `client_address`) and nothing changes until its link is
    opened. Merging: a destination followed for good keeps no end; a later end extends, an earlier
    one changes nothing; "all destinations" stays as it is. Two calls at once make one subscription.
    Returns a TripFollowResult.
    """
    place = destination
    if not isinstance(place, Destination):
        place = Destination.objects.filter(country=str(destination or "").strip().upper()).first()
        if place is None:
            return TripFollowResult(TripFollow.UNKNOWN_DESTINATION)
    if ends_on < beijing_today():
        return TripFollowResult(TripFollow.TRIP_OVER)
    choices = Choices(language=language, codes=(str(place.country),))
    if not confirmed:
        if not public_forms.within_rate_limit(
            RATE_LIMITS, client_address or f"email:{normalize_email(email).lower()}", normalize_email(email)
        ):
            return TripFollowResult(TripFollow.RATE_LIMITED)
        subscription = subscription_for(email, Choices(language=language))
        send_confirmation(subscription, choices, ends_on=ends_on)
        return TripFollowResult(TripFollow.CONFIRMATION_SENT, subscription, ends_on)
    with transaction.atomic():
        created = subscription_for(email, Choices(language=language))
        subscription = AlertSubscription.objects.select_for_update().get(pk=created.pk)
        if not subscription.is_active:
            start_afresh(subscription, language)
            subscription.confirmed_at = subscription.confirmed_at or timezone.now()
            subscription.unsubscribed_at = None
            subscription.save(
                update_fields=["language", "all_destinations", "confirmed_at", "unsubscribed_at"]
            )
        if subscription.all_destinations:
            return TripFollowResult(TripFollow.FOLLOWING, subscription, None)
        last_day = merge_trip(subscription, place, ends_on)
    return TripFollowResult(TripFollow.FOLLOWING, subscription, last_day)


def start_afresh(subscription, language):
    """A subscription that was unsubscribed or never confirmed, taken up by a trip: it follows nothing
    of before (unsubscribing stopped all of it), in the trip's language. The caller saves it."""
    subscription.followed.all().delete()
    subscription.all_destinations = False
    subscription.language = language


def merge_trip(subscription, destination, ends_on):
    """Follow `destination` until `ends_on` in a locked subscription; returns its last day after the
    merge (None: followed for good). For good stays for good; an end only ever moves later."""
    row, created = FollowedDestination.objects.get_or_create(
        subscription=subscription, destination=destination, defaults={"ends_on": ends_on}
    )
    if created or row.ends_on is None:
        return row.ends_on
    if row.ends_on < ends_on:
        FollowedDestination.objects.filter(pk=row.pk).update(ends_on=ends_on)
        return ends_on
    return row.ends_on
