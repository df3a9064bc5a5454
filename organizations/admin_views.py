"""The office's screens about organisations in the Wagtail admin (the service requests' screens are in
service_request_admin.py; organization_admin_urls() gives both).

- every organisation (filter by kind and status, search by name, credit code or contact), with a link
  to its dashboard for holders of `organizations.view_all`: permission `approve_organization` or
  `view_all`;
- one application, approved or rejected with a reason: `organizations.approve_organization`;
- the service requests (filter by status) and one request: status, assigned officer, internal notes,
  scheduling to a draft invitation-only event page, and inviting chosen members once the page is
  published: `organizations.handle_service_request`.

The domain work happens in applications.py and service_requests.py; these views check, call and report.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from home.staff import require_perm
from home.text_input import ControlCharactersStripped
from home.times import beijing_time_in_list, beijing_time_note

from . import applications
from .models import Membership, Organization
from .permissions import APPROVE_ORGANIZATION, LIST_ORGANIZATIONS, VIEW_ALL
from .service_request_admin import InviteMembersView, ServiceRequestsView, ServiceRequestView

REASON_MAX_LENGTH = 1000


def organization_admin_urls():
    organizations = OrganizationsView
    requests = ServiceRequestsView
    return [
        path("organisations/", organizations.as_view(), name="organizations_admin"),
        path(
            "organisations/results/",
            organizations.as_view(results_only=True),
            name="organizations_admin_results",
        ),
        path("organisations/<int:pk>/", DecideView.as_view(), name="organizations_admin_decide"),
        path("organisations/service-requests/", requests.as_view(), name="organizations_service_requests"),
        path(
            "organisations/service-requests/results/",
            requests.as_view(results_only=True),
            name="organizations_service_requests_results",
        ),
        path(
            "organisations/service-requests/<int:pk>/",
            ServiceRequestView.as_view(),
            name="organizations_service_request",
        ),
        path(
            "organisations/service-requests/<int:pk>/invite/",
            InviteMembersView.as_view(),
            name="organizations_service_request_invite",
        ),
    ]


def dashboard_url(organization):
    """The organisation's dashboard (the dashboard part's page), or "" while it has none."""
    if not organization.is_approved:
        return ""
    try:
        return reverse("organizations:dashboard", kwargs={"organization_id": organization.pk})
    except NoReverseMatch:
        return ""


# Every organisation ----------------------------------------------------------------------------


def decide_url(organization):
    return reverse("organizations_admin_decide", args=[organization.pk])


class DashboardColumn(Column):
    cell_template_name = "organizations/admin/dashboard_cell.html"


class OrganizationFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("kind"), choices=Organization.Kind.choices, empty_label=gettext_lazy("All")
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("status"), choices=Organization.Status.choices, empty_label=gettext_lazy("All")
    )

    class Meta:
        model = Organization
        fields = ["kind", "status"]


class OrganizationsView(ReportView):
    page_title = gettext_lazy("Organisations")
    header_icon = "group"
    index_url_name = "organizations_admin"
    index_results_url_name = "organizations_admin_results"
    filterset_class = OrganizationFilterSet
    is_searchable = True

    def dispatch(self, request, *args, **kwargs):
        require_perm(request.user, LIST_ORGANIZATIONS)
        return super().dispatch(request, *args, **kwargs)

    @property
    def columns(self):
        columns = [
            TitleColumn("name", label=gettext_lazy("Name"), get_url=decide_url),
            Column("kind", label=gettext_lazy("kind"), accessor="get_kind_display"),
            Column("status", label=gettext_lazy("status"), accessor="get_status_display"),
            Column("contact", label=gettext_lazy("Contact"), accessor="contact_text"),
            Column("members", label=gettext_lazy("Members"), accessor="member_count"),
            Column("applied", label=gettext_lazy("Applied"), accessor="applied_text"),
        ]
        if self.request.user.has_perm(VIEW_ALL):
            columns.append(DashboardColumn("dashboard", label=gettext_lazy("Dashboard")))
        return columns

    def get_base_queryset(self):
        current = Q(
            memberships__user__isnull=False,
            memberships__joined_at__isnull=False,
            memberships__ended_at__isnull=True,
        )
        return Organization.objects.annotate(member_count=Count("memberships", filter=current)).order_by(
            "-applied_at", "-pk"
        )

    def search_queryset(self, queryset):
        query = (self.search_query or "").strip()[:100]
        if not query:
            return queryset
        return queryset.filter(
            Q(name__icontains=query)
            | Q(credit_code__iexact=query.replace(" ", "").upper())
            | Q(contact_name__icontains=query)
            | Q(contact_email__icontains=query)
        )

    def get_table(self, object_list):
        rows = list(object_list)
        for organization in rows:
            organization.applied_text = beijing_time_in_list(organization.applied_at)
            organization.contact_text = f"{organization.contact_name} · {organization.contact_email}"
            organization.dashboard_url = dashboard_url(organization)
        return super().get_table(rows)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["times_note"] = beijing_time_note()
        return context


# One application: approve or reject --------------------------------------------------------------


class DecisionForm(ControlCharactersStripped, forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Sent to the applicant with the decision. Needed to reject; optional to approve."
        ),
    )
    decision = forms.ChoiceField(choices=[("approve", "approve"), ("reject", "reject")])

    def clean(self):
        cleaned = super().clean()
        cleaned["reason"] = " ".join((cleaned.get("reason") or "").split())
        if cleaned.get("decision") == "reject" and not cleaned["reason"]:
            self.add_error("reason", _("Give the reason for rejecting the application."))
        return cleaned


class DecideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "organizations/admin/decide.html"
    page_title = gettext_lazy("Organisation")
    header_icon = "group"

    def dispatch(self, request, pk, *args, **kwargs):
        require_perm(request.user, LIST_ORGANIZATIONS)
        self.organization = get_object_or_404(
            Organization.objects.select_related("applicant", "decided_by"), pk=pk
        )
        return super().dispatch(request, pk, *args, **kwargs)

    def get_page_subtitle(self):
        return self.organization.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("organizations_admin"), "label": _("Organisations")},
            {"url": "", "label": self.organization.name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.organization
        may_decide = self.request.user.has_perm(APPROVE_ORGANIZATION)
        context.update(
            {
                "organization": organization,
                "applied_text": beijing_time_in_list(organization.applied_at),
                "decided_text": beijing_time_in_list(organization.decided_at),
                "times_note": beijing_time_note(),
                "may_decide": may_decide and organization.status == Organization.Status.PENDING,
                "form": kwargs.get("form") or DecisionForm(),
                "dashboard_url": dashboard_url(organization) if self.request.user.has_perm(VIEW_ALL) else "",
                "managers": Membership.objects.managers()
                .filter(organization=organization)
                .select_related("user"),
            }
        )
        return context

    def post(self, request, pk):
        require_perm(request.user, APPROVE_ORGANIZATION)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        reason = form.cleaned_data["reason"]
        if form.cleaned_data["decision"] == "approve":
            decided = applications.approve(self.organization.pk, request.user, reason)
            done = _("%(name)s is approved; its applicant is now its manager and was told by email.")
        else:
            decided = applications.reject(self.organization.pk, request.user, reason)
            done = _("%(name)s is rejected; the applicant was told by email, with your reason.")
        if decided is None:
            messages.warning(request, _("This application was already decided: nothing was changed."))
        else:
            messages.success(request, done % {"name": decided.name})
        return redirect("organizations_admin_decide", self.organization.pk)
