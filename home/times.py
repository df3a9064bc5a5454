"""Times as readers see them: in Beijing time, with the zone said, whatever the server's clock.

The site's time zone is named outright, so a server in UTC (or a changed TIME_ZONE) never moves a date
shown to readers, and every room says "Beijing time, UTC+8" in the same words.
"""

from zoneinfo import ZoneInfo

from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

BEIJING = ZoneInfo("Asia/Shanghai")


def in_beijing(value):
    return value.astimezone(BEIJING) if value else None


def beijing_iso(value):
    """The machine-readable form for a <time datetime> attribute, with the +08:00 offset."""
    return in_beijing(value).isoformat(timespec="minutes") if value else ""


def with_zone(when):
    """`when` (already in Beijing time) followed by the zone: "… (Beijing time, UTC+8)"."""
    return _("%(when)s (Beijing time, UTC+8)") % {"when": when}


def beijing_time(value, date_format=None, zone=True):
    """A moment in Beijing time with the zone said: "30 November 2026, 14:00 (Beijing time, UTC+8)"; a
    room may pass its own (translated) `date_format`. In a list of times, `zone=False` leaves the zone
    to one `beijing_time_note()` for the whole list."""
    if not value:
        return ""
    date_format = date_format or pgettext("date and time format", "j F Y, H:i")
    when = dateformat.format(in_beijing(value), date_format)
    return with_zone(when) if zone else when


def beijing_time_in_list(value):
    return beijing_time(value, zone=False)


def beijing_time_note():
    """What a list of times says once instead of after every time."""
    return _("All times are Beijing time (UTC+8).")
