"""The views of the events room's pages: the event index, an event page and its registration form
(a sub-route of the page). The page models hand their requests here and to nowhere else.

An event page shows what, when (Beijing time), where, who speaks, for whom, places left, the
registration box and, after the event, the report. The online joining link never appears here: it goes
only to registered people (their email and "My events").

An invitation-only event answers 404 to everyone except staff who work with registrations and people
holding a valid invitation for it (the invitation link keeps its token in the session).
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from home import page_cache, public_forms
from home.public_forms import RateLimits, client_address, private_page
from home.times import in_beijing

from . import registration as registrations
from .access import invitation_in_session, invitation_tokens, is_own_address, is_staff
from .availability import (
    ClosedReason,
    RegistrationState,
    counted,
    promotion_deadline,
    registration_state,
    state_of,
)
from .forms import RegistrationForm
from .listing import EventCard, event_index_context
from .models.records import Event, Invitation
from .sync import event_for
from .templatetags.event_tags import map_link

SENT_SESSION_KEY = "event_registration_sent"
# Places left change with every registration: a cached events page showing them lives this long at most.
PLACES_LEFT_SECONDS = 10
BOX_TIME_FORMAT = "Y-m-d H:i"

# (count, seconds): per address and email, per email (someone else's inbox), per address (a campus
# or an exhibition hall shares one address, so this one is generous).
RATE_LIMITS = RateLimits(
    "events-register", address_and_email=(5, 3600), email=(10, 3600), address=(300, 3600)
)


def event_index(request, index):
    """What the event index template shows (events/listing.py)."""
    page_cache.expires_in(PLACES_LEFT_SECONDS)  # places left, and events moving to the past
    return event_index_context(index, request)


# The event page ----------------------------------------------------------------------------------


def shared_event(page, request, preview):
    """The page's Event; for an invitation-only page, annotated with `invited` (does this session hold
    an invitation to it?) in the same query."""
    events = Event.objects.all()
    tokens = invitation_tokens(request) if page.is_private else []
    if tokens:
        events = events.annotate(
            invited=Exists(Invitation.objects.filter(event=OuterRef("pk"), token__in=tokens))
        )
    # A preview shows a draft: it must not create the shared Event of a page never published.
    if preview:
        return events.filter(translation_key=page.translation_key).first()
    return event_for(page, events)


def may_see_private_event(request, event):
    """Staff who work with registrations, an editor previewing, someone invited to this event."""
    if getattr(request, "is_preview", False):
        return True
    if event is not None and getattr(event, "invited", False):
        return True
    return is_staff(request.user)


def box_time(value):
    """A registration window's edge as the box says it: in Beijing time (the words name the zone)."""
    return dateformat.format(in_beijing(value), BOX_TIME_FORMAT) if value else ""


@dataclass(frozen=True)
class RegistrationBox:
    """The registration box of an event page. `state` is None when registration is not needed or
    there is no Event yet (a preview of a draft)."""

    state: RegistrationState | None
    register_url: str
    opens: str
    closes: str


def registration_box(request, page, event):
    state = registration_state(event) if event is not None and page.registration_required else None
    # A cached page showing this box ends when registration opens or closes, the event starts or
    # ends, and soon when places are counted (home/page_cache.py).
    for moment in (page.registration_opens_at, page.registration_closes_at, page.starts_at, page.ends_at):
        page_cache.expires_at(moment)
    if event is not None:
        page_cache.expires_at(promotion_deadline(event))
    if state is not None and state.places_left is not None:
        page_cache.expires_in(PLACES_LEFT_SECONDS)
    return RegistrationBox(
        state=state,
        register_url=(page.get_url(request) or "") + page.reverse_subpage("register"),
        opens=box_time(page.registration_opens_at),
        closes=box_time(page.registration_closes_at),
    )


def event_page(request, page):
    preview = getattr(request, "is_preview", False)
    event = shared_event(page, request, preview)
    if page.is_private and not may_see_private_event(request, event):
        raise Http404
    now = timezone.now()
    url = page.get_url(request) or ""
    card = EventCard(
        page, list(page.audiences.all()), now, cancelled_at=event.cancelled_at if event else None
    )
    response = page.render(
        request,
        context_overrides={
            "event": event,
            "card": card,
            "box": registration_box(request, page, event),
            "speakers": [block.value for block in page.speakers],
            "map_url": map_link(page),
            "calendar_url": reverse("events:event_calendar", args=[event.pk])
            if event is not None and not page.is_private
            else "",
            "is_past": card.is_past,
            # An event sits directly in its index: the index's URL is the event's without the slug.
            "index_url": url[: url.rstrip("/").rfind("/") + 1],
        },
    )
    if page.is_private:
        # Shown to some people and not others: no shared cache may keep it.
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
    return response


# The registration form ---------------------------------------------------------------------------


def within_rate_limit(address, email):
    """Count this registration attempt; False when it may not go ahead now."""
    return public_forms.within_rate_limit(RATE_LIMITS, address, email)


def initial_values(request, invitation):
    user = request.user
    initial = {}
    if user.is_authenticated:
        initial["name"] = getattr(user, "name", "") or user.get_full_name()
        initial["email"] = user.email
    if invitation is not None:
        initial["email"] = invitation.email
    return initial


def registration_closed_response(request, context, reason, status=200):
    context = context | {"closed_reason": reason, "form": None}
    return TemplateResponse(request, "events/register.html", context, status=status)


@private_page
def register(request, page):
    """The registration form of an event page (GET shows it, POST registers, then redirects).

    Confirmed, waitlisted and already registered all end on the same "check your email" page: the
    email tells the person which, so the page tells a stranger nothing about who is registered. Only
    a signed-in person who registered one of their own verified addresses is told there as well."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    event = event_for(page, counted(Event.objects))  # with its counts: one query
    invitation = None
    staff = False
    if page.is_private or event.is_private:
        invitation = invitation_in_session(request, event)
        staff = invitation is None and is_staff(request.user)
        if invitation is None and not staff:
            raise Http404
    context = {"page": page, "event": event, "invitation": invitation}
    if not page.registration_required:
        return registration_closed_response(request, context, ClosedReason.NOT_NEEDED)
    state = state_of(event)
    context["state"] = state
    if not state.is_open:
        return registration_closed_response(request, context, state.reason)

    if request.method == "GET":
        context["form"] = RegistrationForm(initial=initial_values(request, invitation))
        return TemplateResponse(request, "events/register.html", context)

    form = RegistrationForm(request.POST)
    context["form"] = form
    if not form.is_valid():
        return TemplateResponse(request, "events/register.html", context, status=400)
    data = form.cleaned_data
    if not within_rate_limit(client_address(request), data["email"]):
        context["rate_limited"] = True
        return TemplateResponse(request, "events/register.html", context, status=429)
    try:
        result = registrations.register(
            event,
            name=data["name"],
            email=data["email"],
            language=translation.get_language(),
            phone=data["phone"],
            organisation=data["organisation"],
            user=request.user if request.user.is_authenticated else None,
            invitation=invitation,
        )
    except registrations.RegistrationClosed as closed:
        return registration_closed_response(request, context, closed.reason, status=409)
    except registrations.InvitationRequired:
        if invitation is None and not staff:
            raise Http404 from None
        context["invitation_refused"] = True
        return TemplateResponse(request, "events/register.html", context, status=403)
    sent = {"title": page.title, "url": page.get_url(request)}
    if is_own_address(request.user, data["email"]):
        # Their own verified address: the page may say what happened (a guest learns it by email).
        sent |= {"registration": result.registration.pk, "outcome": result.outcome}
    request.session[SENT_SESSION_KEY] = sent
    return redirect("events:registration_sent")
