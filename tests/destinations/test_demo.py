"""Demo destinations and alerts for `seed_demo`: both languages, clearly demo, safe to run twice."""

import io

import pytest
from django.core import mail
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, Revision

from destinations.demo import seed_destinations
from destinations.levels import RiskLevel
from destinations.models import (
    AlertIndexPage,
    ChangeNote,
    ConsularContact,
    Destination,
    DestinationIndexPage,
    DestinationPage,
    SafetyAlertPage,
)
from home.demo import SEED_DEMO_CONTENT, load_demo_data
from outbox.models import Message
from tests.shared_data import made_once

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seeded once for the module (rolled back after it); each test's changes are rolled back after it."""
    with made_once(django_db_blocker, lambda: seed_destinations(io.StringIO())) as made:
        yield made


def demo_codes():
    return [spec["code"] for spec in load_demo_data("destinations", "places")["places"]]


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Revision,
            Destination,
            ConsularContact,
            ChangeNote,
            DestinationPage,
            SafetyAlertPage,
        )
    }


def test_seed_demo_runs_the_destinations_seeder():
    assert seed_destinations in hooks.get_hooks(SEED_DEMO_CONTENT)


def test_at_least_20_demo_destinations_with_every_level(seeded):
    places = Destination.objects.filter(is_demo=True)
    assert places.count() >= 20
    assert set(places.values_list("risk_level", flat=True)) == set(RiskLevel.values)


def test_every_demo_destination_has_a_live_page_in_both_languages(seeded, zh, en):
    for place in Destination.objects.filter(country__in=demo_codes()):
        chinese = DestinationPage.objects.live().get(destination=place, locale=zh)
        english = DestinationPage.objects.live().get(destination=place, locale=en)
        assert english.translation_key == chinese.translation_key
        assert english.title != chinese.title
        for field in ("summary", "safety_and_security", "local_laws", "health", "money"):
            assert getattr(chinese, field) and getattr(english, field)


def test_index_pages_sit_under_each_home_page(seeded, home_zh, home_en):
    for home in (home_zh, home_en):
        assert DestinationIndexPage.objects.child_of(home).live().filter(slug="destinations").exists()
        assert AlertIndexPage.objects.child_of(home).live().filter(slug="alerts").exists()


def test_destination_pages_are_found_at_their_iso_code(client, seeded):
    assert client.get("/zh-hans/destinations/th/").status_code == 200
    assert client.get("/en/destinations/th/").status_code == 200


def test_five_alerts_per_language_across_the_three_levels_one_expired(seeded, zh, en):
    now = timezone.now()
    for locale in (zh, en):
        alerts = SafetyAlertPage.objects.live().filter(locale=locale)
        assert alerts.count() == 5
        assert set(alerts.values_list("level", flat=True)) == {
            RiskLevel.PAY_ATTENTION,
            RiskLevel.TRAVEL_WITH_CAUTION,
            RiskLevel.DO_NOT_TRAVEL,
        }
        assert alerts.filter(valid_until__lte=now).count() == 1
        assert SafetyAlertPage.objects.filter(locale=locale).active().count() == 4


def test_demo_data_says_it_is_demo(seeded, zh, en):
    assert not Destination.objects.filter(country__in=demo_codes(), is_demo=False).exists()
    for contact in ConsularContact.objects.filter(destination__is_demo=True):
        assert contact.email.endswith("@example.org")
        assert "演示" in contact.name_zh and "demo" in contact.name_en
        assert "5550" in contact.emergency_phone
    assert all("演示" in page.summary for page in DestinationPage.objects.filter(locale=zh))
    assert all("demo" in page.summary.lower() for page in DestinationPage.objects.filter(locale=en))
    assert all("演示" in alert.summary for alert in SafetyAlertPage.objects.filter(locale=zh))


def test_a_few_destinations_have_change_notes(seeded):
    assert ChangeNote.objects.filter(destination__is_demo=True).values("destination").distinct().count() >= 3


def test_second_run_changes_nothing(seeded):
    before = counts()
    seed_destinations(io.StringIO())
    assert counts() == before


def test_second_run_is_quick(seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        seed_destinations(io.StringIO())


def test_second_run_keeps_an_officers_changes(seeded):
    place = Destination.objects.get(country="JP")
    place.risk_level = RiskLevel.DO_NOT_TRAVEL
    place.save()
    seed_destinations(io.StringIO())
    place.refresh_from_db()
    assert place.risk_level == RiskLevel.DO_NOT_TRAVEL


def test_seeding_sends_no_email(seeded):
    assert seeded.mail == [] and mail.outbox == []
    assert not Message.objects.exists()


@pytest.mark.engine  # the search backend
def test_demo_destination_pages_are_searchable_in_both_languages(client, seeded):
    assert "/zh-hans/destinations/th/" in client.get("/zh-hans/search/", {"q": "泰国"}).content.decode()
    assert "/en/destinations/th/" in client.get("/en/search/", {"q": "Thailand"}).content.decode()


@pytest.mark.engine  # the search backend
def test_pages_edited_after_seeding_are_indexed_again(client, seeded, zh):
    page = DestinationPage.objects.get(locale=zh, slug="th")
    page.summary += "榴莲季节"
    page.save_revision().publish()
    assert "/zh-hans/destinations/th/" in client.get("/zh-hans/search/", {"q": "榴莲"}).content.decode()
