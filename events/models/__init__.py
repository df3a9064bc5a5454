"""The events room's models: the pages (one per language) and the records behind them."""

# Named by migration 0001 as events.models.validate_map_url.
from home.validators import validate_map_url

from .pages import EventIndexPage, EventPage, SpeakerBlock
from .records import Event, EventType, Invitation, Registration, WalkIn, new_check_in_code

__all__ = [
    "Event",
    "EventIndexPage",
    "EventPage",
    "EventType",
    "Invitation",
    "Registration",
    "SpeakerBlock",
    "WalkIn",
    "new_check_in_code",
    "validate_map_url",
]
