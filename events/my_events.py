"""A signed-in person's own registrations ("My events"): the full page's lists and the My portal section.

Their own only: registrations made while signed in, and those made as a guest with one of their
*verified* email addresses (an unverified address proves nothing about who owns it). Each list is one
query, whatever the number of registrations: the waitlist position is a subquery, the event pages
(their links, titles and places in the reader's language) one more query for all of them.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.sections import Section
from home.reader_language import reader_copies

from .checkin import qr_svg
from .models import EventPage, Registration

MY_EVENTS_ORDER = 30
SECTION_COUNT = 3
PAST_COUNT = 30
WECHAT_MARKER = "MicroMessenger"


def in_wechat(request):
    """WeChat's built-in browser opens neither calendar files nor downloads: the page says what to do."""
    return WECHAT_MARKER in request.headers.get("User-Agent", "")


def verified_emails(user):
    """A subquery of the user's verified addresses, lower-cased (allauth keeps them; the login one too)."""
    return (
        EmailAddress.objects.filter(user=user, verified=True).annotate(lower=Lower("email")).values("lower")
    )


def own_registration(user, registration_id):
    """The person's registration with this id (its waitlist position annotated), else None."""
    if not user.is_authenticated or registration_id is None:
        return None
    return with_waitlist_position(registrations_of(user).filter(pk=registration_id)).first()


def registrations_of(user):
    """Every registration that is this person's: by account, or made as a guest with a verified address."""
    return (
        Registration.objects.alias(email_lower=Lower("email"))
        .filter(Q(user=user) | Q(user__isnull=True, email_lower__in=verified_emails(user)))
        .select_related("event")
    )


def with_waitlist_position(registrations):
    """Annotate `waitlist_position` (1 = next in line) for waitlisted registrations, in the same query."""
    ahead = (
        Registration.objects.filter(event=OuterRef("event"), status=Registration.Status.WAITLISTED)
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), id__lt=OuterRef("id"))
        )
        .order_by()
        .values("event")
        .annotate(count=Count("id"))
        .values("count")
    )
    return registrations.annotate(waitlist_ahead=Coalesce(Subquery(ahead), Value(0))).annotate(
        waitlist_position=F("waitlist_ahead") + 1
    )


def upcoming_registrations(user, limit=None, live_only=False):
    """Registrations for events not yet over (the one going on now included), the soonest first."""
    registrations = registrations_of(user).filter(event__ends_at__gt=timezone.now())
    if live_only:
        registrations = registrations.exclude(status=Registration.Status.CANCELLED)
    registrations = with_waitlist_position(registrations.order_by("event__starts_at", "created_at", "id"))
    return list(registrations[:limit] if limit else registrations)


def past_registrations(user, limit=PAST_COUNT):
    """Registrations for events that are over, the latest first (cancelled ones left out)."""
    now = timezone.now()
    registrations = (
        registrations_of(user)
        .filter(event__ends_at__lte=now)
        .exclude(status=Registration.Status.CANCELLED)
        .order_by("-event__starts_at", "-id")
    )
    return list(registrations[:limit])


def event_copies(registrations):
    """{translation_key: the event's live page in the reader's language}, else in the site's default
    language, else its source (home.reader_language.reader_copies): one query for all of them."""
    keys = {registration.event.translation_key for registration in registrations}
    return reader_copies(EventPage, keys, fields=("id", "title", "url_path", "venue", "address"))


@dataclass
class MyRegistration:
    """What the templates show for one registration; every link keyed on the registration's token."""

    registration: Registration
    page: EventPage | None  # the live copy in the reader's language, None when the page is gone
    upcoming: bool
    request: object = None

    @property
    def event(self):
        return self.registration.event

    @property
    def page_url(self):
        return self.page.get_url(self.request) if self.page is not None else None

    # What the event is called and where it is: from the reader's copy of its page, else the
    # snapshot the Event keeps. When it is: always from the Event.

    @property
    def title(self):
        return self.page.title if self.page is not None else self.event.title

    @property
    def venue(self):
        return self.page.venue if self.page is not None else self.event.venue

    @property
    def address(self):
        return self.page.address if self.page is not None else self.event.address

    @property
    def starts_at(self):
        return self.event.starts_at

    @property
    def ends_at(self):
        return self.event.ends_at

    @property
    def is_confirmed(self):
        return self.registration.status == Registration.Status.CONFIRMED

    @property
    def is_waitlisted(self):
        return self.registration.status == Registration.Status.WAITLISTED

    @property
    def is_cancelled(self):
        return self.registration.status == Registration.Status.CANCELLED

    @property
    def event_cancelled(self):
        return self.registration.event.cancelled_at is not None

    @property
    def waitlist_position(self):
        return getattr(self.registration, "waitlist_position", None)

    @property
    def can_cancel(self):
        return (
            self.upcoming
            and not self.is_cancelled
            and not self.event_cancelled
            and not self.event.has_started
        )

    @property
    def shows_check_in(self):
        return self.upcoming and self.is_confirmed and not self.event_cancelled

    @property
    def online_url(self):
        return self.event.online_url if self.shows_check_in else ""

    @property
    def qr_svg(self):
        return qr_svg(self.registration) if self.shows_check_in else ""

    @property
    def calendar_url(self):
        return reverse("events:calendar", args=[self.registration.cancel_token])

    @property
    def cancel_url(self):
        return reverse("events:cancel", args=[self.registration.cancel_token])


def wrap(request, registrations, upcoming, copies=None):
    copies = event_copies(registrations) if copies is None else copies
    return [
        MyRegistration(registration, copies.get(registration.event.translation_key), upcoming, request)
        for registration in registrations
    ]


def my_events_context(request):
    """The full "My events" page: upcoming (with cancelled ones, so a person sees what they cancelled)
    and past; four queries in all."""
    upcoming = upcoming_registrations(request.user)
    past = past_registrations(request.user)
    copies = event_copies(upcoming + past)
    return {
        "upcoming": wrap(request, upcoming, True, copies),
        "past": wrap(request, past, False, copies),
        "past_limit": PAST_COUNT,
        "in_wechat": in_wechat(request),
    }


def my_portal_sections(request):
    """The next few live registrations in "My portal", with a link to the full page."""
    if not request.user.is_authenticated:
        return None
    upcoming = upcoming_registrations(request.user, limit=SECTION_COUNT + 1, live_only=True)
    shown = upcoming[:SECTION_COUNT]
    return Section(
        order=MY_EVENTS_ORDER,
        title=_("My events"),
        template_name="events/includes/my_events_section.html",
        context={
            "registrations": wrap(request, shown, upcoming=True),
            "has_more": len(upcoming) > SECTION_COUNT,
            "in_wechat": in_wechat(request),
            "my_events_url": reverse("events:my_events"),
        },
    )
