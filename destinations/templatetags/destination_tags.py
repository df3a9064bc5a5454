"""Template helpers of the destinations room: level badges, Beijing time, dialable and readable numbers,
alert places."""

import re

from django import template
from django.utils import timezone

from home.times import beijing_iso, beijing_time, beijing_time_in_list, beijing_time_note
from home.validators import format_phone_for_display
from home.visibility import public

from ..levels import RiskLevel, level_style
from ..models import DestinationPage

register = template.Library()

_NOT_DIALLED = re.compile(r"[^\d+]")


@register.inclusion_tag("destinations/includes/level_badge.html")
def level_badge(level, size=""):
    """A risk level as colour, icon and words: the words are what a screen reader says."""
    level = RiskLevel(int(level))
    return {"label": level.label, "style": level_style(level), "level": int(level), "size": size}


@register.filter
def level_label(level):
    return RiskLevel(int(level)).label


register.filter("beijing_time", beijing_time)
register.filter("beijing_time_in_list", beijing_time_in_list)
register.simple_tag(beijing_time_note, name="beijing_time_note")
register.filter("beijing_iso", beijing_iso)


@register.filter
def tel_href(number):
    """A number as a tel: link dials it: digits and a leading plus only (E.164 or a local short number)."""
    digits = _NOT_DIALLED.sub("", str(number or ""))
    return f"tel:{digits}" if digits else ""


# A number as read: grouped the way its country writes it ("+66 2 555 0199"); the tel: link is unchanged.
register.filter("phone_display", format_phone_for_display)


@register.simple_tag
def alert_places(alert):
    """The alert's destinations, each with its live page in the alert's language when there is one.

    Two queries: the destinations (from the page, so previews work) and their live pages.
    """
    places = sorted(alert.destinations.all(), key=lambda place: str(place.country.name))
    pages = public(
        DestinationPage.objects.live().filter(
            locale_id=alert.locale_id, destination_id__in=[place.pk for place in places]
        ),
        None,
    ).only("id", "url_path", "path", "depth", "destination_id")
    by_destination = {page.destination_id: page for page in pages}
    return [{"destination": place, "page": by_destination.get(place.pk)} for place in places]


@register.filter
def alert_state(alert):
    """ "upcoming", "active" or "ended" now, by the alert's times."""
    now = timezone.now()
    if alert.valid_until is not None and alert.valid_until <= now:
        return "ended"
    if alert.valid_from > now:
        return "upcoming"
    return "active"
