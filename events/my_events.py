"""A signed-in person's own registrations ("My events"): the full page's lists and the My portal section.

Their own only: registrations made while signed in, and those made as a guest with one of their
*verified* email addresses (an unverified address proves nothing about who owns it). Each list is one
query, whatever the number of registrations: the waitlist position is a subquery, the event pages
(for links) one more query for all of them.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.sections import Section

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


def event_page_urls(request, registrations):
    """{translation_key: URL} of each event's live page, in the reader's language when there is one."""
    keys = {registration.event.translation_key for registration in registrations}
    if not keys:
        return {}
    language = translation.get_language() or ""
    pages = EventPage.objects.live().filter(translation_key__in=keys).select_related("locale")
    chosen = {}
    for page in pages.only("id", "url_path", "translation_key", "locale"):
        current = chosen.get(page.translation_key)
        if current is None or page.locale.language_code == language:
            chosen[page.translation_key] = page
    return {key: page.get_url(request) for key, page in chosen.items()}


@dataclass
class MyRegistration:
    """What the templates show for one registration; every link keyed on the registration's token."""

    registration: Registration
    page_url: str | None
    upcoming: bool

    @property
    def event(self):
        return self.registration.event

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


def wrap(request, registrations, upcoming):
    urls = event_page_urls(request, registrations)
    return [
        MyRegistration(registration, urls.get(registration.event.translation_key), upcoming)
        for registration in registrations
    ]


def my_events_context(request):
    """The full "My events" page: upcoming (with cancelled ones, so a person sees what they cancelled)
    and past; four queries in all."""
    upcoming = upcoming_registrations(request.user)
    past = past_registrations(request.user)
    urls = event_page_urls(request, upcoming + past)
    return {
        "upcoming": [MyRegistration(r, urls.get(r.event.translation_key), True) for r in upcoming],
        "past": [MyRegistration(r, urls.get(r.event.translation_key), False) for r in past],
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
