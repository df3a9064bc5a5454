"""Signed-in pages of applying for an organisation and of service requests (organizations/applications.py,
organizations/service_requests.py). Applying is rate-limited through home.public_forms, keyed on the
client address and the account's email; a service request is made and seen only by the organisation's
current managers (another organisation's id: 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from home import public_forms
from home.public_forms import RateLimits, client_address
from home.times import beijing_time_in_list, beijing_time_note

from . import service_requests
from .access import managed_by, managed_organization
from .application_forms import APPLIED_ALREADY, ApplicationForm, ServiceRequestForm
from .models import Organization, ServiceRequest

# (count, seconds): per address and email, per email, per address (a campus shares one address).
RATE_LIMITS = RateLimits(
    "organizations-apply", address_and_email=(5, 3600), email=(10, 86400), address=(50, 3600)
)


def dashboard_url(organization_id):
    """The organisation's dashboard (the dashboard part's page), or "" while there is none."""
    try:
        return reverse("organizations:dashboard", kwargs={"organization_id": organization_id})
    except NoReverseMatch:
        return ""


def within_rate_limit(request):
    return public_forms.within_rate_limit(RATE_LIMITS, client_address(request), request.user.email)


def _apply_page(request, form, status=200):
    return TemplateResponse(request, "organizations/application/apply.html", {"form": form}, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def apply(request):
    if request.method != "POST":
        initial = {"contact_name": request.user.name, "contact_email": request.user.email}
        return _apply_page(request, ApplicationForm(initial=initial))
    form = ApplicationForm(request.POST)
    if not within_rate_limit(request):
        form.is_valid()
        messages.warning(request, _("Too many applications were sent from here. Please try again later."))
        return _apply_page(request, form, status=429)
    if not form.is_valid():
        return _apply_page(request, form, status=400)
    organization = form.save(commit=False)
    organization.applicant = request.user
    try:
        with transaction.atomic():
            organization.save()
    except IntegrityError:  # the same credit code sent at the same moment (a double click)
        form.add_error("credit_code", APPLIED_ALREADY)
        return _apply_page(request, form, status=400)
    messages.success(
        request,
        _("Your application for %(name)s was sent. The office will email you its decision.")
        % {"name": organization.name},
    )
    return redirect("organizations:applications")


@require_safe
@login_required
def applications(request):
    rows = Organization.objects.filter(applicant=request.user).order_by("-applied_at", "-id")
    managed = set(managed_by(request.user).values_list("pk", flat=True))
    items = [
        {
            "organization": organization,
            "applied": beijing_time_in_list(organization.applied_at),
            "decided": beijing_time_in_list(organization.decided_at),
            "manages": organization.pk in managed,
            "dashboard_url": dashboard_url(organization.pk) if organization.pk in managed else "",
        }
        for organization in rows
    ]
    context = {"items": items, "times_note": beijing_time_note()}
    return TemplateResponse(request, "organizations/application/applications.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def service_request_list(request, organization_id):
    """The organisation's service requests with their status, and the form to ask for one."""
    organization = managed_organization(request, organization_id)
    language = get_language()
    status = 200
    if request.method == "POST":
        form = ServiceRequestForm(request.POST, language=language)
        if form.is_valid():
            service_requests.create(form, organization, request.user, language)
            messages.success(request, _("Your request was sent. The office will email you when it changes."))
            return redirect("organizations:service_requests", organization_id=organization.pk)
        status = 400
    else:
        form = ServiceRequestForm(language=language)
    rows = (
        ServiceRequest.objects.filter(organization=organization)
        .select_related("event_page")
        .order_by("-created_at", "-id")
    )
    items = [{"request": row, "requested": beijing_time_in_list(row.created_at)} for row in rows]
    context = {
        "organization": organization,
        "form": form,
        "items": items,
        "times_note": beijing_time_note(),
    }
    template = "organizations/application/service_requests.html"
    return TemplateResponse(request, template, context, status=status)
