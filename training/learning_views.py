"""'My learning': the signed-in person's courses in progress, completions and certificates
(training/my_learning.py). Signed-in pages are `Cache-Control: private` (accounts' middleware)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from destinations.subscriptions import TripFollow
from home.public_forms import client_address

from .models.trips import Trip
from .my_learning import my_learning_context
from .trips import TripForm, follow_trip_alerts, save_trip


@require_safe
@login_required
def my_learning(request):
    return TemplateResponse(request, "training/my_learning.html", my_learning_context(request))


# Trips (training/trips.py) ---------------------------------------------------------------------


def _trip_page(request, form, trip=None, status=200):
    context = {"form": form, "trip": trip}
    return TemplateResponse(request, "training/trip_form.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def trips(request):
    """Add a trip (the form on "My learning" posts here; this page shows it again with any errors)."""
    if request.method != "POST":
        return _trip_page(request, TripForm(user=request.user))
    form = TripForm(request.POST, user=request.user)
    if not form.is_valid():
        return _trip_page(request, form, status=400)
    _trip, created = save_trip(form)
    if created:
        messages.success(request, _("Your trip was added."))
    else:
        messages.info(request, _("You had already entered this trip."))
    return redirect("training:my_learning")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def trip_edit(request, trip_id):
    trip = get_object_or_404(Trip, pk=trip_id, user=request.user)
    if request.method != "POST":
        return _trip_page(request, TripForm(instance=trip, user=request.user), trip)
    form = TripForm(request.POST, instance=trip, user=request.user)
    if not form.is_valid():
        return _trip_page(request, form, trip, status=400)
    save_trip(form)
    messages.success(request, _("Your trip was changed."))
    return redirect("training:my_learning")


@require_POST
@login_required
def trip_delete(request, trip_id):
    trip = get_object_or_404(Trip, pk=trip_id, user=request.user)
    trip.delete()
    messages.success(request, _("Your trip was deleted."))
    return redirect("training:my_learning")


@require_POST
@login_required
def trip_alerts(request, trip_id):
    """The one-click offer: the destination's safety alerts by email until a week after the return."""
    trip = get_object_or_404(Trip, pk=trip_id, user=request.user)
    result = follow_trip_alerts(request.user, trip, client_address=client_address(request))
    if result.status == TripFollow.FOLLOWING:
        if result.ends_on is None:
            messages.success(request, _("You already get this destination's safety alerts."))
        else:
            messages.success(
                request,
                _("You will get this destination's safety alerts by email until %(day)s.")
                % {"day": date_format(result.ends_on, "DATE_FORMAT")},
            )
    elif result.status == TripFollow.CONFIRMATION_SENT:
        messages.info(
            request, _("We have sent you an email: open its link to start this destination's safety alerts.")
        )
    elif result.status == TripFollow.RATE_LIMITED:
        messages.warning(request, _("Too many emails were sent to your address. Please try again later."))
    else:
        messages.warning(request, _("There are no safety alerts for this destination."))
    return redirect("training:my_learning")
