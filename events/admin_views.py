"""Staff screens about registrations in the Wagtail admin (permission `events.manage_registrations`).

A report of every event with its confirmed, waitlisted, cancelled and attended counts (one query),
and per event: its registrations, a CSV export, a message to everyone confirmed, invitations, and
cancelling the event (after a confirmation step). The domain work is E1's: notifications,
invitations and registration; these views only check, call and report.
"""

import csv

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.spreadsheets import safe_cell
from home.staff import require_perm

from .models import Event, EventPage, Registration, WalkIn

MANAGE = "events.manage_registrations"
CHECK_IN = "events.check_in"
EVENTS_PER_PAGE = 50
REGISTRATIONS_PER_PAGE = 50
MAX_INVITATIONS = 500
Status = Registration.Status


def events_with_counts():
    """Every event with its counts in one query: registrations counted by status with a filter,
    walk-ins by a subquery (a second join would multiply the rows)."""
    walk_ins = (
        WalkIn.objects.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Event.objects.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=Status.CONFIRMED)),
        waitlisted_count=Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)),
        cancelled_count=Count("registrations", filter=Q(registrations__status=Status.CANCELLED)),
        checked_in_count=Count("registrations", filter=Q(registrations__checked_in_at__isnull=False)),
        walk_in_count=Coalesce(Subquery(walk_ins, output_field=IntegerField()), Value(0)),
    )


def attended(event):
    return event.checked_in_count + event.walk_in_count


def local_time(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def registrations_csv(event):
    """All of one event's registrations, UTF-8 with a BOM (so spreadsheet programs read Chinese)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-registrations.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [_("Name"), _("Email"), _("Phone"), _("Organisation"), _("Status"), _("Registered"), _("Checked in")]
    )
    registrations = (
        Registration.objects.filter(event=event)
        .only("name", "email", "phone", "organisation", "status", "created_at", "checked_in_at")
        .order_by("created_at", "pk")
    )
    for registration in registrations.iterator(chunk_size=500):
        writer.writerow(
            [
                safe_cell(registration.name),
                safe_cell(registration.email),
                safe_cell(registration.phone),
                safe_cell(registration.organisation),
                safe_cell(registration.get_status_display()),
                local_time(registration.created_at),
                local_time(registration.checked_in_at),
            ]
        )
    return response


class MessageForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=150)
    body = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Plain text. Each person gets it by email, with the event's details and their own links."
        ),
    )

    def clean_subject(self):
        subject = " ".join(self.cleaned_data["subject"].split())
        if not subject:
            raise forms.ValidationError(_("Give the message a subject."))
        return subject

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write the message."))
        return body


class InviteForm(forms.Form):
    emails = forms.CharField(
        label=gettext_lazy("Email addresses"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_INVITATIONS * 80,
        help_text=gettext_lazy(
            "One address per line. Each person gets a personal registration link; someone invited "
            "before keeps their link."
        ),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the invitation"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )

    def clean_emails(self):
        from .invitations import split_emails

        emails = split_emails(self.cleaned_data["emails"])
        if not emails:
            raise forms.ValidationError(_("Give at least one email address."))
        if len(emails) > MAX_INVITATIONS:
            raise forms.ValidationError(
                _("At most %(count)s addresses at a time.") % {"count": MAX_INVITATIONS}
            )
        return emails


class StaffView(WagtailAdminTemplateMixin, TemplateView):
    permission = MANAGE
    header_icon = "calendar"

    def dispatch(self, request, *args, **kwargs):
        require_perm(request.user, self.permission)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class EventReportView(StaffView):
    """Every event, newest first, with its counts; search by title."""

    template_name = "events/admin/event_report.html"
    page_title = gettext_lazy("Event registrations")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:100]
        events = events_with_counts().order_by("-starts_at", "-pk")
        if query:
            events = events.filter(title__icontains=query)
        page_obj = Paginator(events, EVENTS_PER_PAGE).get_page(self.request.GET.get("page"))
        context.update(
            {
                "query": query,
                "page_obj": page_obj,
                "rows": [{"event": event, "attended": attended(event)} for event in page_obj.object_list],
                "extra_query": urlencode({"q": query}) if query else "",
                "now": timezone.now(),
            }
        )
        return context


def event_screen_url(event):
    return reverse("events_registrations", args=[event.pk])


class EventRegistrationsView(StaffView):
    """One event: counts, registrations (by status, searchable), CSV, message, invitations, cancel."""

    template_name = "events/admin/event_registrations.html"
    page_title = gettext_lazy("Event registrations")
    statuses = [value for value, _label in Status.choices]

    def dispatch(self, request, event_id, *args, **kwargs):
        self.event = get_object_or_404(events_with_counts(), pk=event_id)
        return super().dispatch(request, event_id, *args, **kwargs)

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("events_registration_report"), "label": _("Event registrations")},
            {"url": "", "label": self.event.title},
        ]

    def post(self, request, event_id):
        """The message and invitation forms post here; a valid one redirects, an invalid one is
        shown again with its errors (status 400) and changes nothing."""
        action = request.POST.get("action")
        if action == "message":
            form = MessageForm(request.POST, prefix="message")
            if form.is_valid():
                return self.send_message(form)
            return self.render_to_response(self.get_context_data(message_form=form), status=400)
        if action == "invite":
            form = InviteForm(request.POST, prefix="invite")
            if form.is_valid() and self.send_invitations(form):
                return redirect(event_screen_url(self.event))
            return self.render_to_response(self.get_context_data(invite_form=form), status=400)
        return redirect(event_screen_url(self.event))

    def send_message(self, form):
        from .notifications import message_registrants

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
        from .invitations import invite

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

    def status_filter(self):
        status = self.request.GET.get("status", "")
        return status if status in self.statuses else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.event
        status = self.status_filter()
        query = self.request.GET.get("q", "").strip()[:100]
        registrations = Registration.objects.filter(event=event).select_related("checked_in_by")
        if status:
            registrations = registrations.filter(status=status)
        if query:
            registrations = registrations.filter(
                Q(name__icontains=query)
                | Q(email__icontains=query)
                | Q(check_in_code__iexact=query)
                | Q(organisation__icontains=query)
            )
        registrations = registrations.order_by("created_at", "pk")
        page_obj = Paginator(registrations, REGISTRATIONS_PER_PAGE).get_page(self.request.GET.get("page"))
        base = {"q": query} if query else {}
        status_links = [
            {
                "label": _("All"),
                "url": "?" + urlencode(base),
                "current": not status,
            }
        ] + [
            {"label": label, "url": "?" + urlencode({**base, "status": value}), "current": value == status}
            for value, label in Status.choices
        ]
        pages = EventPage.objects.filter(translation_key=event.translation_key).select_related("locale")
        context.update(
            {
                "event": event,
                "attended": attended(event),
                "page_obj": page_obj,
                "registrations": page_obj.object_list,
                "query": query,
                "status": status,
                "status_links": status_links,
                "extra_query": urlencode({**base, **({"status": status} if status else {})}),
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
                "now": timezone.now(),
            }
        )
        return context


def registrations_csv_view(request, event_id):
    require_perm(request.user, MANAGE)
    return registrations_csv(get_object_or_404(Event, pk=event_id))


class CancelEventView(StaffView):
    """Cancelling is final and emails everyone: a confirmation step first (GET), then POST."""

    template_name = "events/admin/cancel_event.html"
    page_title = gettext_lazy("Cancel this event")
    header_icon = "warning"

    def dispatch(self, request, event_id, *args, **kwargs):
        self.event = get_object_or_404(events_with_counts(), pk=event_id)
        return super().dispatch(request, event_id, *args, **kwargs)

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("events_registration_report"), "label": _("Event registrations")},
            {"url": event_screen_url(self.event), "label": self.event.title},
            {"url": "", "label": _("Cancel this event")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "event": self.event,
                "to_tell": self.event.confirmed_count + self.event.waitlisted_count,
                "back_url": event_screen_url(self.event),
            }
        )
        return context

    def post(self, request, event_id):
        from .registration import cancel_event

        if self.event.cancelled_at is not None:
            messages.warning(request, _("This event was already cancelled."))
        else:
            cancel_event(self.event, by_user=request.user)
            text = ngettext(
                "The event is cancelled. %(count)s person is being told by email.",
                "The event is cancelled. %(count)s people are being told by email.",
                self.event.confirmed_count + self.event.waitlisted_count,
            )
            messages.success(
                request, text % {"count": self.event.confirmed_count + self.event.waitlisted_count}
            )
        return redirect(event_screen_url(self.event))


def registrations_for_page(request, page_id):
    """From an event page in the editor to its event's screen (the Event is made if it is missing)."""
    from .sync import event_for

    require_perm(request.user, MANAGE)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    page = get_object_or_404(EventPage, pk=page_id)
    event = Event.objects.filter(translation_key=page.translation_key).first()
    if event is None and not page.live:
        messages.info(request, _("This event has not been published yet, so nobody can register."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return redirect(event_screen_url(event or event_for(page)))
