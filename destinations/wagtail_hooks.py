"""Admin registrations and hooks of the destinations room."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from accounts.sections import CONTENT_PAGE_LINKS, HOME_PAGE_SECTIONS
from home.demo import SEED_DEMO_CONTENT

from . import admin_views, finder
from .content_links import content_page_links
from .demo import seed_destinations
from .models import SafetyAlertPage
from .sections import home_page_sections
from .viewsets import DestinationsDueForReviewPanel, DestinationsMenu

register_snippet(DestinationsMenu)
hooks.register(HOME_PAGE_SECTIONS, finder.home_page_section)  # "Where are you going?", first
hooks.register("before_serve_page", finder.straight_to_the_only_match)
hooks.register(HOME_PAGE_SECTIONS, home_page_sections)
hooks.register(CONTENT_PAGE_LINKS, content_page_links)  # a case's destination (content_links.py)
hooks.register(SEED_DEMO_CONTENT, seed_destinations)


@hooks.register("construct_homepage_panels")
def destinations_due_for_review(request, panels):
    if request.user.has_perm("destinations.view_destination"):
        panels.append(DestinationsDueForReviewPanel())


@hooks.register("register_admin_urls")
def alert_email_admin_urls():
    return [
        path(
            "destinations/alerts/<int:page_id>/email/",
            admin_views.AlertEmailPreviewView.as_view(),
            name="destinations_alert_email_preview",
        ),
    ]


def alert_email_button(page, user, priority):
    if isinstance(page.specific_deferred, SafetyAlertPage) and page.permissions_for_user(user).can_edit():
        url = reverse("destinations_alert_email_preview", args=[page.pk])
        return Button(_("Preview alert email"), url, icon_name="mail", priority=priority)
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
