"""Which safety alerts are in force: for the home page, the alerts index and each destination page.

The live alerts of a language that have not ended are read in one query and cached under the site
version (every publish or unpublish bumps it: `SafetyAlertPage.unended_entries`), then filtered
here by the current time at each request. So an alert leaves every page by itself when its end
passes, with no editor action and no query, and one that starts later appears by itself when its
start comes.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django_countries.fields import Country

from home.page_cache import expires_at

from .levels import level_style


@dataclass(frozen=True)
class AlertEntry:
    """What a list of alerts shows about one alert: small enough to cache, no page object."""

    pk: int
    title: str
    url: str
    level: int
    summary: str
    valid_from: datetime
    valid_until: datetime | None
    countries: tuple[str, ...]

    def is_active(self, at=None):
        at = at or timezone.now()
        return self.valid_from <= at and (self.valid_until is None or self.valid_until > at)

    @property
    def style(self):
        return level_style(self.level)

    @property
    def places(self):
        """The destinations as django-countries objects, named in the active language."""
        return [Country(code) for code in self.countries]


def active_alerts(entries, at=None):
    """The alerts in force now, the most serious first, then the newest."""
    at = at or timezone.now()
    active = [entry for entry in entries if entry.is_active(at)]
    # A cached page showing this list ends when an alert starts or ends (home/page_cache.py).
    moments = [moment for entry in entries for moment in (entry.valid_from, entry.valid_until) if moment]
    expires_at(min((moment for moment in moments if moment > at), default=None))
    return sorted(active, key=lambda entry: (-entry.level, -entry.valid_from.timestamp(), -entry.pk))


def active_alerts_for(entries, country_code, at=None):
    """The alerts in force now for one destination (ISO code)."""
    code = str(country_code).upper()
    return [entry for entry in active_alerts(entries, at) if code in entry.countries]


def active_alert_counts(entries, at=None):
    """How many alerts are in force for each destination, by ISO code."""
    counts = {}
    for entry in active_alerts(entries, at):
        for code in entry.countries:
            counts[code] = counts.get(code, 0) + 1
    return counts
