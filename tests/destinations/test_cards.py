"""The printable emergency card: a real one-page PDF with the Chinese font embedded and the right numbers."""

import io
import shutil
import subprocess
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation

from destinations import cards
from destinations.facts import facts_saved
from destinations.models import ConsularContact, EmergencyCard
from home import pdf

from . import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("pdffonts"), reason="needs poppler-utils (pdffonts, pdftotext)"),
]


def poppler(tool, pdf, tmp_path):
    """The output of a poppler-utils tool (pdfinfo, pdffonts, pdftotext) for the PDF bytes."""
    path = tmp_path / "card.pdf"
    path.write_bytes(pdf)
    command = [shutil.which(tool), str(path)] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603


def pages(pdf, tmp_path):
    info = poppler("pdfinfo", pdf, tmp_path)
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def text(pdf, tmp_path):
    return poppler("pdftotext", pdf, tmp_path)


def card_pdf(destination, language):
    """The card's PDF as the worker renders it before storing it."""
    return cards.render_card_pdf(cards.card_context(destination, language))


@pytest.fixture
def place():
    """Luxembourg: not among the demo destinations, so the test owns its facts."""
    return factories.DestinationFactory(
        country="LU", police_number="113", ambulance_number="112", fire_number="114"
    )


def test_card_groups_phone_numbers_and_keeps_a_number_it_cannot_read_as_given(place):
    ConsularContact.objects.filter(destination=place).update(emergency_phone="+33149536750", phone="12345")
    contact = cards.card_context(place, "en")["contacts"][0]
    assert contact["emergency_phone"] == "+33 1 49 53 67 50"
    assert contact["phone"] == "12345"


def test_card_is_a_one_page_pdf(place, tmp_path):
    pdf = card_pdf(place, "zh-hans")
    assert pdf.startswith(b"%PDF-")
    assert pages(pdf, tmp_path) == 1


def test_chinese_card_embeds_noto_sans_cjk_sc(place, tmp_path):
    fonts = poppler("pdffonts", card_pdf(place, "zh-hans"), tmp_path).splitlines()[2:]
    cjk = [line.split() for line in fonts if "Noto-Sans-CJK-SC" in line]
    assert cjk, fonts
    # name, type words..., encoding, then emb sub uni: all three "yes".
    assert all(columns[-5:-2] == ["yes", "yes", "yes"] for columns in cjk), fonts


def test_chinese_card_shows_the_local_embassy_and_hotline_numbers(place, tmp_path):
    shown = text(card_pdf(place, "zh-hans"), tmp_path)
    assert "卢森堡" in shown
    assert "113" in shown and "112" in shown and "114" in shown
    assert "+33 1 49 53 67 50" in shown  # grouped the way the country writes it
    assert "中国驻LU使馆0" in shown
    assert "12308" in shown
    assert "+86-10-12308" in shown


def test_english_card_shows_english_words_and_the_same_numbers(place, tmp_path):
    shown = text(card_pdf(place, "en"), tmp_path)
    assert "Luxembourg" in shown
    assert "Emergency card" in shown
    assert "Chinese Embassy LU 0" in shown
    assert "+33 1 49 53 67 50" in shown
    assert "+86-10-12308" in shown


def test_card_states_the_level_in_words(place, tmp_path):
    with translation.override("en"):
        label = str(cards.RiskLevel(place.risk_level).label)
    assert label in text(card_pdf(place, "en"), tmp_path)


def test_card_has_blank_lines_for_the_travellers_details(place, tmp_path):
    shown = text(card_pdf(place, "en"), tmp_path)
    for label in ("Name", "Passport number", "Local address", "Emergency contact", "Insurance"):
        assert label in shown


def test_card_with_many_consulates_stays_on_one_page(tmp_path):
    big = factories.DestinationFactory(country="IS", contacts=12)
    pdf = card_pdf(big, "zh-hans")
    assert pages(pdf, tmp_path) == 1
    assert "4 more consulates" in text(card_pdf(big, "en"), tmp_path)


def test_markup_in_a_name_stays_text(place, tmp_path):
    contact = place.contacts.get()
    contact.name_zh = "<img src=http://x>大使馆"
    contact.save()
    html = cards.render_card_html(cards.card_context(place, "zh-hans"))
    assert "<img src=http://x>" not in html
    assert "&lt;img src=http://x&gt;" in html
    with mock.patch("urllib.request.OpenerDirector.open", side_effect=AssertionError("no network")):
        pdf = card_pdf(place, "zh-hans")
    assert "<img src=http://x>大使馆" in text(pdf, tmp_path)


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/x.png",
        "file:///etc/passwd",
        f"{pdf.STATIC_BASE}../../../../etc/passwd",
        f"{pdf.STATIC_BASE}css/no-such-file.css",
        "data:text/css,body{}",
    ],
)
def test_card_fetches_nothing_but_its_own_static_files(url):
    with pytest.raises(ValueError, match=r"static|No static"):
        pdf.static_files_only().fetch(url)


def test_card_fetcher_serves_its_stylesheet():
    response = pdf.static_files_only().fetch(f"{pdf.STATIC_BASE}{cards.CARD_STYLESHEET}")
    assert b"Noto Sans CJK SC" in response.read()


def test_facts_saved_renders_the_cards_in_both_languages(place, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        facts_saved(place, minor=True)
    stored = {card.language: card for card in EmergencyCard.objects.filter(destination=place)}
    assert set(stored) == {"zh-hans", "en"}
    for card in stored.values():
        assert card.size == card.file.size > 0
        with card.file.open("rb") as file:
            assert file.read(5) == b"%PDF-"


def test_refresh_cards_later_queues_on_the_portal_backend(place):
    result = cards.refresh_cards_later(place)
    assert result.backend == "portal"
    assert EmergencyCard.objects.filter(destination=place).count() == 2  # immediate backend in tests


def test_changed_number_renders_a_new_card_and_removes_the_old_file(
    place, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cards.refresh_cards(place)
    old = EmergencyCard.objects.get(destination=place, language="zh-hans")
    old_name = old.file.name
    contact = place.contacts.get()
    contact.emergency_phone = "+352499999999"
    contact.save()
    with django_capture_on_commit_callbacks(execute=True):
        facts_saved(place, minor=False, summary_zh="更新了领保电话", summary_en="New consular number")
    card = EmergencyCard.objects.get(destination=place, language="zh-hans")
    assert card.facts_version != old.facts_version
    with card.file.open("rb") as file:
        assert "+352 49 99 99 999" in text(file.read(), tmp_path)
    assert not default_storage.exists(old_name)


def test_save_that_changes_nothing_printed_renders_nothing(place, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        cards.refresh_cards(place)
    before = {card.language: card.file.name for card in EmergencyCard.objects.filter(destination=place)}
    place.review_by = place.entry_rules_checked_on  # not printed on the card
    place.save()
    with (
        mock.patch.object(cards, "render_card_pdf", side_effect=AssertionError("rendered again")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        facts_saved(place, minor=True)
    after = {card.language: card.file.name for card in EmergencyCard.objects.filter(destination=place)}
    assert after == before


def test_card_download_serves_the_stored_pdf(client, place):
    cards.refresh_cards(place)
    url = reverse("destinations:emergency_card", kwargs={"code": "lu"})
    assert url == "/zh-hans/destinations/lu/emergency-card.pdf"
    with mock.patch.object(cards, "render_card_pdf", side_effect=AssertionError("rendered in the request")):
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="emergency-card-lu-zh-hans.pdf"'
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-")
    assert len(body) == EmergencyCard.objects.get(destination=place, language="zh-hans").size


def test_card_download_is_in_the_readers_language(client, place, tmp_path):
    response = client.get("/en/destinations/lu/emergency-card.pdf")
    assert response["Content-Disposition"] == 'attachment; filename="emergency-card-lu-en.pdf"'
    assert "Emergency card" in text(b"".join(response.streaming_content), tmp_path)


def test_card_download_renders_and_stores_a_card_not_yet_made(client, place):
    assert not EmergencyCard.objects.exists()
    response = client.get("/zh-hans/destinations/lu/emergency-card.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert EmergencyCard.objects.filter(destination=place, language="zh-hans").count() == 1


def test_card_download_never_serves_a_card_older_than_the_facts(client, place, tmp_path):
    cards.refresh_cards(place)
    ConsularContact.objects.filter(destination=place).update(emergency_phone="+352488888888")
    response = client.get("/en/destinations/lu/emergency-card.pdf")
    assert "+352 48 88 88 888" in text(b"".join(response.streaming_content), tmp_path)


@pytest.mark.parametrize("code", ["zz", "lux", "l1", "aq"])
def test_card_download_of_an_unknown_destination_is_not_found(client, place, code):
    assert client.get(f"/zh-hans/destinations/{code}/emergency-card.pdf").status_code == 404


def test_card_download_takes_few_queries(client, place, django_assert_max_num_queries):
    cards.refresh_cards(place)
    factories.DestinationFactory(country="MT", contacts=5)
    # The destination, its contacts, its stored card, and the site with its settings (the office's name
    # on the download); the same with more destinations.
    with django_assert_max_num_queries(5):
        assert client.get("/zh-hans/destinations/lu/emergency-card.pdf").status_code == 200


def test_card_link_shows_format_and_size(rf, place):
    from django.template.loader import render_to_string

    cards.refresh_cards(place)
    with translation.override("en"):
        card = cards.stored_card(place)
        html = render_to_string(
            "destinations/includes/card_link.html", {"destination": place, "emergency_card": card}
        )
    assert 'href="/en/destinations/lu/emergency-card.pdf"' in html
    assert "PDF, " in html and "KB" in html


def test_refresh_command_renders_only_out_of_date_cards(place):
    from django.core.management import call_command

    factories.DestinationFactory(country="IS")
    out = io.StringIO()
    call_command("refresh_emergency_cards", "lu", "is", stdout=out)
    assert "Rendered 4 emergency cards." in out.getvalue()
    call_command("refresh_emergency_cards", "lu", "is", stdout=out)
    assert "Rendered 0 emergency cards." in out.getvalue()


def test_card_download_renders_again_when_the_stored_file_is_missing(client, place):
    (card, _english) = cards.refresh_cards(place)
    default_storage.delete(card.file.name)
    response = client.get("/zh-hans/destinations/lu/emergency-card.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
