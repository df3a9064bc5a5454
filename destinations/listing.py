"""What the destination index, a destination page and the alerts index show, prepared in few queries.

Facts (level, numbers, contacts, entry rules, change notes) are read from the shared Destination and
kept per site version, which saving a destination, a contact, a change note or a card bumps
(home/page_cache.py), so every language shows the same facts at the same moment. Alerts in force come
from the cached list in alerts.py, filtered by the current time at each request.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.listing import filter_links, page_number
from home.models import CaseStudyPage
from home.site_cache import cached_for_request
from home.visibility import public

from .alerts import active_alert_counts, active_alerts, active_alerts_for
from .cards import stored_card
from .levels import Region, RiskLevel, level_style
from .models.facts import ChangeNote, ConsularContact, Destination
from .models.pages import DestinationPage, SafetyAlertPage
from .names import (
    destination_match_texts,
    latin_key,
    matches,
    names_in_every_language,
    normalise_query,
    pinyin_keys,
)

HISTORY_LENGTH = 20
CASES_LENGTH = 3
ARCHIVE_PAGE_SIZE = 20
QUERY_MAX_LENGTH = 50
OTHER_LETTER = "#"
CONTENTS_MIN_SECTIONS = 5  # a page with fewer is short enough to read without a contents list


def _letter(key):
    first = key[0][:1].upper()
    return first if "A" <= first <= "Z" else OTHER_LETTER


@dataclass
class DestinationEntry:
    page: DestinationPage
    destination: Destination
    name: str
    sort_key: tuple
    filter_text: str
    alert_count: int = 0

    @property
    def level(self):
        return self.destination.risk_level

    @property
    def letter(self):
        return _letter(self.sort_key)


def _param(request, name, limit=20):
    return request.GET.get(name, "").strip()[:limit]


def destination_index_context(index, request):
    """Destinations with a live page under this index, A–Z or by region, filtered by level and text.

    One query for the pages and their facts; alert counts come from the cached alert list.
    """
    params = {
        "level": _param(request, "level"),
        "group": _param(request, "group"),
        "q": _param(request, "q", QUERY_MAX_LENGTH),
    }
    notices = []
    pages = public(DestinationPage.objects.live().child_of(index), request).select_related("destination")
    pages = list(pages.only("id", "title", "url_path", "path", "depth", "destination"))

    named = named_pages(pages)
    reading_chinese = (translation.get_language() or "zh-hans").startswith("zh")
    counts = active_alert_counts(SafetyAlertPage.unended_entries(request))
    entries = [
        DestinationEntry(
            page=page,
            destination=page.destination,
            name=zh_name if reading_chinese else en_name,
            sort_key=(pinyin, zh_name) if reading_chinese else (latin_key(en_name), en_name),
            filter_text=text,
            alert_count=counts.get(page.destination.country.code, 0),
        )
        for page, zh_name, en_name, pinyin, text in named
    ]
    entries.sort(key=lambda entry: entry.sort_key)
    total = len(entries)

    level = int(params["level"]) if params["level"] in {str(value) for value in RiskLevel.values} else None
    if params["level"] and level is None:
        notices.append(_("That risk level does not exist: showing every level."))
        params["level"] = ""
    if level is not None:
        entries = [entry for entry in entries if entry.level == level]

    query = normalise_query(params["q"])
    if query:
        entries = [entry for entry in entries if matches(query, entry.filter_text)]

    by_region = params["group"] == "region"
    if params["group"] and not by_region:
        params["group"] = ""
    groups = _groups_by_region(entries) if by_region else _groups_by_letter(entries)

    return {
        "destination_groups": groups,
        "grouped_by_region": by_region,
        "shown_count": len(entries),
        "total_count": total,
        "filter_query": params["q"],
        "filter_level": params["level"],
        "filter_group": params["group"],
        "filtered": bool(level is not None or query),
        "notices": notices,
        "level_links": filter_links(
            "level",
            [(str(value), label) for value, label in RiskLevel.choices],
            params["level"] or None,
            params,
        ),
        "grouping_links": _grouping_links(params, by_region),
        "count_text": shown_text(len(entries)),
        "count_templates": {
            "one": ngettext("%(count)s destination shown", "%(count)s destinations shown", 1),
            "other": ngettext("%(count)s destination shown", "%(count)s destinations shown", 2),
        },
    }


def named_pages(pages):
    """(page, Chinese name, English name, pinyin, match text) for destination pages (with their
    Destination): what a reader may type to find each one, and what orders them."""
    rows = [(*names_in_every_language(page.destination.country), page) for page in pages]
    texts = destination_match_texts(
        [(zh_name, en_name, page.destination.country.code, page.title) for zh_name, en_name, page in rows]
    )
    pinyin = pinyin_keys(sorted({zh_name for zh_name, _en_name, _page in rows}))
    return [
        (page, zh_name, en_name, pinyin[zh_name], text)
        for (zh_name, en_name, page), text in zip(rows, texts, strict=True)
    ]


def shown_text(count):
    return ngettext("%(count)s destination shown", "%(count)s destinations shown", count) % {"count": count}


def _grouping_links(params, by_region):
    base = {key: value for key, value in params.items() if key != "group" and value}
    return [
        {"label": _("A–Z"), "url": "?" + urlencode(base), "current": not by_region},
        {"label": _("By region"), "url": "?" + urlencode(base | {"group": "region"}), "current": by_region},
    ]


def _groups_by_letter(entries):
    groups = {}
    for entry in entries:
        groups.setdefault(entry.letter, []).append(entry)
    return [
        {
            "heading": letter,
            "anchor": f"letter-{letter.lower()}" if letter != OTHER_LETTER else "letter-other",
            "entries": items,
        }
        for letter, items in groups.items()
    ]


def _groups_by_region(entries):
    groups = []
    for value, label in Region.choices:
        items = [entry for entry in entries if entry.destination.region == value]
        if items:
            groups.append({"heading": label, "anchor": f"region-{value}", "entries": items})
    return groups


# A destination page


def destination_page_context(page, request):
    """The shared facts of the page's destination, alerts in force, change notes and real-life cases.

    All but the alerts (filtered by the clock at each request) is the same for every visitor until the
    next edit, so kept per site version and language; a preview shows its draft's own."""
    facts = cached_for_request(
        "destination-page-facts",
        request,
        lambda: destination_facts(page, request),
        page.pk,
        translation.get_language(),
    )
    code = facts["destination"].country.code
    return facts | {"alerts": active_alerts_for(SafetyAlertPage.unended_entries(request), code)}


def destination_facts(page, request):
    destination = Destination.objects.prefetch_related(
        Prefetch("contacts", queryset=ConsularContact.objects.order_by("sort_order", "pk"))
    ).get(pk=page.destination_id)
    notes = ChangeNote.objects.filter(destination=destination).order_by("-created_at", "-id")
    notes = list(notes[: HISTORY_LENGTH + 1])  # one more than shown: were any left out?
    code = destination.country.code
    emergency_numbers = [
        (label, number)
        for label, number in (
            (_("Police"), destination.police_number),
            (_("Ambulance"), destination.ambulance_number),
            (_("Fire"), destination.fire_number),
        )
        if number
    ]
    prose = [
        ("safety", _("Safety and security"), page.safety_and_security),
        ("local-laws", _("Local laws and customs"), page.local_laws),
        ("health", _("Health"), page.health),
        ("money", _("Money"), page.money),
    ]
    prose_sections = [
        {"anchor": anchor, "heading": heading, "text": text} for anchor, heading, text in prose if text
    ]
    cases = cases_from(code, page.locale_id, request)
    change_history = notes[:HISTORY_LENGTH]
    return {
        "destination": destination,
        "level": destination.risk_level,
        "contacts": list(destination.contacts.all()),
        "emergency_numbers": emergency_numbers,
        "visa_text": visa_text(destination),
        "passport_text": passport_text(destination),
        "prose_sections": prose_sections,
        "latest_change": notes[0] if notes else None,
        "change_history": change_history,
        "history_truncated": len(notes) > HISTORY_LENGTH,
        "cases": cases,
        "contents": page_contents(prose_sections, bool(cases), bool(change_history)),
        "emergency_card": stored_card(destination),
        "alert_feed_url": reverse("destinations:destination_alert_feed", args=[code.lower()]),
    }


def page_contents(prose_sections, has_cases, has_history):
    """The page's sections as (heading id, heading) for its "On this page" list; none on a short page.

    The ids are those of the section headings in templates/destinations/destination_page.html.
    """
    contents = [
        ("alerts-heading", _("Safety alerts")),
        ("emergency-heading", _("In an emergency")),
        ("entry-heading", _("Entry and exit")),
        *((f"{section['anchor']}-heading", section["heading"]) for section in prose_sections),
    ]
    if has_cases:
        contents.append(("cases-heading", _("Real-life cases from here")))
    if has_history:
        contents.append(("history-heading", _("What changed")))
    return contents if len(contents) >= CONTENTS_MIN_SECTIONS else []


def cases_from(code, locale_id, request):
    """The newest real-life cases from this country in the page's language (title, link, summary).

    Cached under the site version (any publish renews it): no query on most requests.
    """

    def build():
        cases = public(CaseStudyPage.objects.live().filter(locale_id=locale_id, country=code), request)
        cases = cases.only("id", "title", "url_path", "path", "depth", "summary", "first_published_at")
        return [
            {"title": case.title, "url": case.get_url(request), "summary": case.summary}
            for case in cases.order_by("-first_published_at", "-pk")[:CASES_LENGTH]
        ]

    return cached_for_request("destination-cases", request, build, locale_id, code)


def visa_text(destination):
    """The visa requirement for Chinese citizens in words, with the days allowed when visa-free."""
    label = destination.get_visa_requirement_display()
    days = destination.visa_free_days
    if destination.visa_requirement == "visa-free" and days:
        return ngettext(
            "Visa-free for stays of up to %(days)s day", "Visa-free for stays of up to %(days)s days", days
        ) % {"days": days}
    return label


def passport_text(destination):
    months = destination.passport_validity_months
    if months is None:
        return ""
    if months == 0:
        return _("Valid for the whole stay")
    return ngettext(
        "Valid for at least %(months)s month beyond the stay",
        "Valid for at least %(months)s months beyond the stay",
        months,
    ) % {"months": months}


# The alerts index


def alert_index_context(index, request):
    """Alerts in force (every destination), then the archive of ended alerts, a page at a time."""
    notices = []
    now = timezone.now()
    archive = (
        public(SafetyAlertPage.objects.past(now).child_of(index), request)
        .only("id", "title", "url_path", "path", "depth", "level", "summary", "valid_from", "valid_until")
        .prefetch_related(Prefetch("destinations", queryset=Destination.objects.only("id", "country")))
        .order_by("-valid_until", "-pk")
    )
    paginator = Paginator(archive, ARCHIVE_PAGE_SIZE)
    archive_page = paginator.page(page_number(request, paginator, notices))
    return {
        "active_alerts": active_alerts(SafetyAlertPage.unended_entries(request), at=now),
        "archive_page": archive_page,
        "archive": [
            {"page": alert, "style": level_style(alert.level), "places": list(alert.destinations.all())}
            for alert in archive_page.object_list
        ],
        "notices": notices,
        "alert_feed_url": reverse("destinations:alert_feed"),
    }
