"""Admin registrations and hooks of the events room."""

# Demo events for `manage.py seed_demo` (events/demo.py).
from wagtail import hooks

from home.demo import SEED_DEMO_CONTENT

from .demo import seed_events

hooks.register(SEED_DEMO_CONTENT, seed_events)


# The home page's section of upcoming events (events/sections.py).
from accounts.sections import HOME_PAGE_SECTIONS  # noqa: E402

from .sections import home_page_sections  # noqa: E402

hooks.register(HOME_PAGE_SECTIONS, home_page_sections)


# "My events" in the signed-in area.
from accounts.sections import MY_PORTAL_SECTIONS as _MY_PORTAL_SECTIONS  # noqa: E402

from .my_events import my_portal_sections as _my_events_section  # noqa: E402

hooks.register(_MY_PORTAL_SECTIONS, _my_events_section)


# Staff screens about registrations (events/admin_views.py): a report of every event, per event the
# registrations, CSV, a message to everyone confirmed, invitations and cancelling the event; they sit
# in the events room's own admin menu (EventsViewSetGroup).
from django.urls import path as _path  # noqa: E402
from django.urls import reverse as _reverse  # noqa: E402
from django.utils.translation import gettext_lazy as _lazy  # noqa: E402
from wagtail.admin.viewsets.base import ViewSet as _ViewSet  # noqa: E402
from wagtail.admin.viewsets.base import ViewSetGroup as _ViewSetGroup  # noqa: E402
from wagtail.admin.widgets import Button as _Button  # noqa: E402

from home.staff import PermissionMenuItem  # noqa: E402

from . import admin_views as _admin_views  # noqa: E402
from .models import EventPage as _EventPage  # noqa: E402


@hooks.register("register_admin_urls")
def registration_admin_urls():
    report = _admin_views.EventReportView
    registrations = _admin_views.EventRegistrationsView
    return [
        _path("events/registrations/", report.as_view(), name="events_registration_report"),
        _path(
            "events/registrations/results/",
            report.as_view(results_only=True),
            name="events_registration_report_results",
        ),
        _path("events/registrations/<int:event_id>/", registrations.as_view(), name="events_registrations"),
        _path(
            "events/registrations/<int:event_id>/results/",
            registrations.as_view(results_only=True),
            name="events_registrations_results",
        ),
        _path(
            "events/registrations/<int:event_id>/registrations.csv",
            _admin_views.RegistrationsCsvView.as_view(),
            name="events_registrations_csv",
        ),
        _path(
            "events/registrations/<int:event_id>/cancel/",
            _admin_views.CancelEventView.as_view(),
            name="events_cancel_event",
        ),
        _path(
            "events/registrations/page/<int:page_id>/",
            _admin_views.registrations_for_page,
            name="events_registrations_for_page",
        ),
    ]


class RegistrationsViewSet(_ViewSet):
    """The menu entry of the registration screens (their URLs are registered above)."""

    name = "event_registrations"
    icon = "calendar"
    menu_label = _lazy("Event registrations")

    @property
    def menu_url(self):
        return _reverse("events_registration_report")

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.name,
            icon_name=self.icon,
            order=self.get_menu_item_order(order),
            permission=_admin_views.MANAGE,
        )


class EventsViewSetGroup(_ViewSetGroup):
    menu_label = _lazy("Events")
    menu_icon = "date"
    items = (RegistrationsViewSet,)


@hooks.register("register_admin_viewset")
def register_events_viewsets():
    return EventsViewSetGroup()


def _registrations_button(page, user, priority):
    if page.live and isinstance(page.specific_deferred, _EventPage) and user.has_perm(_admin_views.MANAGE):
        url = _reverse("events_registrations_for_page", args=[page.pk])
        return _Button(_lazy("Registrations"), url, icon_name="group", priority=priority)
    return None


@hooks.register("register_page_header_buttons")
def registrations_header_button(page, user, view_name=None, next_url=None):
    button = _registrations_button(page, user, priority=55)
    if button:
        yield button


@hooks.register("register_page_listing_more_buttons")
def registrations_listing_button(page, user, next_url=None):
    button = _registrations_button(page, user, priority=45)
    if button:
        yield button
