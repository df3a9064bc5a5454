"""The office cancels: a whole event, or one person's registration with a reason (permission
`events.manage_registrations`). Both are final and email people, so each asks first (GET) and acts on
POST; the domain work is events.registration's `cancel_event` and `cancel_for_person`."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.staff import require_perm

from .admin_forms import CancelRegistrationForm
from .admin_views import MANAGE, event_screen_url
from .models import Registration
from .registration import cancel_event, cancel_for_person
from .staff_lists import decorate_registration, events_with_counts

Status = Registration.Status


class CancelEventView(WagtailAdminTemplateMixin, TemplateView):
    """Cancelling is final and emails everyone: a confirmation step first (GET), then POST."""

    permission = MANAGE
    template_name = "events/admin/cancel_event.html"
    page_title = gettext_lazy("Cancel this event")
    header_icon = "warning"

    def dispatch(self, request, event_id, *args, **kwargs):
        require_perm(request.user, self.permission)
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

    def to_tell(self):
        return self.event.confirmed_count + self.event.waitlisted_count

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {"event": self.event, "to_tell": self.to_tell(), "back_url": event_screen_url(self.event)}
        )
        return context

    def post(self, request, event_id):
        if self.event.cancelled_at is not None:
            messages.warning(request, _("This event was already cancelled."))
        else:
            cancel_event(self.event, by_user=request.user)
            text = ngettext(
                "The event is cancelled. %(count)s person is being told by email.",
                "The event is cancelled. %(count)s people are being told by email.",
                self.to_tell(),
            )
            messages.success(request, text % {"count": self.to_tell()})
        return redirect(event_screen_url(self.event))


class CancelRegistrationView(WagtailAdminTemplateMixin, TemplateView):
    """Staff cancel one person's registration, with a reason: GET asks (with what happens), POST
    cancels. The person is emailed the reason in their language; the place goes to the next person
    waiting. A registration of another event than the URL's is not found (404)."""

    permission = MANAGE
    template_name = "events/admin/cancel_registration.html"
    page_title = gettext_lazy("Cancel a registration")
    header_icon = "warning"

    def dispatch(self, request, event_id, registration_id, *args, **kwargs):
        require_perm(request.user, self.permission)
        self.registration = get_object_or_404(
            Registration.objects.select_related("event", "cancelled_by"),
            pk=registration_id,
            event_id=event_id,
        )
        self.event = self.registration.event
        return super().dispatch(request, event_id, registration_id, *args, **kwargs)

    def get_page_subtitle(self):
        return self.registration.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("events_registration_report"), "label": _("Event registrations")},
            {"url": event_screen_url(self.event), "label": self.event.title},
            {"url": "", "label": _("Cancel a registration")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = decorate_registration(self.registration)
        context.update(
            {
                "event": self.event,
                "registration": registration,
                "is_cancelled": registration.status == Status.CANCELLED,
                "frees_a_place": registration.status == Status.CONFIRMED,
                "form": kwargs.get("form") or CancelRegistrationForm(),
                "back_url": event_screen_url(self.event),
            }
        )
        return context

    def post(self, request, event_id, registration_id):
        registration = self.registration
        if registration.status == Status.CANCELLED:
            messages.warning(request, self.already_cancelled_text())
            return redirect(event_screen_url(self.event))
        form = CancelRegistrationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        result = cancel_for_person(registration, request.user, form.cleaned_data["reason"])
        if not result.cancelled:  # someone else cancelled it a moment ago
            registration.refresh_from_db()
            messages.warning(request, self.already_cancelled_text())
            return redirect(event_screen_url(self.event))
        text = _("%(name)s’s registration is cancelled; they are being told by email, with your reason.") % {
            "name": registration.name
        }
        if result.promoted is not None:
            text += " " + _("%(name)s gets the place from the waitlist and is being told too.") % {
                "name": result.promoted.name
            }
        messages.success(request, text)
        return redirect(event_screen_url(self.event))

    def already_cancelled_text(self):
        return _("%(name)s’s registration was already cancelled: nothing was changed.") % {
            "name": self.registration.name
        }
