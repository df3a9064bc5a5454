"""Admin registrations and hooks of the events room."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from accounts.sections import HOME_PAGE_SECTIONS, MY_PORTAL_SECTIONS
from home.demo import SEED_DEMO_CONTENT

from . import admin_views
from .demo import seed_events
from .models import EventPage
from .my_events import my_portal_sections as my_events_section
from .sections import home_page_sections
from .viewsets import EventsViewSetGroup, registration_admin_urls

# Demo events for `manage.py seed_demo` (events/demo.py).
hooks.register(SEED_DEMO_CONTENT, seed_events)

# The home page's section of upcoming events, and "My events" in the signed-in area.
hooks.register(HOME_PAGE_SECTIONS, home_page_sections)


# The next event on an article's or case's topics, under it (events/content_links.py).
from accounts.sections import CONTENT_PAGE_LINKS  # noqa: E402

from .content_links import content_page_links  # noqa: E402

hooks.register(CONTENT_PAGE_LINKS, content_page_links)
hooks.register(MY_PORTAL_SECTIONS, my_events_section)

# Staff screens about registrations (events/viewsets.py).
hooks.register("register_admin_urls", registration_admin_urls)


@hooks.register("register_admin_viewset")
def register_events_viewsets():
    return EventsViewSetGroup()


def _registrations_button(page, user, priority):
    if page.live and isinstance(page.specific_deferred, EventPage) and user.has_perm(admin_views.MANAGE):
        url = reverse("events_registrations_for_page", args=[page.pk])
        return Button(_("Registrations"), url, icon_name="group", priority=priority)
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
