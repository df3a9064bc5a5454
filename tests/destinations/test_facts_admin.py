"""Officers keep the facts in the admin; each non-minor save leaves a public change note."""

import datetime

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from destinations.levels import RiskLevel
from destinations.models import ChangeNote, Destination
from destinations.viewsets import review_status
from tests.accounts.factories import staff_user

from .factories import DestinationFactory

pytestmark = pytest.mark.django_db


def contact_rows(place):
    return [
        {
            "id": contact.pk,
            "kind": contact.kind,
            "name_zh": contact.name_zh,
            "name_en": contact.name_en,
            "address": contact.address,
            "phone": contact.phone,
            "emergency_phone": contact.emergency_phone,
            "email": contact.email,
            "hours_zh": contact.hours_zh,
            "hours_en": contact.hours_en,
            "map_url": contact.map_url,
            "ORDER": str(number + 1),
        }
        for number, contact in enumerate(place.contacts.all())
    ]


def facts_form(place, **overrides):
    data = {
        "country": place.country.code,
        "region": place.region,
        "risk_level": str(place.risk_level),
        "police_number": place.police_number,
        "ambulance_number": place.ambulance_number,
        "fire_number": place.fire_number,
        "visa_requirement": place.visa_requirement,
        "visa_free_days": "",
        "passport_validity_months": str(place.passport_validity_months or ""),
        "entry_rules_checked_on": place.entry_rules_checked_on.isoformat()
        if place.entry_rules_checked_on
        else "",
        "review_by": "",
        "change_note_zh": "",
        "change_note_en": "",
        "contacts": inline_formset(contact_rows(place), initial=place.contacts.count()),
    }
    data.update(overrides)
    return nested_form_data(data)


def edit_url(place):
    return f"/admin/snippets/destinations/destination/edit/{place.pk}/"


def test_officer_change_with_a_note_records_it_publicly(client, make_user):
    place = DestinationFactory(country="FR", risk_level=RiskLevel.PAY_ATTENTION)
    officer = staff_user(group="Officers", admin_language="zh-hans")
    client.force_login(officer)
    response = client.post(
        edit_url(place),
        facts_form(
            place, risk_level=str(RiskLevel.TRAVEL_WITH_CAUTION), change_note_zh="风险等级上调为谨慎前往。"
        ),
    )
    assert response.status_code == 302
    note = ChangeNote.objects.get(destination=place)
    assert note.summary_zh == "风险等级上调为谨慎前往。"
    assert note.risk_level == RiskLevel.TRAVEL_WITH_CAUTION
    assert note.created_by == officer
    place.refresh_from_db()
    assert place.risk_level == RiskLevel.TRAVEL_WITH_CAUTION


def test_minor_change_records_no_note(client, make_user):
    place = DestinationFactory(country="FR")
    client.force_login(staff_user(group="Officers", admin_language="zh-hans"))
    response = client.post(edit_url(place), facts_form(place, police_number="112", minor_change="on"))
    assert response.status_code == 302
    place.refresh_from_db()
    assert place.police_number == "112"
    assert not ChangeNote.objects.filter(destination=place).exists()


def test_change_without_a_note_or_minor_flag_is_refused_and_changes_nothing(client, make_user):
    place = DestinationFactory(country="FR")
    client.force_login(staff_user(group="Officers", admin_language="zh-hans"))
    response = client.post(edit_url(place), facts_form(place, police_number="112"))
    assert response.status_code == 200
    assert "Say what changed" in response.content.decode() or "说明改了什么" in response.content.decode()
    place.refresh_from_db()
    assert place.police_number == "17"
    assert not ChangeNote.objects.exists()


def test_phone_numbers_must_be_e164(client, make_user):
    place = DestinationFactory(country="FR")
    client.force_login(staff_user(group="Officers", admin_language="zh-hans"))
    rows = contact_rows(place)
    rows[0]["emergency_phone"] = "0033 1 49 52 19 50"
    data = facts_form(place, minor_change="on")
    data.update(nested_form_data({"contacts": inline_formset(rows, initial=1)}))
    response = client.post(edit_url(place), data)
    assert response.status_code == 200
    place.refresh_from_db()
    assert place.contacts.get().emergency_phone == "+33149536750"


def test_map_link_must_be_amap_or_baidu(client, make_user):
    place = DestinationFactory(country="FR")
    client.force_login(staff_user(group="Officers", admin_language="zh-hans"))
    rows = contact_rows(place)
    rows[0]["map_url"] = "https://evil.example.com/map"
    data = facts_form(place, minor_change="on")
    data.update(nested_form_data({"contacts": inline_formset(rows, initial=1)}))
    assert client.post(edit_url(place), data).status_code == 200
    assert place.contacts.get().map_url.startswith("https://uri.amap.com/")


def test_editor_cannot_change_facts(client, make_user):
    place = DestinationFactory(country="FR")
    client.force_login(staff_user(group="Editors", admin_language="zh-hans"))
    client.post(edit_url(place), facts_form(place, police_number="112", minor_change="on"))
    place.refresh_from_db()
    assert place.police_number == "17"


def test_visa_free_days_only_with_visa_free_entry(client, make_user):
    place = DestinationFactory(country="FR")
    client.force_login(staff_user(group="Officers", admin_language="zh-hans"))
    response = client.post(edit_url(place), facts_form(place, visa_free_days="30", minor_change="on"))
    assert response.status_code == 200
    place.refresh_from_db()
    assert place.visa_free_days is None


def test_review_status_flags_overdue_and_soon():
    today = datetime.date(2026, 11, 30)
    assert review_status(Destination(review_by=datetime.date(2026, 11, 29)), today) == "overdue"
    assert review_status(Destination(review_by=datetime.date(2026, 12, 10)), today) == "soon"
    assert review_status(Destination(review_by=datetime.date(2027, 3, 1)), today) == ""
    assert review_status(Destination(review_by=None), today) == ""


def test_officer_sees_advice_due_for_review_in_listing_and_dashboard(client, make_user):
    due = DestinationFactory(country="FR", review_by=timezone.localdate() - datetime.timedelta(days=1))
    client.force_login(staff_user(group="Officers", admin_language="zh-hans"))
    listing = client.get("/admin/snippets/destinations/destination/").content.decode()
    assert due.review_by.isoformat() in listing
    dashboard = client.get("/admin/").content.decode()
    assert "destinations-due-heading" in dashboard
    assert f"/admin/snippets/destinations/destination/edit/{due.pk}/" in dashboard


def test_editors_see_advice_due_for_review_on_their_dashboard(client, make_user):
    due = DestinationFactory(country="FR", review_by=timezone.localdate())
    client.force_login(staff_user(group="Editors", admin_language="zh-hans"))
    dashboard = client.get("/admin/").content.decode()
    assert "destinations-due-heading" in dashboard
    assert str(due) in dashboard
