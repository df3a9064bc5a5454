"""Admin registrations and hooks of the destinations room."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .viewsets import DestinationsDueForReviewPanel, DestinationViewSet

register_snippet(DestinationViewSet)


@hooks.register("construct_homepage_panels")
def destinations_due_for_review(request, panels):
    if request.user.has_perm("destinations.view_destination"):
        panels.append(DestinationsDueForReviewPanel())


from accounts.sections import HOME_PAGE_SECTIONS  # noqa: E402

from .sections import home_page_sections  # noqa: E402

hooks.register(HOME_PAGE_SECTIONS, home_page_sections)


# Alert emails: preview and test before sending, sendings with a stop button, subscriber counts.
from django.urls import path as _path  # noqa: E402
from django.urls import reverse as _reverse  # noqa: E402
from django.utils.translation import gettext_lazy as _lazy  # noqa: E402
from wagtail.admin.widgets import Button as _Button  # noqa: E402

from home.staff import PermissionMenuItem  # noqa: E402

from . import admin_views  # noqa: E402
from .models import SafetyAlertPage as _SafetyAlertPage  # noqa: E402


@hooks.register("register_admin_urls")
def alert_email_admin_urls():
    return [
        _path(
            "destinations/alerts/<int:page_id>/email/",
            admin_views.AlertEmailPreviewView.as_view(),
            name="destinations_alert_email_preview",
        ),
        _path("destinations/sendings/", admin_views.FanoutListView.as_view(), name="destinations_fanouts"),
        _path(
            "destinations/sendings/<int:pk>/",
            admin_views.FanoutDetailView.as_view(),
            name="destinations_fanout",
        ),
        _path(
            "destinations/sendings/<int:pk>/stop/", admin_views.stop_fanout, name="destinations_fanout_stop"
        ),
        _path(
            "destinations/sendings/<int:pk>/resume/",
            admin_views.resume_fanout,
            name="destinations_fanout_resume",
        ),
        _path(
            "reports/alert-subscribers/",
            admin_views.SubscriberReportView.as_view(),
            name="destinations_subscriber_report",
        ),
    ]


def alert_email_button(page, user, priority):
    if isinstance(page.specific_deferred, _SafetyAlertPage) and page.permissions_for_user(user).can_edit():
        url = _reverse("destinations_alert_email_preview", args=[page.pk])
        return _Button(_lazy("Preview alert email"), url, icon_name="mail", priority=priority)
    return None


@hooks.register("register_page_header_buttons")
def alert_email_header_button(page, user, view_name=None, next_url=None):
    button = alert_email_button(page, user, priority=55)
    if button:
        yield button


@hooks.register("register_page_listing_more_buttons")
def alert_email_listing_button(page, user, next_url=None):
    button = alert_email_button(page, user, priority=45)
    if button:
        yield button


@hooks.register("register_reports_menu_item")
def alert_subscribers_menu_item():
    return PermissionMenuItem(
        _lazy("Alert subscribers"),
        _reverse("destinations_subscriber_report"),
        icon_name="group",
        order=710,
        permission=admin_views.VIEW_SUBSCRIBERS,
    )


@hooks.register("register_reports_menu_item")
def alert_sendings_menu_item():
    return PermissionMenuItem(
        _lazy("Alert sendings"),
        _reverse("destinations_fanouts"),
        icon_name="mail",
        order=711,
        permission=admin_views.VIEW_FANOUTS,
    )


# Demo destinations, pages and alerts for `manage.py seed_demo` (destinations/demo.py).
from home.demo import SEED_DEMO_CONTENT  # noqa: E402

from .demo import seed_destinations  # noqa: E402

hooks.register(SEED_DEMO_CONTENT, seed_destinations)
