"""The manager's dashboard (organizations/dashboard.py prepares what it shows): my organisations, an
organisation's completion charts and assignments, the member statuses with their exports, the
certificates ZIP, and group registration for a public event.

Every page that takes an organisation's id goes through `managed_organization`: its current managers,
and (reading only) officers with `organizations.view_all`; anyone else gets a 404. Ids of assignments
and bundles are looked up within that organisation (another's id is a 404, nothing changed).
"""

import csv
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from home.listing import page_number
from home.spreadsheets import csv_response, csv_value, export_links, xlsx_response
from home.times import beijing_time
from training.completion import beijing_today

from . import bundles, dashboard, group_registration
from .access import is_manager, managed_organization
from .assignments import AssignmentForm, group_labels, withdraw
from .models import Assignment, CertificateBundle
from .reminders import AlreadyReminded, remind_now

PAGE_SIZE = 50
SEARCH_LENGTH = 100
EXPORT_FORMATS = ("xlsx", "csv")


def _url(name, organization, **kwargs):
    return reverse(f"organizations:{name}", kwargs={"organization_id": organization.pk, **kwargs})


def _optional_url(name, **kwargs):
    """A URL of another part of the room, or "" while that part is not there."""
    try:
        return reverse(f"organizations:{name}", kwargs=kwargs or None)
    except NoReverseMatch:
        return ""


def _managing(request, organization_id):
    """The organisation the signed-in person manages (changes are for managers only), else 404."""
    return managed_organization(request, organization_id)


# My organisations ---------------------------------------------------------------------------------


@require_safe
@login_required
def my_organisations(request):
    context = {
        "entries": dashboard.my_organisations(request.user),
        "apply_url": _optional_url("apply"),
    }
    return TemplateResponse(request, "organizations/dashboard/my_organisations.html", context)


# The dashboard ------------------------------------------------------------------------------------


@require_safe
@login_required
def organisation_dashboard(request, organization_id):
    organization = managed_organization(request, organization_id, read_only=True)
    today = beijing_today()
    rows = dashboard.assignment_rows(organization, today)
    manager = is_manager(request.user, organization)
    context = {
        "organization": organization,
        "is_manager": manager,
        "rows": rows,
        "assignments_chart": dashboard.assignments_chart(rows) if rows else None,
        "groups_chart": dashboard.groups_chart(rows[0].assignment, today) if rows else None,
        "status_labels": dashboard.status_labels(),
        "bundle": bundles.latest_bundle(organization, request.user) if manager else None,
        "members_url": _optional_url("members", organization_id=organization.pk) if manager else "",
        "today": today,
    }
    return TemplateResponse(request, "organizations/dashboard/dashboard.html", context)


# Assignments --------------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def assignment_new(request, organization_id):
    organization = _managing(request, organization_id)
    form = AssignmentForm(request.POST or None, organization=organization, language=get_language())
    if request.method == "POST":
        if form.is_valid():
            assignment = form.save(by=request.user)
            messages.success(request, _("“%(title)s” is assigned.") % {"title": assignment.title})
            return redirect(_url("dashboard", organization))
        status = 400
    else:
        status = 200
    context = {"organization": organization, "form": form}
    return TemplateResponse(request, "organizations/dashboard/assignment_form.html", context, status=status)


def _assignment_of(organization, assignment_id, open_only=True):
    assignments = Assignment.objects.filter(organization=organization)
    if open_only:
        assignments = assignments.filter(ended_at__isnull=True)
    return get_object_or_404(assignments, pk=assignment_id)


@require_POST
@login_required
def assignment_remind(request, organization_id, assignment_id):
    organization = _managing(request, organization_id)
    assignment = _assignment_of(organization, assignment_id)
    try:
        count = remind_now(assignment)
    except AlreadyReminded:
        messages.info(
            request,
            _(
                "Everyone not yet complete on “%(title)s” was already reminded today. "
                "You can remind them again tomorrow."
            )
            % {"title": assignment.title},
        )
    else:
        if count:
            messages.success(request, _("%(count)s people were reminded.") % {"count": count})
        else:
            messages.info(request, _("Nobody needed a reminder: everyone has completed it."))
    return redirect(_url("dashboard", organization))


@require_POST
@login_required
def assignment_withdraw(request, organization_id, assignment_id):
    organization = _managing(request, organization_id)
    assignment = _assignment_of(organization, assignment_id, open_only=False)
    if withdraw(assignment):
        messages.success(request, _("“%(title)s” was withdrawn.") % {"title": assignment.title})
    else:
        messages.info(request, _("“%(title)s” had already been withdrawn.") % {"title": assignment.title})
    return redirect(_url("dashboard", organization))


# Member statuses and their exports ----------------------------------------------------------------


def _filters(request, organization):
    """(assignment or None, text, group or None, status or None, the open assignments) from the query."""
    assignments = list(Assignment.objects.filter(organization=organization, ended_at__isnull=True))
    chosen = None
    wanted = request.GET.get("assignment", "")
    if wanted.isdigit():
        chosen = next((a for a in assignments if a.pk == int(wanted)), None)
        if chosen is None:
            raise Http404
    elif assignments:
        chosen = assignments[0]
    text = request.GET.get("q", "").strip()[:SEARCH_LENGTH]
    group = request.GET.get("group") or None  # "": every group
    status = request.GET.get("status") or None
    return chosen, text, group, status, assignments


def _query(assignment, text, group, status):
    params = {"assignment": assignment.pk if assignment else "", "q": text, "group": group, "status": status}
    return {key: value for key, value in params.items() if value not in (None, "")}


def _date(value):
    return timezone.localtime(value).date() if value else None


@require_safe
@login_required
def member_status(request, organization_id):
    organization = managed_organization(request, organization_id, read_only=True)
    assignment, text, group, status, assignments = _filters(request, organization)
    notices = []
    page_obj = None
    params = _query(assignment, text, group, status)
    if assignment is not None:
        rows = dashboard.member_statuses(assignment, text=text, group=group, status=status)
        paginator = Paginator(rows, PAGE_SIZE)
        page_obj = paginator.page(page_number(request, paginator, notices))
    query = urlencode(params)
    context = {
        "organization": organization,
        "assignments": assignments,
        "assignment": assignment,
        "query_text": text,
        "group": group,
        "status": status,
        "groups": group_labels(organization),
        "status_labels": dashboard.status_labels(),
        "page_obj": page_obj,
        "notices": notices,
        "extra_query": query,
        "exports": export_links(
            _url("member_status_export", organization, format="xlsx") + "?" + query,
            _url("member_status_export", organization, format="csv") + "?" + query,
        )
        if assignment is not None
        else None,
    }
    return TemplateResponse(request, "organizations/dashboard/member_status.html", context)


def export_rows(assignment, text="", group=None, status=None):
    """The export's headings and rows: name, group, status, joined, due (values as stored)."""
    labels = dashboard.status_labels()
    headings = [_("Name"), _("Group"), _("Status"), _("Joined"), _("Due")]
    rows = (
        [
            row["user__name"] or row["name"],
            row["group_label"],
            str(labels[row["status"]]),
            _date(row["joined_at"]),
            assignment.due_on,
        ]
        for row in dashboard.member_statuses(assignment, text=text, group=group, status=status).iterator(
            chunk_size=2000
        )
    )
    return headings, rows


@require_safe
@login_required
def member_status_export(request, organization_id, format):
    organization = managed_organization(request, organization_id, read_only=True)
    if format not in EXPORT_FORMATS:
        raise Http404
    assignment, text, group, status, _assignments = _filters(request, organization)
    if assignment is None:
        raise Http404
    headings, rows = export_rows(assignment, text, group, status)
    filename = f"organisation-{organization.pk}-assignment-{assignment.pk}.{format}"
    if format == "xlsx":
        return xlsx_response(filename, headings, rows, title=assignment.title)
    response = csv_response(filename)
    writer = csv.writer(response)
    writer.writerow([csv_value(str(heading)) for heading in headings])
    for row in rows:
        writer.writerow([csv_value(value) for value in row])
    return response


# The certificates ZIP -----------------------------------------------------------------------------


@require_POST
@login_required
def bundle_request(request, organization_id):
    organization = _managing(request, organization_id)
    _bundle, created = bundles.request_bundle(organization, request.user)
    if created:
        messages.success(
            request, _("The certificates are being collected. Open this page again in a few minutes.")
        )
    else:
        messages.info(request, _("Your certificates ZIP is still being prepared."))
    return redirect(_url("dashboard", organization))


@require_safe
@login_required
def bundle_download(request, organization_id, bundle_id):
    organization = _managing(request, organization_id)
    bundle = get_object_or_404(
        CertificateBundle,
        pk=bundle_id,
        organization=organization,
        requested_by=request.user,
        status=CertificateBundle.Status.READY,
    )
    if not bundle.file.name or not bundle.file.storage.exists(bundle.file.name):
        raise Http404
    response = FileResponse(
        bundle.file.open("rb"), as_attachment=True, filename=f"certificates-{organization.pk}-{bundle.pk}.zip"
    )
    response["Cache-Control"] = "private, no-store"
    return response


# Group registration for a public event ------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def group_register(request, organization_id):
    organization = _managing(request, organization_id)
    events = list(group_registration.offered_events())
    groups = group_labels(organization)
    group = request.GET.get("group")
    if group is not None and group not in groups:
        group = None
    outcomes = None
    error = ""
    chosen_event = None
    if request.method == "POST":
        event_id = request.POST.get("event", "")
        chosen_event = next((event for event in events if str(event.pk) == event_id), None)
        if request.POST.get("everyone"):  # everyone shown: the whole organisation or the group chosen
            posted_group = request.POST.get("group")
            chosen = group_registration.candidates(
                organization, posted_group if posted_group in groups else None
            )
        else:
            member_ids = [value for value in request.POST.getlist("members") if value.isdigit()]
            chosen = group_registration.chosen_members(organization, member_ids)
        if chosen_event is None:
            error = _("Choose an event that is open for registration.")
        elif not chosen:
            error = _("Choose at least one member.")
        else:
            outcomes = group_registration.register_members(chosen_event, organization, chosen)
    candidates = group_registration.candidates(organization, group)
    context = {
        "organization": organization,
        "events": [(event, beijing_time(event.starts_at)) for event in events],
        "chosen_event": chosen_event,
        "groups": groups,
        "group": group,
        "candidates": candidates,
        "max_members": group_registration.MAX_MEMBERS,
        "outcomes": outcomes,
        "error": error,
    }
    status = 400 if error else 200
    return TemplateResponse(
        request, "organizations/dashboard/group_registration.html", context, status=status
    )
