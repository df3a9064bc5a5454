"""The office's screens about service requests in the Wagtail admin (permission
`organizations.handle_service_request`): the requests (filter by status, search) and one request: its
status, assigned officer and internal notes, scheduling it to a draft invitation-only event page, and
inviting chosen members once the page is published. The work happens in service_requests.py."""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateTimeInput

from events.models import EventType
from home.staff import require_perm
from home.text_input import ControlCharactersStripped
from home.times import beijing_time_in_list, beijing_time_note

from . import service_requests
from .models import ServiceRequest
from .permissions import HANDLE_SERVICE_REQUEST


def request_url(service_request):
    return reverse("organizations_service_request", args=[service_request.pk])


class HandleServiceRequestsMixin:
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        require_perm(request.user, HANDLE_SERVICE_REQUEST)
        return super().dispatch(request, *args, **kwargs)


class ServiceRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("status"), choices=ServiceRequest.Status.choices, empty_label=gettext_lazy("All")
    )

    class Meta:
        model = ServiceRequest
        fields = ["status"]


class ServiceRequestsView(HandleServiceRequestsMixin, ReportView):
    page_title = gettext_lazy("Service requests")
    index_url_name = "organizations_service_requests"
    index_results_url_name = "organizations_service_requests_results"
    filterset_class = ServiceRequestFilterSet
    is_searchable = True
    columns = [
        TitleColumn(
            "organization",
            label=gettext_lazy("Organisation"),
            accessor="organization.name",
            get_url=request_url,
        ),
        Column("kind", label=gettext_lazy("kind"), accessor="get_kind_display"),
        Column("status", label=gettext_lazy("status"), accessor="get_status_display"),
        Column("preferred_dates", label=gettext_lazy("preferred dates")),
        Column("audience_size", label=gettext_lazy("audience size")),
        Column("officer", label=gettext_lazy("assigned officer"), accessor="officer_text"),
        Column("requested", label=gettext_lazy("Requested"), accessor="requested_text"),
    ]

    def get_base_queryset(self):
        return ServiceRequest.objects.select_related("organization", "assigned_officer").order_by(
            "-created_at", "-pk"
        )

    def search_queryset(self, queryset):
        query = (self.search_query or "").strip()[:100]
        if not query:
            return queryset
        return queryset.filter(Q(organization__name__icontains=query) | Q(preferred_dates__icontains=query))

    def get_table(self, object_list):
        rows = list(object_list)
        for row in rows:
            row.requested_text = beijing_time_in_list(row.created_at)
            officer = row.assigned_officer
            row.officer_text = (officer.get_full_name() or officer.email) if officer else ""
        return super().get_table(rows)


def officers():
    """Active people who may handle service requests (through a group, their own permission or as
    superusers)."""
    app_label, codename = HANDLE_SERVICE_REQUEST.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    holders = (
        Q(is_superuser=True) | Q(groups__permissions__in=permission) | Q(user_permissions__in=permission)
    )
    return get_user_model().objects.filter(holders, is_active=True).distinct().order_by("name", "email")


class OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_full_name() or obj.email} ({obj.email})" if obj.get_full_name() else obj.email


class HandleForm(ControlCharactersStripped, forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("status"), choices=ServiceRequest.Status.choices)
    assigned_officer = OfficerChoiceField(
        label=gettext_lazy("assigned officer"), queryset=None, required=False
    )
    internal_notes = forms.CharField(
        label=gettext_lazy("internal notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("For the office only; never shown to the organisation."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_officer"].queryset = officers()


class ScheduleForm(forms.Form):
    starts_at = forms.DateTimeField(label=gettext_lazy("Agreed start"), widget=AdminDateTimeInput)
    ends_at = forms.DateTimeField(label=gettext_lazy("Agreed end"), widget=AdminDateTimeInput)
    event_type = forms.ChoiceField(
        label=gettext_lazy("type"),
        choices=[
            (EventType.COMPANY_VISIT, EventType.COMPANY_VISIT.label),
            (EventType.CAMPUS, EventType.CAMPUS.label),
        ],
    )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must come after the start."))
        return cleaned


class ServiceRequestView(HandleServiceRequestsMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "organizations/admin/service_request.html"
    page_title = gettext_lazy("Service request")

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, pk=pk, **kwargs)
        self.pk = pk

    def get_object(self):
        return get_object_or_404(
            ServiceRequest.objects.select_related(
                "organization", "requested_by", "assigned_officer", "event_page"
            ),
            pk=self.pk,
        )

    def get_page_subtitle(self):
        return self.service_request.organization.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("organizations_service_requests"), "label": _("Service requests")},
            {"url": "", "label": self.service_request.organization.name},
        ]

    def get(self, request, *args, **kwargs):
        self.service_request = self.get_object()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        row = self.service_request
        page = row.event_page
        context.update(
            {
                "service_request": row,
                "topics": list(row.topics.all()),
                "requested_text": beijing_time_in_list(row.created_at),
                "times_note": beijing_time_note(),
                "handle_form": kwargs.get("handle_form")
                or HandleForm(
                    initial={
                        "status": row.status,
                        "assigned_officer": row.assigned_officer,
                        "internal_notes": row.internal_notes,
                    }
                ),
                "schedule_form": kwargs.get("schedule_form")
                or ScheduleForm(initial={"event_type": service_requests.event_type_for(row.organization)}),
                "page_edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]) if page else "",
                "page_live": bool(page and service_requests.published_event(row)),
                "invite_url": reverse("organizations_service_request_invite", args=[row.pk]),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        self.service_request = row = self.get_object()
        if request.POST.get("action") == "schedule":
            form = ScheduleForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(schedule_form=form), status=400)
            try:
                page = service_requests.schedule(
                    row,
                    request.user,
                    form.cleaned_data["starts_at"],
                    form.cleaned_data["ends_at"],
                    form.cleaned_data["event_type"],
                )
            except service_requests.NoEventIndexError:
                messages.error(request, _("There is no events index to put the event under: add one first."))
                return redirect(request_url(row))
            messages.success(
                request,
                _("A draft invitation-only event was made from the request: check it, then publish it."),
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        form = HandleForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(handle_form=form), status=400)
        data = form.cleaned_data
        ServiceRequest.objects.filter(pk=row.pk).update(
            assigned_officer=data["assigned_officer"], internal_notes=data["internal_notes"]
        )
        if data["status"] != row.status and service_requests.change_status(row, data["status"]):
            messages.success(
                request,
                _("The request is now “%(status)s”; the organisation was told by email.")
                % {"status": row.get_status_display()},
            )
        else:
            messages.success(request, _("The request was saved."))
        return redirect(request_url(row))


class InviteMembersView(HandleServiceRequestsMixin, WagtailAdminTemplateMixin, TemplateView):
    """The organisation's current members with checkboxes (or all of them), invited to the request's
    published event in their own languages."""

    template_name = "organizations/admin/invite_members.html"
    page_title = gettext_lazy("Invite members")

    def dispatch(self, request, pk, *args, **kwargs):
        require_perm(request.user, HANDLE_SERVICE_REQUEST)
        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        self.service_request = get_object_or_404(
            ServiceRequest.objects.select_related("organization", "event_page"), pk=pk
        )
        return super().dispatch(request, pk, *args, **kwargs)

    def get_page_subtitle(self):
        return self.service_request.organization.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("organizations_service_requests"), "label": _("Service requests")},
            {"url": request_url(self.service_request), "label": self.service_request.organization.name},
            {"url": "", "label": _("Invite members")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        row = self.service_request
        context.update(
            {
                "service_request": row,
                "members": service_requests.current_members(row.organization),
                "event": service_requests.published_event(row),
                "back_url": request_url(row),
                "chosen": kwargs.get("chosen", set()),
            }
        )
        return context

    def post(self, request, pk):
        row = self.service_request
        members = service_requests.current_members(row.organization)
        if request.POST.get("all"):
            chosen = list(members)
        else:
            ids = {int(value) for value in request.POST.getlist("member") if value.isdigit()}
            chosen = [membership for membership in members if membership.pk in ids]
        if not chosen:
            messages.error(request, _("Choose the members to invite, or all of them."))
            return self.render_to_response(self.get_context_data(), status=400)
        try:
            count = service_requests.invite_members(row, chosen, request.user)
        except ValueError as error:
            messages.error(request, str(error))
            return self.render_to_response(
                self.get_context_data(chosen={membership.pk for membership in chosen}), status=400
            )
        text = ngettext(
            "%(count)s member is invited: the invitation is on its way.",
            "%(count)s members are invited: the invitations are on their way.",
            count,
        )
        messages.success(request, text % {"count": count})
        return redirect(request_url(row))
