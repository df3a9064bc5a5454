"""Hooks of the dashboard part (see wagtail_hooks.py): the "My organisation" section of My portal."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from accounts.sections import MY_PORTAL_SECTIONS, Section

from .dashboard import my_organisations

MY_ORGANISATION_ORDER = 20  # after "My learning" (10), before "My events" (30)
SECTION_COUNT = 3


def my_portal_sections(request):
    """For managers, their organisations with completion and a link to each dashboard; for members,
    what is assigned to them with due dates and status. Nothing for someone in no organisation."""
    if not request.user.is_authenticated:
        return None
    entries = my_organisations(request.user, summary_limit=SECTION_COUNT)
    if not entries:
        return None
    return Section(
        order=MY_ORGANISATION_ORDER,
        title=_("My organisation"),
        template_name="organizations/dashboard/my_organisations_section.html",
        context={
            "entries": entries[:SECTION_COUNT],
            "my_organisations_url": reverse("organizations:my_organisations"),
        },
    )


hooks.register(MY_PORTAL_SECTIONS, my_portal_sections)
