"""Changing a destination's facts: a public change note unless the change is minor, then cards and alerts."""

from django.db import transaction

from .cards import refresh_cards_later
from .fanout import start_change_fanout
from .models import ChangeNote


def facts_saved(destination, *, minor, summary_zh="", summary_en="", user=None):
    """Record what changed (unless minor) after the facts were saved; refresh cards; alert subscribers.

    Called inside the transaction that saved the facts. Cards are re-rendered for every change (a
    corrected phone number matters on paper too); subscribers hear only of non-minor changes.
    Returns the change note, or None for a minor change.
    """
    note = None
    if not minor:
        note = ChangeNote.objects.create(
            destination=destination,
            summary_zh=summary_zh.strip(),
            summary_en=summary_en.strip(),
            risk_level=destination.risk_level,
            created_by=user if user is not None and user.is_authenticated else None,
        )
        transaction.on_commit(lambda: start_change_fanout(note))
    transaction.on_commit(lambda: refresh_cards_later(destination))
    return note
