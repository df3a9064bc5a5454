"""The events room's staff screens about registrations (events/admin_views.py): a report of every event,
per event the registrations, CSV, a message to everyone confirmed, invitations and cancelling the event.
They sit in the room's own admin menu (EventsViewSetGroup)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup

from home.staff import PermissionViewSet

from . import admin_views, cancel_views


def registration_admin_urls():
    report = admin_views.EventReportView
    registrations = admin_views.EventRegistrationsView
    return [
        path("events/registrations/", report.as_view(), name="events_registration_report"),
        path(
            "events/registrations/results/",
            report.as_view(results_only=True),
            name="events_registration_report_results",
        ),
        path("events/registrations/<int:event_id>/", registrations.as_view(), name="events_registrations"),
        path(
            "events/registrations/<int:event_id>/results/",
            registrations.as_view(results_only=True),
            name="events_registrations_results",
        ),
        path(
            "events/registrations/<int:event_id>/registrations.csv",
            admin_views.RegistrationsCsvView.as_view(),
            name="events_registrations_csv",
        ),
        path(
            "events/registrations/<int:event_id>/cancel/",
            cancel_views.CancelEventView.as_view(),
            name="events_cancel_event",
        ),
        path(
            "events/registrations/<int:event_id>/<int:registration_id>/cancel/",
            cancel_views.CancelRegistrationView.as_view(),
            name="events_cancel_registration",
        ),
        path(
            "events/registrations/page/<int:page_id>/",
            admin_views.registrations_for_page,
            name="events_registrations_for_page",
        ),
    ]


class RegistrationsViewSet(PermissionViewSet):
    """The menu entry of the registration screens (their URLs keep the names above, which links use)."""

    name = "event_registrations"
    icon = "calendar"
    menu_label = _("Event registrations")
    permission = admin_views.MANAGE

    @property
    def menu_url(self):
        return reverse("events_registration_report")


class EventsViewSetGroup(ViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    items = (RegistrationsViewSet,)
