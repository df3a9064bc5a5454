"""Public views of registration: the links people keep (cancel, decline, calendar file, invitation),
the page after registering, and "My events". The form itself is a sub-route of the event page
(events/page_views.py).

Links people keep are app URLs keyed on the registration's or invitation's random token and the
shared `Event`, never on a page: they keep working after the page is unpublished or deleted. They are
never cached and never leak their token through a Referer header. GET never changes anything (mail
scanners open links); a button POSTs.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from home.public_forms import private_page
from home.reader_language import copy_for_reader

from . import registration as registrations
from .access import remember_invitation
from .calendar import registration_ics
from .details import live_copies
from .models import Invitation, Registration
from .my_events import my_events_context
from .page_views import SENT_SESSION_KEY


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
