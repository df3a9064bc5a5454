"""Staff screens about registrations in the Wagtail admin (permission `events.manage_registrations`).

Two Wagtail reports: every event with its confirmed, waitlisted, cancelled and attended counts (one
query), and one event's registrations, filtered by status, searchable, paginated and exported (XLSX,
CSV) through the shared staff export. What no generic view does stays a small form on the event's
screen: a message to everyone confirmed and invitations; it links to cancelling the event, and each
registration's row to cancelling it for the person (cancel_views.py). The domain work happens in
notifications, invitations and registration; these views only check, call and report.
"""

import django_filters
from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import Button, ButtonWithDropdown

from home.spreadsheets import StaffExportMixin
from home.staff import require_perm
from home.times import beijing_time_note

from .admin_forms import InviteForm, MessageForm
from .invitations import invite
from .models import Event, EventPage, Registration
from .notifications import message_registrants
from .staff_lists import attended, decorate_event, decorate_registration, events_with_counts, local_time
from .sync import event_for

MANAGE = "events.manage_registrations"
CHECK_IN = "events.check_in"
Status = Registration.Status


def event_screen_url(event):
    return reverse("events_registrations", args=[event.pk])


def cancel_registration_url(registration):
    return reverse("events_cancel_registration", args=[registration.event_id, registration.pk])


class RegistrationColumn(ButtonsColumnMixin, TitleColumn):
    """The person's name and code, with the row's actions in a "more" menu: cancelling their
    registration while it stands."""

    def get_buttons(self, instance, parent_context):
        if instance.status == Status.CANCELLED:
            return []
        cancel = Button(
            _("Cancel this registration…"), url=cancel_registration_url(instance), icon_name="cross"
        )
        label = _("More options for “%(name)s”") % {"name": instance.name}
        return [
            ButtonWithDropdown(buttons=[cancel], icon_name="dots-horizontal", attrs={"aria-label": label})
        ]


class ManageRegistrationsMixin:
    """Every screen here needs `events.manage_registrations` (checked before anything is read)."""

    permission = MANAGE
    header_icon = "calendar"

    def dispatch(self, request, *args, **kwargs):
        require_perm(request.user, self.permission)
        return super().dispatch(request, *args, **kwargs)


class EventReportView(ManageRegistrationsMixin, StaffExportMixin, ReportView):
    """Every event, newest first, with its counts; search by title."""

    page_title = gettext_lazy("Event registrations")
    index_url_name = "events_registration_report"
    index_results_url_name = "events_registration_report_results"
    is_searchable = True
    search_fields = ["title"]
    export_filename = "event-registrations"
    columns = [
        TitleColumn("title", label=gettext_lazy("Event"), get_url=event_screen_url),
        Column("starts", label=gettext_lazy("Starts"), accessor="starts_text"),
        Column("state", label=gettext_lazy("Status"), accessor="state_text"),
        Column("confirmed", label=gettext_lazy("Confirmed"), accessor="confirmed_text"),
        Column("waitlisted_count", label=gettext_lazy("Waitlisted")),
        Column("cancelled_count", label=gettext_lazy("Cancelled")),
        Column("attended", label=gettext_lazy("Attended")),
    ]
    list_export = ["title", "starts_text", "state_text", "confirmed_count", "capacity"]
    list_export += ["waitlisted_count", "cancelled_count", "attended"]
    export_headings = {
        "title": gettext_lazy("Event"),
        "starts_text": gettext_lazy("Starts"),
        "state_text": gettext_lazy("Status"),
        "confirmed_count": gettext_lazy("Confirmed"),
        "capacity": gettext_lazy("capacity"),
        "waitlisted_count": gettext_lazy("Waitlisted"),
        "cancelled_count": gettext_lazy("Cancelled"),
        "attended": gettext_lazy("Attended"),
    }

    def get_queryset(self):
        return events_with_counts().order_by("-starts_at", "-pk")

    def decorate_paginated_queryset(self, object_list):
        for event in object_list:
            decorate_event(event)
        return object_list

    def get_table(self, object_list):
        return super().get_table(self.decorate_paginated_queryset(object_list))

    def to_row_dict(self, item):
        return super().to_row_dict(decorate_event(item))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [{"event": event, "attended": event.attended} for event in context["object_list"]]
        return context


class StatusFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("status"), choices=Status.choices, empty_label=gettext_lazy("All")
    )

    class Meta:
        model = Registration
        fields = ["status"]


class EventRegistrationsView(ManageRegistrationsMixin, StaffExportMixin, ReportView):
    """One event: counts, registrations (by status, searchable, exported), message, invitations, cancel."""

    template_name = "events/admin/event_registrations.html"
    page_title = gettext_lazy("Event registrations")
    index_url_name = "events_registrations"
    index_results_url_name = "events_registrations_results"
    filterset_class = StatusFilterSet
    is_searchable = True
    context_object_name = "registrations"
    columns = [
        RegistrationColumn("name", label=gettext_lazy("Name"), accessor="name_text"),
        Column("email", label=gettext_lazy("Email")),
        Column("phone", label=gettext_lazy("Phone")),
        Column("organisation", label=gettext_lazy("Organisation")),
        Column("status", label=gettext_lazy("Status"), accessor="status_text"),
        Column("created_at", label=gettext_lazy("Registered"), accessor="registered_text"),
        Column("checked_in_at", label=gettext_lazy("Checked in"), accessor="checked_in_text"),
        Column("cancelled_by", label=gettext_lazy("Cancelled by"), accessor="cancelled_text"),
        Column("cancellation_reason", label=gettext_lazy("Reason for cancelling")),
    ]
    list_export = ["name", "email", "phone", "organisation", "get_status_display"]
    list_export += ["created_at", "checked_in_at", "cancelled_at", "cancelled_by_text", "cancellation_reason"]
    export_headings = {
        "name": gettext_lazy("Name"),
        "email": gettext_lazy("Email"),
        "phone": gettext_lazy("Phone"),
        "organisation": gettext_lazy("Organisation"),
        "get_status_display": gettext_lazy("Status"),
        "created_at": gettext_lazy("Registered"),
        "checked_in_at": gettext_lazy("Checked in"),
        "cancelled_at": gettext_lazy("Cancelled"),
        "cancelled_by_text": gettext_lazy("Cancelled by"),
        "cancellation_reason": gettext_lazy("Reason for cancelling"),
    }
    # Times as the screen shows them: Beijing time, in both files.
    custom_field_preprocess = {
        name: {"csv": local_time, "xlsx": local_time}
        for name in ("created_at", "checked_in_at", "cancelled_at")
    }

    def setup(self, request, *args, event_id, **kwargs):
        super().setup(request, *args, event_id=event_id, **kwargs)
        self.event_id = event_id

    @cached_property
    def event(self):
        return get_object_or_404(events_with_counts(), pk=self.event_id)

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.event.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.event.pk])

    def get_filename(self):
        return f"event-{self.event.pk}-registrations"

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("events_registration_report"), "label": _("Event registrations")},
            {"url": "", "label": self.event.title},
        ]

    def get_queryset(self):
        registrations = Registration.objects.filter(event=self.event)
        if self.is_export:  # the file names who cancelled, not who checked people in
            return registrations.select_related("cancelled_by").order_by("created_at", "pk")
        return registrations.select_related("checked_in_by", "cancelled_by").order_by("created_at", "pk")

    def search_queryset(self, queryset):
        query = self.search_query.strip()[:100]
        if not query:
            return queryset
        return queryset.filter(
            Q(name__icontains=query)
            | Q(email__icontains=query)
            | Q(check_in_code__iexact=query)
            | Q(organisation__icontains=query)
        )

    def decorate_paginated_queryset(self, object_list):
        for registration in object_list:
            decorate_registration(registration)
        return object_list

    def get_table(self, object_list):
        return super().get_table(self.decorate_paginated_queryset(object_list))

    def to_row_dict(self, item):
        return super().to_row_dict(decorate_registration(item))

    def post(self, request, *args, **kwargs):
        """The message and invitation forms post here; a valid one redirects, an invalid one is
        shown again with its errors (status 400) and changes nothing."""
        action = request.POST.get("action")
        if action == "message":
            form = MessageForm(request.POST, prefix="message")
            if form.is_valid():
                return self.send_message(form)
            return self.show_again(message_form=form)
        if action == "invite":
            form = InviteForm(request.POST, prefix="invite")
            if form.is_valid() and self.send_invitations(form):
                return redirect(event_screen_url(self.event))
            return self.show_again(invite_form=form)
        return redirect(event_screen_url(self.event))

    def show_again(self, **forms):
        self.object_list = self.get_filtered_queryset()
        return self.render_to_response(self.get_context_data(**forms), status=400)

    def send_message(self, form):
        event = self.event
        if event.confirmed_count == 0:
            messages.warning(self.request, _("Nobody is confirmed for this event: no message was sent."))
            return redirect(event_screen_url(event))
        count = message_registrants(
            event, form.cleaned_data["subject"], form.cleaned_data["body"], sender=self.request.user
        )
        if count:
            text = ngettext(
                "The message is on its way to %(count)s confirmed registrant.",
                "The message is on its way to %(count)s confirmed registrants.",
                count,
            )
            messages.success(self.request, text % {"count": count})
        else:
            messages.warning(
                self.request,
                _("This message was sent before to everyone confirmed: nobody gets it twice."),
            )
        return redirect(event_screen_url(event))

    def send_invitations(self, form):
        try:
            invitations = invite(
                self.event,
                form.cleaned_data["emails"],
                invited_by=self.request.user,
                language=form.cleaned_data["language"],
            )
        except ValueError as error:
            form.add_error("emails", str(error))
            return False
        text = ngettext(
            "%(count)s person is invited: the invitation is on its way.",
            "%(count)s people are invited: the invitations are on their way.",
            len(invitations),
        )
        messages.success(self.request, text % {"count": len(invitations)})
        return True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context  # a file: none of the screen's extras
        event = self.event
        pages = EventPage.objects.filter(translation_key=event.translation_key).select_related("locale")
        context.update(
            {
                "event": event,
                "attended": attended(event),
                "starts_text": local_time(event.starts_at),
                "cancelled_text": local_time(event.cancelled_at),
                "times_note": beijing_time_note(),
                "csv_url": reverse("events_registrations_csv", args=[event.pk]),
                "cancel_url": reverse("events_cancel_event", args=[event.pk]),
                "check_in_url": reverse("events:event_check_in", args=[event.pk])
                if self.request.user.has_perm(CHECK_IN)
                else "",
                "pages": [
                    {
                        "language": page.locale.get_display_name(),
                        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    }
                    for page in pages
                ],
                "message_form": kwargs.get("message_form") or MessageForm(prefix="message"),
                "invite_form": kwargs.get("invite_form") or InviteForm(prefix="invite"),
            }
        )
        return context


class RegistrationsCsvView(EventRegistrationsView):
    """The event's registrations as CSV, at the address the screen has always linked."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.is_export = True

    def render_to_response(self, context, **response_kwargs):
        # One response, not a stream: a few hundred rows, and a download with a known length.
        streamed = self.as_spreadsheet(context["object_list"], self.FORMAT_CSV)
        response = HttpResponse(b"".join(streamed.streaming_content))
        for header in ("Content-Type", "Content-Disposition", "Cache-Control"):
            response[header] = streamed[header]
        return response


def registrations_for_page(request, page_id):
    """From an event page in the editor to its event's screen (the Event is made if it is missing)."""
    require_perm(request.user, MANAGE)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    page = get_object_or_404(EventPage, pk=page_id)
    event = Event.objects.filter(translation_key=page.translation_key).first()
    if event is None and not page.live:
        messages.info(request, _("This event has not been published yet, so nobody can register."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return redirect(event_screen_url(event or event_for(page)))
