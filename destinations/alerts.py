"""Which safety alerts are in force: for the home page, the alerts index and each destination page.

The live alerts of a language that have not ended are read in one query and cached under the site
version (every publish or unpublish bumps it), then filtered by the current time at each request.
So an alert leaves every page by itself when its end passes, with no editor action and no query, and
one that starts later appears by itself when its start comes.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F
from django.utils import timezone, translation
from django_countries.fields import Country
from wagtail.models import Site

from home.site_cache import cached
from home.visibility import public

from .levels import level_style
from .models import SafetyAlertPage


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


def _current_language():
    return translation.get_language() or "zh-hans"


def unended_alerts(request, language_code=None):
    """Live, public alerts of a language that have not ended, newest start first (cached).

    One query when built: destinations come in through a join (one row per alert and destination)
    rather than a second query.
    """
    language_code = language_code or _current_language()
    site = Site.find_for_request(request)

    def build():
        now = timezone.now()
        rows = (
            public(SafetyAlertPage.objects.live(), request)
            .filter(locale__language_code=language_code)
            .exclude(valid_until__lte=now)
            .annotate(country_code=F("destinations__country"))
            .only("id", "title", "url_path", "path", "depth", "level", "summary", "valid_from", "valid_until")
            .order_by("-valid_from", "-id")
        )
        entries = {}
        countries = {}
        for row in rows:
            if row.pk not in entries:
                entries[row.pk] = row
                countries[row.pk] = []
            code = getattr(row.country_code, "code", row.country_code)  # a Country, or None
            if code and code not in countries[row.pk]:
                countries[row.pk].append(code)
        return [
            AlertEntry(
                pk=page.pk,
                title=page.title,
                url=page.get_url(request) or "",
                level=page.level,
                summary=page.summary,
                valid_from=page.valid_from,
                valid_until=page.valid_until,
                countries=tuple(sorted(countries[page.pk])),
            )
            for page in entries.values()
        ]

    return cached("destinations-unended-alerts", build, site.pk if site else "-", language_code)


def active_alerts(request, language_code=None, at=None):
    """The alerts in force now in a language, the most serious first, then the newest."""
    at = at or timezone.now()
    active = [entry for entry in unended_alerts(request, language_code) if entry.is_active(at)]
    return sorted(active, key=lambda entry: (-entry.level, -entry.valid_from.timestamp(), -entry.pk))


def active_alerts_for(request, country_code, language_code=None, at=None):
    """The alerts in force now for one destination (ISO code)."""
    code = str(country_code).upper()
    return [entry for entry in active_alerts(request, language_code, at) if code in entry.countries]


def active_alert_counts(request, language_code=None, at=None):
    """How many alerts are in force for each destination, by ISO code."""
    counts = {}
    for entry in active_alerts(request, language_code, at):
        for code in entry.countries:
            counts[code] = counts.get(code, 0) + 1
    return counts
