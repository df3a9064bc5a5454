"""Public views of registration: the form (a sub-route of the event page), the links people keep
(cancel, decline, calendar file, invitation), and "My events".

Links people keep are app URLs keyed on the registration's or invitation's random token and the
shared `Event`, never on a page: they keep working after the page is unpublished or deleted. They are
never cached and never leak their token through a Referer header. GET never changes anything (mail
scanners open links); a button POSTs.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation

from home import public_forms
from home.public_forms import RateLimits, client_address, private_page
from home.reader_language import copy_for_reader, live_copies

from .forms import RegistrationForm
from .models import EventPage, Invitation, Registration
from .sync import event_for

INVITATIONS_SESSION_KEY = "event_invitations"
INVITATIONS_KEPT = 20
SENT_SESSION_KEY = "event_registration_sent"

# (count, seconds): per address and email, per email (someone else's inbox), per address (a campus
# or an exhibition hall shares one address, so this one is generous).
RATE_LIMITS = RateLimits(
    "events-register", address_and_email=(5, 3600), email=(10, 3600), address=(300, 3600)
)


# Rate limits, through the cache (shared by every server when REDIS_URL is set).


def within_rate_limit(client_address, email):
    """Count this registration attempt; False when it may not go ahead now."""
    return public_forms.within_rate_limit(RATE_LIMITS, client_address, email)


# Who may register for an invitation-only event.


STAFF_PERMISSIONS = ("events.manage_registrations", "events.check_in")


def is_staff(user):
    """Staff who work with registrations (as the event page decides who sees a private event)."""
    return user.is_authenticated and any(user.has_perm(name) for name in STAFF_PERMISSIONS)


def invitation_in_session(request, event):
    """The invitation to `event` whose link this browser opened, if any."""
    tokens = request.session.get(INVITATIONS_SESSION_KEY) or []
    tokens = (
        [token for token in tokens if isinstance(token, str)][-INVITATIONS_KEPT:]
        if isinstance(tokens, list)
        else []
    )
    if not tokens:
        return None
    return Invitation.objects.filter(event=event, token__in=tokens).first()


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
    email tells the person which, so the page tells a stranger nothing about who is registered."""
    from . import registration as registrations

    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    event = event_for(page)
    invitation = None
    staff = False
    if page.is_private or event.is_private:
        invitation = invitation_in_session(request, event)
        staff = invitation is None and is_staff(request.user)
        if invitation is None and not staff:
            raise Http404
    context = {"page": page, "event": event, "invitation": invitation}
    if not page.registration_required:
        return registration_closed_response(request, context, "not_needed")
    state = registrations.registration_state(event)
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
        registrations.register(
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
    request.session[SENT_SESSION_KEY] = {"title": page.title, "url": page.get_url(request)}
    return redirect("events:registration_sent")


@private_page
def registration_sent(request):
    return TemplateResponse(
        request, "events/registration_sent.html", {"sent": request.session.get(SENT_SESSION_KEY) or {}}
    )


def registration_by_token(token):
    return get_object_or_404(Registration.objects.select_related("event"), cancel_token=token)


def stage_of(registration):
    """Whether the registration can still be cancelled or declined, and if not, why not."""
    event = registration.event
    if registration.status == Registration.Status.CANCELLED:
        return "already_cancelled"
    if event.cancelled_at is not None:
        return "event_cancelled"
    if event.has_started:
        return "started"
    return "open"


def own_user(request, registration):
    user = request.user
    if user.is_authenticated and registration.user_id == user.pk:
        return user
    return None


@private_page
def cancel(request, token):
    """GET asks (a mail scanner opening the link must not cancel anything); POST cancels."""
    from . import registration as registrations

    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    registration = registration_by_token(token)
    stage = stage_of(registration)
    if request.method == "POST" and stage == "open":
        registrations.cancel(registration, by_user=own_user(request, registration))
        stage = "done"
    context = {"registration": registration, "event": registration.event, "stage": stage}
    return TemplateResponse(request, "events/cancel.html", context)


@private_page
def decline(request, token):
    """A place offered from the waitlist, given back so the next person is offered it.

    GET asks, POST declines."""
    from . import registration as registrations

    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    registration = registration_by_token(token)
    stage = stage_of(registration)
    if request.method == "POST" and stage == "open":
        if registration.promoted_at is not None:
            registrations.decline(registration)
        else:  # never promoted: declining is leaving the waitlist (or giving the place back)
            registrations.cancel(registration, by_user=own_user(request, registration))
        stage = "done"
    context = {"registration": registration, "event": registration.event, "stage": stage}
    return TemplateResponse(request, "events/decline.html", context)


@private_page
def calendar(request, token):
    """The registration's calendar entry; a cancelled registration or event gets a cancelling one."""
    from .calendar import registration_ics

    registration = registration_by_token(token)
    cancelled = (
        registration.status == Registration.Status.CANCELLED or registration.event.cancelled_at is not None
    )
    body = registration_ics(registration, method="CANCEL" if cancelled else "PUBLISH")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{registration.event_id}.ics"'
    return response


@private_page
def invitation(request, token):
    """An invitation link: remembered in this browser's session, then on to the registration form."""
    invitation = get_object_or_404(Invitation.objects.select_related("event"), token=token)
    kept = request.session.get(INVITATIONS_SESSION_KEY) or []
    if not isinstance(kept, list):
        kept = []
    request.session[INVITATIONS_SESSION_KEY] = [t for t in kept if t != token][-(INVITATIONS_KEPT - 1) :] + [
        token
    ]
    page = copy_for_reader(live_copies(EventPage, invitation.event.translation_key))
    if page is None:
        context = {"invitation": invitation, "event": invitation.event}
        return TemplateResponse(request, "events/invitation_unavailable.html", context, status=404)
    return redirect(page.get_url(request) + "register/")


@private_page
@login_required
def my_events(request):
    from .my_events import my_events_context

    return TemplateResponse(request, "events/my_events.html", my_events_context(request))
