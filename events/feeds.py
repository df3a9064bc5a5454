"""The iCalendar feed of upcoming public events, one per language (/zh-hans/events/feed.ics), to
subscribe to in a calendar app.

Each entry has the same UID and SEQUENCE as the registrant's own calendar file for that event (see
calendar.py), so a subscriber who also registered sees one entry, updated in place. A cancelled event
stays in the feed, marked cancelled, until it would have ended, so subscribed calendars drop it.
The online joining link is never in the feed: it goes only to registered people. The same for every
visitor of a language, in a fixed number of queries.
"""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.models import PortalSettings
from home.visibility import public

from .calendar import calendar_bytes, public_vevent
from .models import Event, EventPage

FEED_LENGTH = 200


def feed_pages(request, locale, now):
    """Live, public, not invitation-only event pages of the language that have not ended, soonest first."""
    pages = public(EventPage.objects.live(), request).filter(locale=locale, is_private=False, ends_at__gt=now)
    return list(pages.defer("body", "speakers", "report").order_by("starts_at", "pk")[:FEED_LENGTH])


def event_feed(request):
    now = timezone.now()
    pages = feed_pages(request, Locale.get_active(), now)
    events = Event.objects.filter(translation_key__in=[page.translation_key for page in pages])
    events = {
        event.translation_key: event for event in events.only("translation_key", "sequence", "cancelled_at")
    }
    vevents = []
    for page in pages:
        event = events.get(page.translation_key)
        url = request.build_absolute_uri(page.get_url(request) or "/")
        vevents.append(public_vevent(page, event, url))
    portal = PortalSettings.for_request(request)
    name = _("%(name)s – events") % {"name": portal.campaign_name}
    response = HttpResponse(
        calendar_bytes(vevents, method="PUBLISH", name=name), content_type="text/calendar"
    )
    response["Content-Type"] = "text/calendar; charset=utf-8"
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response
