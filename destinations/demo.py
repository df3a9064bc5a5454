"""Demo destinations and safety alerts for a new site, in Chinese and English. Idempotent and offline.

Registered with the ``seed_demo_content`` hook (home/demo.py): ``seed_destinations(stdout)``. What
exists already is left as it is, so a second run changes nothing. The local emergency numbers are the
real public ones; the levels, the embassy and consulate contacts (``@example.org``, numbers with
``5550``), the alerts and the change notes are made up, and every page says so.

The facts and words are data in ``destinations/demo_data/``:

- ``places.json``: each destination's facts (``calling`` is the country and capital's area code the
  demo phone numbers start with, ``position`` the capital's "longitude,latitude" for the map link),
  its demo consulate-general if any, its sentences per language; then the change notes
  (``days_ago``);
- ``alerts.json``: each alert's level, destinations, ``starts_days_ago`` and ``ends_in_days``
  (negative: ended; null: no end). One destination each: an alert with several cannot be published
  while Destination.Meta.ordering is ["country"] (modelcluster sorts them in memory, and Country
  objects do not compare);
- ``texts.json``: the index pages, and the words every destination page and consular contact is
  made of: format strings filled with the destination's name, level sentence, numbers and sentences.
"""

from contextlib import contextmanager
from datetime import timedelta

import phonenumbers
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone, translation

from home.demo import DemoSeeder, rich
from home.models import HomePage

from .models import (
    AlertIndexPage,
    ChangeNote,
    ConsularContact,
    Destination,
    DestinationIndexPage,
    DestinationPage,
    SafetyAlertPage,
)

LANGUAGES = ("zh-hans", "en")
# A destination page's fields made from texts.json's "destination_page" (the title is the country's name).
PAGE_FIELDS = ("summary", "safety_and_security", "local_laws", "health", "other_entry_requirements", "money")


def demo_number(calling_and_area, suffix):
    """A made-up number in E.164: the country and area code, then 555 and four digits where the
    country's numbering plan takes that length (so it is shown grouped, "+66 2 555 0199"), else 5550."""
    short = f"+{calling_and_area}555{suffix:04d}"
    if phonenumbers.is_valid_number(phonenumbers.parse(short, None)):
        return short
    return f"+{calling_and_area}5550{suffix:04d}"


def seed_destinations(stdout):
    """The ``seed_demo_content`` hook: demo destinations, their pages and alerts, in both languages."""
    with index_each_page_once([DestinationIndexPage, DestinationPage, AlertIndexPage, SafetyAlertPage]):
        DestinationSeeder(stdout).run()


@contextmanager
def index_each_page_once(models):
    """Index each saved page once at the end, not at each of its three saves (create, revision, publish).

    Segmenting Chinese text for the search index is most of the seeding time; this halves it.
    """
    try:
        from modelsearch import index
        from modelsearch.signal_handlers import post_save_signal_handler
    except ImportError:  # another search package: index as usual
        yield
        return
    saved = set()

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved.add((sender, instance.pk))

    paused = [model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)]
    for model in paused:
        post_save.connect(remember, sender=model, weak=False, dispatch_uid=f"demo-index-{model.__name__}")
    try:
        yield
    finally:
        for model in paused:
            post_save.disconnect(sender=model, dispatch_uid=f"demo-index-{model.__name__}")
            post_save.connect(post_save_signal_handler, sender=model)
    for model, pk in saved:
        instance = model.objects.filter(pk=pk).first()
        if instance is not None:
            index.insert_or_update_object(instance)


class DestinationSeeder(DemoSeeder):
    """Runs after home's seeder (the home pages exist); its page helpers are home's."""

    @transaction.atomic
    def run(self):
        home = HomePage.objects.filter(locale=self.zh, depth=2).first()
        if home is None:
            return
        self.texts = self.data("texts")
        data = self.data("places")
        specs = data["places"]
        today = timezone.localdate()
        found = {
            place.country.code: place
            for place in Destination.objects.filter(country__in=[spec["code"] for spec in specs])
        }
        places = {spec["code"]: found.get(spec["code"]) or self.destination(spec, today) for spec in specs}
        self.change_notes(places, data["change_notes"])
        index = self.child_page(home, DestinationIndexPage, self.texts["indexes"]["destinations"])
        existing = set(
            DestinationPage.objects.filter(locale=self.zh).values_list("destination_id", flat=True)
        )
        translated = set(
            DestinationPage.objects.filter(locale=self.en).values_list("destination_id", flat=True)
        )
        for spec in specs:
            place = places[spec["code"]]
            if place.pk not in existing:
                self.destination_page(index, spec, place)
            elif place.pk not in translated:
                page = DestinationPage.objects.get(locale=self.zh, destination=place)
                self.translate(page, self.prose(spec, place, "en"))
        alert_index = self.child_page(home, AlertIndexPage, self.texts["indexes"]["alerts"])
        alerts = {page.slug: page for page in SafetyAlertPage.objects.child_of(alert_index)}
        translated = set(
            SafetyAlertPage.objects.filter(
                locale=self.en, translation_key__in=[a.translation_key for a in alerts.values()]
            ).values_list("translation_key", flat=True)
        )
        for spec in self.data("alerts"):
            self.alert(alert_index, places, alerts, translated, spec)

    # --- facts ----------------------------------------------------------------------------------

    def destination(self, spec, today):
        """The demo facts of a destination not there yet (an officer's facts are never overwritten)."""
        numbers = spec["numbers"]
        place = Destination.objects.create(
            country=spec["code"],
            region=spec["region"],
            risk_level=spec["level"],
            police_number=numbers["police"],
            ambulance_number=numbers["ambulance"],
            fire_number=numbers["fire"],
            visa_requirement=spec["visa"],
            visa_free_days=spec["visa_free_days"],
            passport_validity_months=spec["passport_months"],
            entry_rules_checked_on=today - timedelta(days=30),
            # One destination is overdue for review, so editors see the reminder in the admin.
            review_by=today - timedelta(days=3) if spec["code"] == "EG" else today + timedelta(days=90),
            is_demo=True,
        )
        capital = {language: spec[language]["capital"] for language in LANGUAGES}
        contacts = [self.contact(place, spec, capital, spec["calling"], ConsularContact.Kind.EMBASSY, 0)]
        if spec["consulate"]:
            consulate = spec["consulate"]
            contacts.append(
                self.contact(
                    place, spec, consulate, consulate["calling"], ConsularContact.Kind.CONSULATE_GENERAL, 1
                )
            )
        ConsularContact.objects.bulk_create(contacts)
        self.log(f"Created the demo destination {spec['code']}")
        return place

    def contact(self, place, spec, city, calling, kind, order):
        """An embassy or consulate; `city` holds its city's name per language."""
        words = self.texts["consular_contacts"]
        country = dict(zip(LANGUAGES, self.country_names(place), strict=True))
        name = {
            language: words["names"][kind.value][language].format(
                country=country[language], city=city[language]
            )
            for language in LANGUAGES
        }
        return ConsularContact(
            destination=place,
            sort_order=order,
            kind=kind,
            name_zh=name["zh-hans"],
            name_en=name["en"],
            address=words["address"].format(city=city["en"]),
            phone=demo_number(calling, 100),
            emergency_phone=demo_number(calling, 199),
            email=f"consular-{spec['code'].lower()}{order or ''}@example.org",
            hours_zh=words["hours"]["zh-hans"],
            hours_en=words["hours"]["en"],
            map_url=f"https://uri.amap.com/marker?position={spec['position']}" if order == 0 else "",
        )

    def country_names(self, place):
        names = []
        for language in LANGUAGES:
            with translation.override(language):
                names.append(str(place.country.name))
        return names

    def change_notes(self, places, notes):
        noted = set(
            ChangeNote.objects.filter(destination__in=places.values()).values_list(
                "destination_id", flat=True
            )
        )
        for spec in notes:
            place = places[spec["code"]]
            if place.pk in noted:
                continue
            note = ChangeNote.objects.create(
                destination=place,
                summary_zh=spec["zh-hans"],
                summary_en=spec["en"],
                risk_level=place.risk_level,
            )
            ChangeNote.objects.filter(pk=note.pk).update(
                created_at=timezone.now() - timedelta(days=spec["days_ago"])
            )

    # --- pages ----------------------------------------------------------------------------------

    def prose(self, spec, place, language):
        """A destination page's fields in one language: texts.json's sentences, filled in."""
        name = self.country_names(place)[LANGUAGES.index(language)]
        words = spec[language]
        sentences = self.texts["destination_page"][language]
        values = {
            "name": name,
            "level": self.texts["level_sentences"][str(spec["level"])][language],
            "demo_note": self.texts["demo_note"][language],
            "police": spec["numbers"]["police"],
            "safety": words["safety"],
            "laws": words["laws"],
            "health": words["health"] + sentences["space_after_sentence"] if words["health"] else "",
            "currency": words["currency"],
        }
        return {"title": name} | {field: sentences[field].format(**values) for field in PAGE_FIELDS}

    def destination_page(self, index, spec, place):
        page = DestinationPage(
            slug=spec["code"].lower(), destination=place, **self.prose(spec, place, "zh-hans")
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        self.translate(page, self.prose(spec, place, "en"))
        self.log(f"Created the destination pages of {spec['code']}")
        return page

    def alert(self, index, places, alerts, translated, spec):
        page = alerts.get(spec["slug"])
        now = timezone.now()
        if page is None:
            ends = spec["ends_in_days"]
            page = SafetyAlertPage(
                slug=spec["slug"],
                level=spec["level"],
                valid_from=now - timedelta(days=spec["starts_days_ago"]),
                valid_until=now + timedelta(days=ends) if ends is not None else None,
                **self.alert_text(spec["zh-hans"]),
            )
            page.destinations = [places[code] for code in spec["destinations"]]
            index.add_child(instance=page)
            page.save_revision().publish()
            self.log(f"Created the alert {spec['slug']}")
        if page.translation_key not in translated:
            self.translate(page, self.alert_text(spec["en"]))
        return page

    def alert_text(self, text):
        return {
            "title": text["title"],
            "summary": text["summary"],
            "body": [rich(text["body"])],
            "source": text["source"],
        }
