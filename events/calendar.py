"""iCalendar files: one registrant's calendar entry and the building blocks of the public feed.

Every event has one stable UID (from its translation key, so both languages and every update
describe the same entry) and the Event's SEQUENCE, raised whenever its time or place changes, so
calendar apps replace the entry instead of adding a second one. Times carry TZID=Asia/Shanghai with
the matching VTIMEZONE, so a phone set to another time zone still shows the right moment.
"""

import datetime
import functools
import zoneinfo
from email.utils import parseaddr
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .details import event_details
from .models.records import Registration

SITE_TIME_ZONE = "Asia/Shanghai"
PRODID = "-//Consular Protection for All//Events//ZH"
# The VTIMEZONE only describes the offsets in use from this date on (China has had no DST since 1991).
VTIMEZONE_FROM = datetime.date(2000, 1, 1)
VTIMEZONE_UNTIL = datetime.date(2100, 1, 1)
WAITLISTED = Registration.Status.WAITLISTED


def site_zone():
    return zoneinfo.ZoneInfo(SITE_TIME_ZONE)


@functools.cache
def site_vtimezone():
    """The VTIMEZONE of Asia/Shanghai (computed once: about 10 ms)."""
    return icalendar.Timezone.from_tzid(SITE_TIME_ZONE, first_date=VTIMEZONE_FROM, last_date=VTIMEZONE_UNTIL)


def portal_host():
    return urlsplit(settings.PORTAL_BASE_URL).hostname or "localhost"


def event_uid(event_or_key):
    """The UID of an event in every calendar file: the same for both languages and every update."""
    key = getattr(event_or_key, "translation_key", event_or_key)
    return f"event-{key}@{portal_host()}"


def build_vevent(
    *, uid, sequence, summary, description, starts_at, ends_at, location, url="", status="CONFIRMED"
):
    """One VEVENT, its times in Asia/Shanghai with a TZID."""
    zone = site_zone()
    vevent = icalendar.Event()
    vevent.add("uid", uid)
    vevent.add("sequence", int(sequence))
    vevent.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    vevent.add("dtstart", starts_at.astimezone(zone))
    vevent.add("dtend", ends_at.astimezone(zone))
    vevent.add("summary", str(summary))
    if description:
        vevent.add("description", str(description))
    if location:
        vevent.add("location", str(location))
    if url:
        vevent.add("url", str(url))
    vevent.add("status", status)
    return vevent


def calendar_bytes(vevents, method="PUBLISH", name=""):
    """A VCALENDAR of the events with PRODID, VERSION, METHOD and the Asia/Shanghai VTIMEZONE."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", str(name))
        calendar.add("x-wr-timezone", SITE_TIME_ZONE)
    calendar.add_component(site_vtimezone())
    for vevent in vevents:
        calendar.add_component(vevent)
    return calendar.to_ical()


def public_vevent(page, event, url):
    """An event page as anyone may add it to a calendar (the feed, "add to calendar"): the UID and
    SEQUENCE of the registrants' files, so someone who also registers keeps one entry; the page's
    words in its language; no attendee, no organiser, no joining link (that is for registered people)."""
    return build_vevent(
        uid=event_uid(page.translation_key),
        sequence=event.sequence if event else 0,
        summary=page.title,
        description="\n\n".join(part for part in (page.summary, url) if part),
        starts_at=page.starts_at,
        ends_at=page.ends_at,
        location=", ".join(part for part in (page.venue, page.address) if part),
        url=url,
        status="CANCELLED" if event and event.cancelled_at else "CONFIRMED",
    )


def organizer():
    """The portal as the organiser (iTIP wants one for REQUEST and CANCEL)."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    value = icalendar.vCalAddress(f"mailto:{address or 'noreply@' + portal_host()}")
    value.params["cn"] = icalendar.vText(name or str(settings.PORTAL_NAME))
    return value


def attendee(registration, tentative=False):
    value = icalendar.vCalAddress(f"mailto:{registration.email}")
    value.params["cn"] = icalendar.vText(registration.name)
    value.params["role"] = icalendar.vText("REQ-PARTICIPANT")
    value.params["partstat"] = icalendar.vText("TENTATIVE" if tentative else "ACCEPTED")
    value.params["rsvp"] = icalendar.vText("FALSE")
    return value


def registration_ics(registration, method="REQUEST", details=None):
    """The calendar file of one registration, in the registrant's language.

    METHOD:CANCEL (or a cancelled event) marks the entry cancelled so calendar apps remove it; a place
    on the waitlist is TENTATIVE, named so, without the joining link, and the promotion's file (the
    same UID) confirms it. The online joining link is in it: only people with a place receive it.
    `details`: the event's `details.EventDetails` in that language, when already at hand.
    """
    event = registration.event
    language = registration.language
    details = details or event_details(event, language)
    cancelled = method == "CANCEL" or event.cancelled_at is not None
    waitlisted = registration.status == WAITLISTED and not cancelled
    with translation.override(language):
        # A waitlisted person is not sent the joining link: that is for people with a place.
        online_url = "" if waitlisted else details.online_url
        description = "\n\n".join(part for part in (details.summary, online_url, details.page_url) if part)
        summary = _("On the waitlist: %(title)s") % {"title": details.title} if waitlisted else details.title
    vevent = build_vevent(
        uid=event_uid(event),
        sequence=event.sequence,
        summary=summary,
        description=description,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        location=details.location,
        url=details.page_url,
        status="CANCELLED" if cancelled else "TENTATIVE" if waitlisted else "CONFIRMED",
    )
    if method != "PUBLISH":  # iTIP: a REQUEST or CANCEL names its organiser and attendee
        vevent.add("organizer", organizer())
        vevent.add("attendee", attendee(registration, tentative=waitlisted))
    return calendar_bytes([vevent], method=method)
