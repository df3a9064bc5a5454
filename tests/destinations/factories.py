"""Builders for the destinations room in tests: facts, pages in both languages, alerts, subscriptions."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from destinations.levels import Region, RiskLevel
from destinations.models import (
    AlertIndexPage,
    AlertSubscription,
    ConsularContact,
    Destination,
    DestinationIndexPage,
    DestinationPage,
    SafetyAlertPage,
    VisaRequirement,
)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def destination(code="FR", region=Region.EUROPE, level=RiskLevel.PAY_ATTENTION, contacts=1, **fields):
    defaults = {
        "police_number": "17",
        "ambulance_number": "15",
        "fire_number": "18",
        "visa_requirement": VisaRequirement.VISA_REQUIRED,
        "passport_validity_months": 3,
        "entry_rules_checked_on": datetime.date(2026, 11, 1),
    }
    place = Destination.objects.create(country=code, region=region, risk_level=level, **(defaults | fields))
    for number in range(contacts):
        ConsularContact.objects.create(
            destination=place,
            sort_order=number,
            kind=ConsularContact.Kind.EMBASSY if number == 0 else ConsularContact.Kind.CONSULATE_GENERAL,
            name_zh=f"中国驻{code}使馆{number}",
            name_en=f"Chinese Embassy {code} {number}",
            address=f"{number + 1} Avenue George V, Paris",
            phone=f"+3314952195{number % 10}",
            emergency_phone=f"+3314953675{number % 10}",
            email=f"consular{number}@example.org",
            hours_zh="周一至周五 9:00–12:00",
            hours_en="Mon–Fri 9:00–12:00",
            map_url="https://uri.amap.com/marker?position=2.30,48.87",
        )
    return place


def destination_index(home, slug="destinations-test", title="目的地"):
    return publish(home, DestinationIndexPage(title=title, slug=slug, intro="出行前了解目的地"))


def destination_page(index, place, title=None, **fields):
    defaults = {
        "title": title or f"{place.country.name}",
        "slug": place.country.code.lower(),
        "summary": "安全形势总体稳定，注意防范盗抢。",
        "safety_and_security": "<p>注意防范盗抢。</p>",
    }
    return publish(index, DestinationPage(destination=place, **(defaults | fields)))


def translate(page, language_code="en", publish_it=True, **fields):
    """A copy of the page in another language (its parent must be translated already), live by default."""
    locale = Locale.objects.get(language_code=language_code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    if publish_it:
        copy.save_revision().publish()
        copy.refresh_from_db()
    return copy


def alert_index(home, slug="alerts-test", title="安全提醒"):
    return publish(home, AlertIndexPage(title=title, slug=slug, intro="最新安全提醒"))


def alert(index, places, level=RiskLevel.TRAVEL_WITH_CAUTION, starts=None, ends=None, title="提醒", **fields):
    now = timezone.now()
    page = SafetyAlertPage(
        title=title,
        slug=fields.pop("slug", None) or f"alert-{SafetyAlertPage.objects.count() + 1}-{now.timestamp():.0f}",
        level=level,
        valid_from=starts or now - datetime.timedelta(hours=1),
        valid_until=ends,
        summary=fields.pop("summary", "近期当地治安形势严峻，请谨慎前往。"),
        body=fields.pop("body", [("paragraph", "<p>请密切关注当地安全形势。</p>")]),
        source=fields.pop("source", "中国驻当地使馆"),
        **fields,
    )
    page.destinations = list(places)
    return publish(index, page)


def subscription(email="traveller@example.org", language="zh-hans", places=(), confirmed=True, **fields):
    sub = AlertSubscription.objects.create(
        email=email,
        language=language,
        all_destinations=not places,
        confirmed_at=timezone.now() if confirmed else None,
        **fields,
    )
    sub.destinations.set(places)
    return sub
