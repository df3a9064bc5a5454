"""Factories for the destinations room in tests: a place's facts and contacts, destination and alert pages,
subscriptions.

``DestinationFactory(country="FR")`` is the shared facts of a place with one embassy (``contacts=0``
for none, more for consulates too); ``DestinationPageFactory(parent=index, destination=place)`` its
published page; ``SafetyAlertPageFactory(parent=alerts, destinations=[place])`` a live alert, valid
from an hour ago. ``translate(page)`` (from tests.factories) makes a page's English copy.
"""

import datetime

import factory
from django.utils import timezone

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
from tests.factories import PublishedPageFactory, translate

__all__ = [
    "AlertIndexPageFactory",
    "AlertSubscriptionFactory",
    "ConsularContactFactory",
    "DestinationFactory",
    "DestinationIndexPageFactory",
    "DestinationPageFactory",
    "SafetyAlertPageFactory",
    "translate",
]


class ConsularContactFactory(factory.django.DjangoModelFactory):
    """The embassy (``sort_order`` 0) or a consulate general of ``destination``."""

    class Meta:
        model = ConsularContact

    sort_order = 0
    kind = factory.LazyAttribute(
        lambda contact: (
            ConsularContact.Kind.EMBASSY
            if contact.sort_order == 0
            else ConsularContact.Kind.CONSULATE_GENERAL
        )
    )
    name_zh = factory.LazyAttribute(lambda c: f"中国驻{c.destination.country.code}使馆{c.sort_order}")
    name_en = factory.LazyAttribute(lambda c: f"Chinese Embassy {c.destination.country.code} {c.sort_order}")
    address = factory.LazyAttribute(lambda c: f"{c.sort_order + 1} Avenue George V, Paris")
    phone = factory.LazyAttribute(lambda c: f"+3314952195{c.sort_order % 10}")
    emergency_phone = factory.LazyAttribute(lambda c: f"+3314953675{c.sort_order % 10}")
    email = factory.LazyAttribute(lambda c: f"consular{c.sort_order}@example.org")
    hours_zh = "周一至周五 9:00–12:00"
    hours_en = "Mon–Fri 9:00–12:00"
    map_url = "https://uri.amap.com/marker?position=2.30,48.87"


class DestinationFactory(factory.django.DjangoModelFactory):
    """A place's facts (France unless ``country`` says otherwise) with ``contacts`` consular contacts."""

    class Meta:
        model = Destination
        skip_postgeneration_save = True

    country = "FR"
    region = Region.EUROPE
    risk_level = RiskLevel.PAY_ATTENTION
    police_number = "17"
    ambulance_number = "15"
    fire_number = "18"
    visa_requirement = VisaRequirement.VISA_REQUIRED
    passport_validity_months = 3
    entry_rules_checked_on = datetime.date(2026, 11, 1)

    @factory.post_generation
    def contacts(self, create, how_many, **kwargs):
        if not create:
            return
        for number in range(1 if how_many is None else how_many):
            ConsularContactFactory(destination=self, sort_order=number)


class DestinationIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = DestinationIndexPage

    title = "目的地"
    slug = "destinations-test"
    intro = "出行前了解目的地"


class DestinationPageFactory(PublishedPageFactory):
    """The published page of ``destination``, titled and slugged after its country."""

    class Meta:
        model = DestinationPage

    destination = factory.SubFactory(DestinationFactory)
    title = factory.LazyAttribute(lambda page: f"{page.destination.country.name}")
    slug = factory.LazyAttribute(lambda page: page.destination.country.code.lower())
    summary = "安全形势总体稳定，注意防范盗抢。"
    safety_and_security = "<p>注意防范盗抢。</p>"


class AlertIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = AlertIndexPage

    title = "安全提醒"
    slug = "alerts-test"
    intro = "最新安全提醒"


class SafetyAlertPageFactory(PublishedPageFactory):
    """A live alert for ``destinations``, valid from an hour ago with no end unless ``valid_until``."""

    class Meta:
        model = SafetyAlertPage

    title = "提醒"
    slug = factory.Sequence(lambda n: f"alert-{n + 1}")
    level = RiskLevel.TRAVEL_WITH_CAUTION
    destinations = ()
    valid_from = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    valid_until = None
    summary = "近期当地治安形势严峻，请谨慎前往。"
    body = factory.LazyFunction(lambda: [("paragraph", "<p>请密切关注当地安全形势。</p>")])
    source = "中国驻当地使馆"


class AlertSubscriptionFactory(factory.django.DjangoModelFactory):
    """A confirmed subscription (``confirmed=False`` for one waiting for its link) to ``destinations``,
    or to every destination when none are given."""

    class Meta:
        model = AlertSubscription

    class Params:
        confirmed = True

    email = factory.Sequence(lambda n: f"traveller{n + 1}@example.org")
    language = "zh-hans"
    destinations = ()
    all_destinations = factory.LazyAttribute(lambda sub: not sub.destinations)
    confirmed_at = factory.LazyAttribute(lambda sub: timezone.now() if sub.confirmed else None)

    @classmethod
    def _create(cls, model_class, *args, destinations=(), **kwargs):
        subscription = super()._create(model_class, *args, **kwargs)
        subscription.destinations.set(destinations)
        return subscription
