"""Public views of registration: the links people keep (cancel, decline, calendar file, invitation),
the page after registering, "My events", and an event's public calendar file ("add to calendar").
The form itself is a sub-route of the event page (events/page_views.py).

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

from home.public_forms import private_page
from home.reader_language import copy_for_reader
from home.visibility import public

from . import registration as registrations
from .access import remember_invitation
from .calendar import calendar_bytes, public_vevent, registration_ics
from .details import event_details, live_copies
from .models import Event, EventPage, Invitation, Registration
from .my_events import my_events_context, own_registration
from .page_views import SENT_SESSION_KEY


@private_page
def registration_sent(request):
    """ "Check your email", and for a signed-in person who registered their own verified address, what
    happened: a place, or their number on the waitlist (read now, so it is current)."""
    sent = request.session.get(SENT_SESSION_KEY) or {}
    registration = own_registration(request.user, sent.get("registration"))
    if registration is not None and registration.status == Registration.Status.CANCELLED:
        registration = None
    context = {
        "sent": sent,
        "registration": registration,
        "was_registered": sent.get("outcome") == registrations.Outcome.ALREADY_REGISTERED,
    }
    return TemplateResponse(request, "events/registration_sent.html", context)


def registration_by_token(token):
    return get_object_or_404(Registration.objects.select_related("event"), cancel_token=token)


def described(registration):
    """The event as the reader's language describes it (its live copy in that language, else the
    source's, else the Event's snapshot), whatever language the person registered in."""
    return event_details(registration.event, translation.get_language())


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
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    registration = registration_by_token(token)
    stage = stage_of(registration)
    if request.method == "POST" and stage == "open":
        registrations.cancel(registration, by_user=own_user(request, registration))
        stage = "done"
    context = {"registration": registration, "event": described(registration), "stage": stage}
    return TemplateResponse(request, "events/cancel.html", context)


@private_page
def decline(request, token):
    """A place offered from the waitlist, given back so the next person is offered it.

    GET asks, POST declines."""
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
    context = {"registration": registration, "event": described(registration), "stage": stage}
    return TemplateResponse(request, "events/decline.html", context)


@private_page
def calendar(request, token):
    """The registration's calendar entry; a cancelled registration or event gets a cancelling one."""
    registration = registration_by_token(token)
    cancelled = (
        registration.status == Registration.Status.CANCELLED or registration.event.cancelled_at is not None
    )
    body = registration_ics(registration, method="CANCEL" if cancelled else "PUBLISH")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{registration.event_id}.ics"'
    return response


def event_calendar(request, event_id):
    """ "Add to calendar" from an event page: the event as anyone may have it (calendar.public_vevent:
    the registrants' UID, no personal data, no joining link), in the reader's language.

    Only for a public event with a live, unrestricted copy: 404 for an invitation-only, unpublished or
    never-published event, and for an id that is no event."""
    event = get_object_or_404(Event.objects.filter(is_private=False), pk=event_id)
    copies = public(
        EventPage.objects.live()
        .filter(translation_key=event.translation_key, is_private=False)
        .select_related("locale"),
        request,
    )
    page = copy_for_reader(list(copies))
    if page is None:
        raise Http404
    url = request.build_absolute_uri(page.get_url(request) or "/")
    response = HttpResponse(
        calendar_bytes([public_vevent(page, event, url)], method="PUBLISH"),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


@private_page
def invitation(request, token):
    """An invitation link: remembered in this browser's session, then on to the registration form."""
    invitation = get_object_or_404(Invitation.objects.select_related("event"), token=token)
    remember_invitation(request, token)
    page = copy_for_reader(live_copies(invitation.event))
    if page is None:
        context = {"invitation": invitation, "event": invitation.event}
        return TemplateResponse(request, "events/invitation_unavailable.html", context, status=404)
    return redirect(page.get_url(request) + page.reverse_subpage("register"))


@private_page
@login_required
def my_events(request):
    return TemplateResponse(request, "events/my_events.html", my_events_context(request))
