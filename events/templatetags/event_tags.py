"""Template helpers of the events room: event times in Beijing time (with the zone said), district names
in the reader's language, map links."""

from urllib.parse import urlencode

from django import template
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from home.times import beijing_iso, beijing_time_note, in_beijing, with_zone

from ..districts import district_name

register = template.Library()


def _date(value):
    return dateformat.format(in_beijing(value), pgettext("event date format", "D j M Y"))


def _time(value):
    return dateformat.format(in_beijing(value), "H:i")


def when_text(starts_at, ends_at=None, zone=True):
    """An event's time in Beijing time with the zone said, e.g. "Tue 1 Dec 2026, 14:00–16:00 (Beijing
    time, UTC+8)"; both dates when it runs over midnight. `zone=False` leaves the zone out, for a list
    that says it once (`{% beijing_time_note %}`)."""
    if not starts_at:
        return ""
    start, end = in_beijing(starts_at), in_beijing(ends_at)
    if end is None:
        when = _("%(date)s, %(start)s") % {"date": _date(start), "start": _time(start)}
    elif start.date() == end.date():
        when = _("%(date)s, %(start)s–%(end)s") % {
            "date": _date(start),
            "start": _time(start),
            "end": _time(end),
        }
    else:
        when = _("%(start_date)s, %(start)s – %(end_date)s, %(end)s") % {
            "start_date": _date(start),
            "start": _time(start),
            "end_date": _date(end),
            "end": _time(end),
        }
    return with_zone(when) if zone else when


@register.simple_tag
def event_when(starts_at, ends_at=None, zone=True):
    return when_text(starts_at, ends_at, zone)


register.simple_tag(beijing_time_note, name="beijing_time_note")


register.filter("beijing_iso", beijing_iso)
register.filter("district_name", district_name)


@register.filter
def beijing_day(value):
    """The day of the month in Beijing, for a date badge."""
    return str(in_beijing(value).day) if value else ""


@register.filter
def beijing_month(value):
    """The month, short, in Beijing, for a date badge ("Dec", "12月")."""
    return dateformat.format(in_beijing(value), pgettext("event date badge month", "M")) if value else ""


def map_link(page):
    """The editor's Amap or Baidu Maps link; failing that, an Amap search for the address."""
    if page.map_url:
        return page.map_url
    if page.address:
        return "https://uri.amap.com/search?" + urlencode({"keyword": page.address, "src": "portal"})
    return ""


register.filter("map_link", map_link)
