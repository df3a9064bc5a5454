"""Check-in at the door, for staff with `events.check_in`, on their phones.

The QR code on a registration opens `check_in` (GET shows who it is; only the POST button checks in).
`event_check_in` lists one event's confirmed registrations for people without their QR code, with a
search, a button per row, counts and a walk-in form. Never cached; nothing here is public.
"""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.cache import never_cache

from home.text_input import ControlCharactersStripped, refuse_hidden_text, strip_control_characters

from . import checkin
from .models import Event, Registration

CHECK_IN = "events.check_in"
LIST_PAGE_SIZE = 30


def staff_only(view):
    """Signed out: the login page, then back here. Signed in without `events.check_in`: 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(CHECK_IN):
            raise PermissionDenied
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex"
        return response

    return never_cache(login_required(wrapper))


def when_text(moment):
    """ "14:02" today in Beijing time, otherwise with the date ("5月6日 14:02" / "May 6 14:02")."""
    local = timezone.localtime(moment)
    time = formats.date_format(local, "H:i")
    if local.date() == timezone.localdate():
        return time
    return f"{formats.date_format(local, 'MONTH_DAY_FORMAT')} {time}"


def result_message(result):
    registration = result.registration
    if result.checked_in:
        return messages.SUCCESS, _("%(name)s is checked in.") % {"name": registration.name}
    if result.already:
        return messages.WARNING, _("%(name)s is already checked in at %(time)s.") % {
            "name": registration.name,
            "time": when_text(registration.checked_in_at),
        }
    if result.reason == checkin.NotCheckedIn.WAITLISTED:
        return messages.ERROR, _(
            "%(name)s is on the waitlist, not confirmed: they cannot be checked in. Add them as a walk-in "
            "if there is room."
        ) % {"name": registration.name}
    return messages.ERROR, _(
        "%(name)s cancelled this registration: it cannot be checked in. Add them as a walk-in if there "
        "is room."
    ) % {"name": registration.name}


def registration_state(registration):
    """What the page says about a registration before anyone presses the button."""
    if registration.checked_in_at is not None:
        return "already", _("Already checked in at %(time)s.") % {
            "time": when_text(registration.checked_in_at)
        }
    if registration.status == Registration.Status.WAITLISTED:
        return "blocked", _("On the waitlist, not confirmed: cannot be checked in.")
    if registration.status == Registration.Status.CANCELLED:
        return "blocked", _("Cancelled: cannot be checked in.")
    if registration.event.cancelled_at is not None:
        return "ready", _("Confirmed, but the event was cancelled.")
    return "ready", _("Confirmed, not yet checked in.")


def check_in_code(typed):
    """A check-in code as stored: upper case, without the control characters a database refuses."""
    return strip_control_characters(typed).strip().upper()


@staff_only
def check_in(request, code):
    """The page a registration's QR code opens. GET never checks in (link previews and scanners
    open links too); the big button POSTs."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    registration = get_object_or_404(
        Registration.objects.select_related("event"), check_in_code=check_in_code(code)
    )
    if request.method == "POST":
        # Shown, not redirected: after a redirect the page could only say "already checked in".
        result = checkin.check_in(registration, by_user=request.user)
        level, text = result_message(result)
        state = "done" if result.checked_in else ("already" if result.already else "blocked")
        state_text = text
    else:
        state, state_text = registration_state(registration)
    context = {
        "registration": registration,
        "event": registration.event,
        "state": state,
        "state_text": state_text,
        "event_check_in_url": reverse("events:event_check_in", args=[registration.event_id]),
    }
    return TemplateResponse(request, "events/check_in.html", context)


class SearchForm(ControlCharactersStripped, forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Name or check-in code"),
        max_length=100,
        required=False,
    )


class WalkInForm(ControlCharactersStripped, forms.Form):
    name = forms.CharField(
        label=pgettext_lazy("of a person", "Name"), max_length=100, validators=[refuse_hidden_text]
    )
    email = forms.EmailField(
        label=gettext_lazy("Email (optional)"),
        required=False,
        max_length=254,
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the person's name."))
        return name


def search_registrations(event, query):
    """Confirmed registrations of one event, by name (any part) or check-in code (exact or start)."""
    registrations = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    query = query.strip()
    if query:
        registrations = registrations.filter(
            Q(name__icontains=query) | Q(check_in_code__istartswith=query.replace(" ", ""))
        )
    return registrations.only(
        "pk", "event_id", "name", "email", "organisation", "status", "check_in_code", "checked_in_at"
    ).order_by("name", "pk")


def event_list_url(event, query=""):
    url = reverse("events:event_check_in", args=[event.pk])
    return f"{url}?{urlencode({'q': query})}" if query else url


@staff_only
def event_check_in(request, event_id):
    """One event's check-in list: search, a check-in button per row, counts and walk-ins."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    event = get_object_or_404(Event, pk=event_id)
    walk_in_form = WalkInForm(prefix="walk_in")
    status = 200
    if request.method == "POST":
        query = request.POST.get("q", "")[:100]
        action = request.POST.get("action")
        if action == "check_in":
            # Another event's code is not found here: a list checks in its own people only.
            registration = get_object_or_404(
                Registration.objects.select_related("event"),
                event=event,
                check_in_code=check_in_code(request.POST.get("code", "")),
            )
            level, text = result_message(checkin.check_in(registration, by_user=request.user))
            messages.add_message(request, level, text)
            return redirect(event_list_url(event, query))
        if action == "walk_in":
            walk_in_form = WalkInForm(request.POST, prefix="walk_in")
            if walk_in_form.is_valid():
                walk_in = checkin.add_walk_in(
                    event,
                    walk_in_form.cleaned_data["name"],
                    walk_in_form.cleaned_data["email"],
                    by_user=request.user,
                )
                messages.success(request, _("%(name)s is added as a walk-in.") % {"name": walk_in.name})
                return redirect(event_list_url(event, query))
            status = 400
        else:
            return redirect(event_list_url(event, query))

    search_form = SearchForm(request.GET or None)
    query = search_form.cleaned_data["q"] if search_form.is_valid() else ""
    paginator = Paginator(search_registrations(event, query), LIST_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    context = {
        "event": event,
        "counts": checkin.check_in_counts(event),
        "search_form": search_form,
        "query": query,
        "page_obj": page_obj,
        "registrations": [
            {"registration": registration, "when": when_text(registration.checked_in_at)}
            if registration.checked_in_at
            else {"registration": registration, "when": ""}
            for registration in page_obj.object_list
        ],
        "extra_query": urlencode({"q": query}) if query else "",
        "walk_in_form": walk_in_form,
    }
    return TemplateResponse(request, "events/check_in_list.html", context, status=status)
