"""Views of the members part: the members page and a member's page (a manager's changes), join links,
joining by link or code, inviting by email (the invitation landing page), uploading a member list.

Every page that takes an organisation id opens it through `managed_organization` (its current managers
only; anyone else a 404), and every member, link or import id is looked up within that organisation.
"""

import csv
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from home.listing import page_number
from home.public_forms import client_address, private_page, within_rate_limit
from home.spreadsheets import csv_response, xlsx_response
from home.times import beijing_time

from . import imports, invitations, joining, members
from .access import managed_organization
from .member_forms import (
    AddManagerForm,
    GuardianConsentForm,
    JoinCodeForm,
    JoinForm,
    JoinLinkForm,
    MemberDetailsForm,
    SearchForm,
    UploadForm,
)
from .models import JoinLink, MemberImport, Membership, Organization

PAGE_SIZE = 50
PREVIEW_PAGE_SIZE = 100


def _members_url(organization):
    return reverse("organizations:members", kwargs={"organization_id": organization.pk})


# The members page --------------------------------------------------------------------------------


@require_safe
@login_required
def member_list(request, organization_id):
    organization = managed_organization(request, organization_id)
    form = SearchForm(request.GET or None)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    memberships = members.search(members.listed(organization), text).order_by("group_label", "name", "pk")
    counts = Membership.objects.filter(organization=organization, ended_at__isnull=True).aggregate(
        active=Count("pk", filter=Q(user__isnull=False, joined_at__isnull=False)),
        invited=Count("pk", filter=Q(user__isnull=True)),
        awaiting=Count("pk", filter=Q(user__isnull=False, joined_at__isnull=True)),
    )
    notices = []
    paginator = Paginator(memberships, PAGE_SIZE)
    if not text:  # the counts above already say how many there are
        paginator.__dict__["count"] = sum(counts.values())
    page_obj = paginator.page(page_number(request, paginator, notices))
    context = {
        "organization": organization,
        "search_form": form,
        "query": text,
        "page_obj": page_obj,
        "notices": notices,
        "counts": counts,
        "status_labels": members.MemberStatus.labels(),
        "extra_query": urlencode({"q": text}) if text else "",
        "add_manager_form": AddManagerForm(),
        "is_school": organization.kind == Organization.Kind.SCHOOL,
    }
    return TemplateResponse(request, "organizations/members/member_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def add_manager(request, organization_id):
    """A co-manager: a current member promoted, an account added as manager, or a new person invited."""
    organization = managed_organization(request, organization_id)
    form = AddManagerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email, name = form.cleaned_data["email"], form.cleaned_data["name"]
        existing = members.find_by_email(organization, email)
        user = None
        if existing is None:
            user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
            if user is None and not name:
                form.add_error("name", _("This person has no account yet: enter their name to invite them."))
        if not form.errors:
            if existing is not None:
                try:
                    members.set_role(existing, Membership.Role.MANAGER, changed_by=request.user)
                except members.MembershipError as error:
                    form.add_error("email", str(error))
                else:
                    messages.success(request, _("%(name)s is now a manager.") % {"name": _display(existing)})
                    return redirect(_members_url(organization))
            else:
                membership, _created = invitations.add_person(
                    organization,
                    email=email,
                    name=name,
                    role=Membership.Role.MANAGER,
                    added_by=request.user,
                    user=user,
                )
                if user is not None:
                    messages.success(
                        request,
                        _("%(name)s is now a manager and has been told by email.")
                        % {"name": _display(membership)},
                    )
                else:
                    messages.success(
                        request,
                        _("An invitation to join as a manager has been sent to %(email)s.")
                        % {"email": email},
                    )
                return redirect(_members_url(organization))
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request,
        "organizations/members/add_manager.html",
        {"organization": organization, "form": form},
        status=status,
    )


def _display(membership):
    return membership.name or (membership.user.name if membership.user_id else membership.email)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def member_detail(request, organization_id, membership_id):
    organization = managed_organization(request, organization_id)
    try:
        membership = members.member_of(organization, membership_id)
    except Membership.DoesNotExist as missing:
        raise Http404 from missing
    school = organization.kind == Organization.Kind.SCHOOL
    initial = {
        "group_label": membership.group_label,
        "member_number": membership.member_number,
        "birth_year": membership.birth_year,
        "under_14": membership.under_14,
    }
    details_form = MemberDetailsForm(initial=initial, school=school)
    consent_form = GuardianConsentForm()
    action = request.POST.get("action") if request.method == "POST" else None
    status = 200
    if action == "details":
        details_form = MemberDetailsForm(request.POST, initial=initial, school=school)
        if details_form.is_valid():
            data = details_form.cleaned_data
            members.change_details(
                membership,
                group_label=data["group_label"],
                member_number=data["member_number"],
                birth_year=data.get("birth_year"),
                under_14=data.get("under_14", False),
            )
            messages.success(request, _("The member's details have been saved."))
            return redirect(request.path)
        status = 400
    elif action == "consent":
        consent_form = GuardianConsentForm(request.POST)
        if consent_form.is_valid():
            try:
                members.record_guardian_consent(
                    membership,
                    guardian_name=consent_form.cleaned_data["guardian_name"],
                    recorded_by=request.user,
                )
            except members.MembershipError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("The guardian's consent has been recorded."))
            return redirect(request.path)
        status = 400
    elif action in ("make-manager", "make-member"):
        role = Membership.Role.MANAGER if action == "make-manager" else Membership.Role.MEMBER
        try:
            members.set_role(membership, role, changed_by=request.user)
        except members.MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The role has been changed."))
        return redirect(request.path)
    elif action == "remove":
        try:
            members.remove(membership, removed_by=request.user)
        except members.MembershipError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        messages.success(
            request, _("%(name)s has been removed. Their records are kept.") % {"name": _display(membership)}
        )
        if membership.user_id == request.user.pk:
            return redirect("my_portal")
        return redirect(_members_url(organization))
    elif request.method == "POST":
        status = 400
    context = {
        "organization": organization,
        "membership": membership,
        "status": members.status_of(membership),
        "status_labels": members.MemberStatus.labels(),
        "under_14": members.is_under_14(membership, organization),
        "details_form": details_form,
        "consent_form": consent_form,
        "is_school": school,
        "joined_at_text": beijing_time(membership.joined_at) if membership.joined_at else "",
        "consent_at_text": beijing_time(membership.guardian_consent_at)
        if membership.guardian_consent_at
        else "",
    }
    return TemplateResponse(request, "organizations/members/member_detail.html", context, status=status)


# Join links --------------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def join_links(request, organization_id):
    organization = managed_organization(request, organization_id)
    form = JoinLinkForm()
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            form = JoinLinkForm(request.POST)
            if form.is_valid():
                joining.create_link(organization, form.cleaned_data["group_label"])
                messages.success(request, _("The join link is ready."))
                return redirect(request.path)
            status = 400
        else:
            link = get_object_or_404(JoinLink, pk=request.POST.get("link") or 0, organization=organization)
            if action == "rotate":
                joining.rotate(link)
                messages.success(
                    request, _("A new link and code replace the old ones, which no longer work.")
                )
            elif action in ("on", "off"):
                joining.switch(link, action == "on")
                messages.success(
                    request, _("The join link is on.") if action == "on" else _("The join link is off.")
                )
            else:
                status = 400
            if status == 200:
                return redirect(request.path)
    links = [
        {
            "link": link,
            "url": request.build_absolute_uri(reverse("organizations:join", kwargs={"token": link.token})),
        }
        for link in JoinLink.objects.filter(organization=organization).order_by("group_label", "pk")
    ]
    context = {
        "organization": organization,
        "links": links,
        "form": form,
        "code_url": request.build_absolute_uri(reverse("organizations:join_code")),
    }
    return TemplateResponse(request, "organizations/members/join_links.html", context, status=status)


def _join_unavailable(request):
    return TemplateResponse(request, "organizations/members/join_unavailable.html", {}, status=404)


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def join(request, token):
    link = joining.usable_link(token=token)
    if link is None:
        return _join_unavailable(request)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    school = link.organization.kind == Organization.Kind.SCHOOL
    form = JoinForm(request.POST if request.method == "POST" else None, school=school)
    status = 200
    if request.method == "POST":
        if not within_rate_limit(joining.RATE_LIMITS, client_address(request), request.user.email):
            messages.error(request, _("Too many attempts. Please wait a while and try again."))
            status = 429
        elif form.is_valid():
            membership, created = joining.join(
                link, request.user, under_14=form.cleaned_data.get("under_14", False)
            )
            messages.success(request, joining.joined_message(membership, created))
            return redirect("my_portal")
        else:
            status = 400
    context = {"link": link, "organization": link.organization, "form": form, "is_school": school}
    return TemplateResponse(request, "organizations/members/join.html", context, status=status)


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def join_code(request):
    form = JoinCodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not within_rate_limit(joining.RATE_LIMITS, client_address(request), request.user.email):
            form.add_error(None, _("Too many attempts. Please wait a while and try again."))
            status = 429
        elif form.is_valid():
            link = joining.usable_link(code=form.cleaned_data["code"])
            if link is not None:
                return redirect("organizations:join", token=link.token)
            form.add_error(
                "code",
                _(
                    "This join code is not valid: it may have been changed or switched off. "
                    "Ask your organisation for the current one."
                ),
            )
            status = 400
        else:
            status = 400
    return TemplateResponse(request, "organizations/members/join_code.html", {"form": form}, status=status)


# Invitations -------------------------------------------------------------------------------------


@private_page
@require_safe
def invitation(request, token):
    """An invitation email's link: signed in, the invitation is accepted; otherwise the token waits in
    the session while the person signs up (their address filled in) or signs in."""
    found = invitations.open_invitation(token)
    if found is None:
        return TemplateResponse(request, "organizations/members/invitation_unavailable.html", {}, status=404)
    if request.user.is_authenticated:
        membership = invitations.accept(found, request.user)
        if membership is not None:
            messages.success(request, joining.joined_message(membership, True))
        return redirect("my_portal")
    request.session[invitations.INVITE_SESSION_KEY] = token
    query = urlencode({"email": found.email, "next": request.path})
    return redirect(f"{reverse('account_signup')}?{query}")


# Uploading a member list -------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def import_upload(request, organization_id):
    organization = managed_organization(request, organization_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                report = imports.import_members(form.cleaned_data["file"], organization)
            except imports.ImportRefused as refused:
                form.add_error("file", str(refused))
            else:
                member_import = imports.save_preview(report, organization, request.user)
                return redirect(
                    "organizations:import_preview",
                    organization_id=organization.pk,
                    import_id=member_import.pk,
                )
        status = 400
    recent = MemberImport.objects.filter(organization=organization).select_related("uploaded_by")[:10]
    context = {"organization": organization, "form": form, "recent": recent}
    return TemplateResponse(request, "organizations/members/import_upload.html", context, status=status)


def _import_of(organization, import_id):
    return get_object_or_404(MemberImport, pk=import_id, organization=organization)


@require_safe
@login_required
def import_preview(request, organization_id, import_id):
    organization = managed_organization(request, organization_id)
    member_import = _import_of(organization, import_id)
    rows = member_import.rows
    outcome = request.GET.get("outcome", "")
    shown = [row for row in rows if row["outcome"] == outcome] if outcome in imports.Outcome.ORDER else rows
    notices = []
    paginator = Paginator(shown, PREVIEW_PAGE_SIZE)
    page_obj = paginator.page(page_number(request, paginator, notices))
    counts = dict.fromkeys(imports.Outcome.ORDER, 0)
    for row in rows:
        counts[row["outcome"]] += 1
    context = {
        "organization": organization,
        "member_import": member_import,
        "page_obj": page_obj,
        "notices": notices,
        "counts": [
            {"outcome": key, "label": imports.Outcome.LABELS[key], "count": counts[key]}
            for key in imports.Outcome.ORDER
        ],
        "labels": imports.Outcome.LABELS,
        "applicable": counts[imports.Outcome.INVITE] + counts[imports.Outcome.ADD],
        "outcome": outcome if outcome in imports.Outcome.ORDER else "",
        "extra_query": urlencode({"outcome": outcome}) if outcome in imports.Outcome.ORDER else "",
        "is_preview": member_import.status == MemberImport.Status.PREVIEW,
    }
    return TemplateResponse(request, "organizations/members/import_preview.html", context)


@require_POST
@login_required
def import_confirm(request, organization_id, import_id):
    organization = managed_organization(request, organization_id)
    member_import = _import_of(organization, import_id)
    preview_url = reverse(
        "organizations:import_preview",
        kwargs={"organization_id": organization.pk, "import_id": member_import.pk},
    )
    if request.POST.get("action") == "discard":
        if imports.discard(member_import):
            messages.success(request, _("The list has been discarded; nothing was applied."))
        return redirect(preview_url)
    try:
        counts = imports.apply_import(member_import, request.user)
    except imports.ApplyRefused as refused:
        messages.error(request, str(refused))
        return redirect(preview_url)
    messages.success(
        request,
        _("The list has been applied: %(invited)s people invited, %(added)s added.")
        % {"invited": counts[imports.Outcome.INVITE], "added": counts[imports.Outcome.ADD]},
    )
    return redirect(preview_url)


@require_safe
@login_required
def import_template(request, organization_id, format):
    managed_organization(request, organization_id)
    if format not in ("csv", "xlsx"):
        raise Http404
    language = get_language() if get_language() in imports.TEMPLATE_HEADINGS else "zh-hans"
    headings = imports.TEMPLATE_HEADINGS[language]
    filename = "member-list-template"
    if format == "csv":
        response = csv_response(f"{filename}.csv")
        csv.writer(response).writerow(headings)
        return response
    return xlsx_response(f"{filename}.xlsx", headings, [], title=_("Members"))
