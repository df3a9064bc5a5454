"""The four reminder levels of the Chinese consular service, shown as colour, icon and words."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RiskLevel(models.IntegerChoices):
    NONE = 0, pgettext_lazy("risk level", "No current reminder")
    PAY_ATTENTION = 1, pgettext_lazy("risk level", "Pay attention to safety")
    TRAVEL_WITH_CAUTION = 2, pgettext_lazy("risk level", "Travel with caution")
    DO_NOT_TRAVEL = 3, pgettext_lazy("risk level", "Do not travel for now")


@dataclass(frozen=True)
class LevelStyle:
    """How a level looks: never colour alone, always an icon and the words too."""

    css_class: str
    icon: str  # the name of a symbol in templates/destinations/includes/level_icons.svg
    icon_label: str


LEVEL_STYLES = {
    # No reminder is not a promise of safety: a neutral grey ring, never a green tick.
    RiskLevel.NONE: LevelStyle("risk-level-0", "circle-empty", _("empty circle")),
    RiskLevel.PAY_ATTENTION: LevelStyle("risk-level-1", "circle-info", _("information sign")),
    RiskLevel.TRAVEL_WITH_CAUTION: LevelStyle("risk-level-2", "triangle-warning", _("warning triangle")),
    RiskLevel.DO_NOT_TRAVEL: LevelStyle("risk-level-3", "octagon-stop", _("stop sign")),
}


def level_style(level):
    return LEVEL_STYLES[RiskLevel(level)]


class Region(models.TextChoices):
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    NORTH_AMERICA = "north-america", _("North America")
    LATIN_AMERICA = "latin-america", _("Latin America and the Caribbean")
    AFRICA = "africa", _("Africa")
    MIDDLE_EAST = "middle-east", _("Middle East")
    OCEANIA = "oceania", _("Oceania")
