"""The home page's section of safety alerts in force, added through the ``home_page_sections`` hook.

No query once the site's alert list is cached (see alerts.py); an alert that ends leaves by itself.
"""

from django.utils.translation import gettext as _

from accounts.sections import HomeOrder, Section

from .alerts import active_alerts
from .models import SafetyAlertPage

HOME_ALERTS_COUNT = 5
HOME_ALERTS_ORDER = HomeOrder.SAFETY_ALERTS


def home_page_sections(request):
    """The alerts in force in the reader's language, the most serious first; nothing when there are none."""
    alerts = active_alerts(SafetyAlertPage.unended_entries(request))
    if not alerts:
        return None
    # An alert sits directly in its index: the index's URL is the alert's without the slug.
    url = alerts[0].url
    return Section(
        order=HOME_ALERTS_ORDER,
        title=_("Safety alerts in force"),
        template_name="destinations/includes/home_alerts.html",
        context={
            "alerts": alerts[:HOME_ALERTS_COUNT],
            "more_count": max(len(alerts) - HOME_ALERTS_COUNT, 0),
            "alert_index_url": url[: url.rstrip("/").rfind("/") + 1],
        },
    )
