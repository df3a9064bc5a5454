"""Public views of email alert subscriptions: subscribe, confirm, manage preferences, unsubscribe.

Links people keep (preferences, unsubscribe) are keyed by the subscription's random token and
never expire; they are never cached and never leak their token through a Referer header.
"""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from home.public_forms import client_address, private_page
from home.text_input import strip_control_characters

from . import subscriptions
from .forms import PreferencesForm, SubscribeForm, until_label
from .models import AlertSubscription, Destination
from .subscriptions import ConfirmResult


@private_page
def subscribe(request):
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            subscriptions.request_subscription(
                form.cleaned_data["email"], form.choices(), client_address(request)
            )
            # The same answer whether an email went out, the address was known, or a limit held.
            return redirect("destinations:subscribe_sent")
        return TemplateResponse(request, "destinations/subscribe.html", {"form": form}, status=400)
    wanted = [code.upper() for code in request.GET.getlist("destination")]
    form = SubscribeForm()
    known = {code for code, _name in form.fields["destinations"].choices}
    form.initial["destinations"] = [code for code in wanted if code in known]
    return TemplateResponse(request, "destinations/subscribe.html", {"form": form})


@private_page
def subscribe_sent(request):
    return TemplateResponse(request, "destinations/subscribe_sent.html", {})


def ask_again_url(choices):
    url = reverse("destinations:subscribe")
    if choices is not None and choices.codes and not choices.all_destinations:
        url += "?" + urlencode({"destination": list(choices.codes)}, doseq=True)
    return url


@private_page
def confirm(request, token):
    """GET shows what will be confirmed and a button (mail scanners open links); POST confirms.

    The token is random and stored with the choices: the link says nothing about the address.
    """
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    token = strip_control_characters(token)  # <str:token> lets any byte through; PostgreSQL refuses NUL
    result, choices = subscriptions.check_confirmation(token)
    if result == ConfirmResult.CONFIRMED and request.method == "POST":
        result, subscription = subscriptions.confirm_subscription(token)
        if result == ConfirmResult.CONFIRMED:
            return TemplateResponse(
                request, "destinations/subscription_confirmed.html", {"subscription": subscription}
            )
    context = {"result": result, "ask_again_url": ask_again_url(choices)}
    if result == ConfirmResult.CONFIRMED:
        context["destination_names"] = subscriptions.destinations_named(choices, request.LANGUAGE_CODE)
        context["all_destinations"] = choices.all_destinations
        context["ends_on"] = choices.ends_on
        context["email_language"] = dict(SubscribeForm.base_fields["language"].choices).get(choices.language)
        return TemplateResponse(request, "destinations/subscription_confirm.html", context)
    if result == ConfirmResult.ALREADY_CONFIRMED:
        return TemplateResponse(request, "destinations/subscription_confirm.html", context)
    status = 410 if result == ConfirmResult.EXPIRED else 400
    return TemplateResponse(request, "destinations/subscription_confirm.html", context, status=status)


@private_page
def preferences(request, token):
    subscription = get_object_or_404(AlertSubscription, token=token)
    trip_ends = subscriptions.trip_ends(subscription)
    current = subscriptions.choices_of(subscription)
    if request.method == "POST":
        form = PreferencesForm(request.POST, trip_ends=trip_ends)
        if form.is_valid():
            subscriptions.update_preferences(subscription, form.choices())
            messages.success(request, _("Your alert preferences have been saved."))
            return redirect("destinations:preferences", token=token)
        status = 400
    else:
        form = PreferencesForm(
            initial={
                "all_destinations": current.all_destinations,
                "destinations": list(current.codes),
                "language": current.language,
            },
            trip_ends=trip_ends,
        )
        status = 200
    context = {"form": form, "subscription": subscription}
    if trip_ends and not subscription.all_destinations and not subscription.unsubscribed_at:
        # Keeping a trip's destination for good is asking again on the subscribe form, with every
        # destination followed now ticked (the form's choices replace the subscription's).
        context["trips"] = sorted(
            (until_label(str(Destination(country=code).country.name), day), code)
            for code, day in trip_ends.items()
        )
        context["keep_for_good_url"] = ask_again_url(current)
    return TemplateResponse(request, "destinations/subscription_preferences.html", context, status=status)


@csrf_exempt  # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" without any token of ours.
@private_page
def unsubscribe(request, token):
    """GET asks (a mail scanner following links must not unsubscribe anyone); POST unsubscribes at once."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    subscription = get_object_or_404(AlertSubscription, token=token)
    done = False
    if request.method == "POST":
        subscriptions.unsubscribe(subscription)
        done = True
    context = {"subscription": subscription, "done": done}
    return TemplateResponse(request, "destinations/subscription_unsubscribe.html", context)
