"""The emergency card never breaks silently: without the CJK font no Chinese card is rendered or stored
(the page and the download offer the English card and say why), the fonts are part of a stored card's
fingerprint, and `check --deploy` warns when the fonts or libharfbuzz-subset are missing.

No real PDF is rendered here: `render_card_pdf` is replaced by a counter (test_cards.py renders them).
"""

import io
import shutil
import subprocess

import pytest
from django.core import checks
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from destinations import cards
from destinations.models import EmergencyCard
from home import checks as home_checks
from home import pdf

from . import factories

pytestmark = pytest.mark.django_db

FAKE_PDF = b"%PDF-1.7 test card"
WHY_ZH = "缺少中文字体"


@pytest.fixture
def renders(monkeypatch):
    """The contexts of the cards rendered (none really)."""
    rendered = []

    def render(context):
        rendered.append(context)
        return FAKE_PDF

    monkeypatch.setattr(cards, "render_card_pdf", render)
    return rendered


@pytest.fixture
def font_files(monkeypatch, tmp_path):
    """The CJK font files the lookup in home.pdf reports: set `.files` (a list of paths) to change them."""

    class Fonts:
        files = []

        def add(self, name, content=b"font"):
            path = tmp_path / name
            path.write_bytes(content)
            self.files = [*self.files, str(path)]
            return path

    fonts = Fonts()
    monkeypatch.setattr(pdf, "cjk_font_files", lambda: tuple(fonts.files))
    return fonts


@pytest.fixture
def place():
    return factories.DestinationFactory(country="LU", police_number="113")


def card_path(language, code="lu"):
    return f"/{language}/destinations/{code}/emergency-card.pdf"


# --- no CJK font: nothing stored, the English card offered ------------------------------------------------


def test_without_the_cjk_font_no_chinese_card_is_rendered_or_stored(place, font_files, renders):
    with pytest.raises(cards.CJKFontMissingError):
        cards.store_card(place, "zh-hans")

    assert renders == []
    assert not EmergencyCard.objects.filter(language="zh-hans").exists()


def test_refreshing_without_the_cjk_font_stores_the_english_card_only(place, font_files, renders, caplog):
    stored = cards.refresh_cards(place)

    assert [card.language for card in stored] == ["en"]
    assert list(EmergencyCard.objects.values_list("language", flat=True)) == ["en"]
    assert [context["language"] for context in renders] == ["en"]
    assert "not rendered: no CJK font" in caplog.text


def test_the_chinese_download_says_why_and_offers_the_english_card(client, place, font_files, renders):
    response = client.get(card_path("zh-hans"))

    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert WHY_ZH in html
    assert f'href="{card_path("en")}"' in html
    assert "下载英文版紧急联系卡" in html
    assert not EmergencyCard.objects.filter(language="zh-hans").exists()


def test_the_english_card_still_downloads_without_the_cjk_font(client, place, font_files, renders):
    response = client.get(card_path("en"))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == FAKE_PDF


def test_an_english_card_with_chinese_text_is_not_made_either_and_the_page_says_why(
    client, place, font_files, renders
):
    place.contacts.update(address="卢森堡市某某大街1号")

    response = client.get(card_path("en"))

    assert response.status_code == 503
    html = response.content.decode()
    with translation.override("en"):
        assert gettext("The emergency card cannot be made right now") in html
    assert "missing the Chinese font" in html
    assert 'type="application/pdf"' not in html  # no card to offer
    assert not EmergencyCard.objects.exists()


def test_the_destination_page_offers_the_english_card_in_chinese_and_says_why(client, home_zh, font_files):
    index = factories.DestinationIndexPageFactory(parent=home_zh)
    place = factories.DestinationFactory(country="LU")
    page = factories.DestinationPageFactory(parent=index, destination=place, title="卢森堡")
    english = factories.translate(page, "en", title="Luxembourg")

    chinese_html = client.get(page.url).content.decode()
    english_html = client.get(english.url).content.decode()

    assert WHY_ZH in chinese_html
    assert f'href="{card_path("en")}"' in chinese_html
    assert f'href="{card_path("zh-hans")}"' not in chinese_html
    assert f'href="{card_path("en")}"' in english_html  # nothing missing for the English card
    assert "missing the Chinese font" not in english_html


def test_with_the_font_the_page_links_the_card_in_its_own_language(client, home_zh, font_files):
    font_files.add("NotoSansCJK-Regular.ttc")
    index = factories.DestinationIndexPageFactory(parent=home_zh)
    page = factories.DestinationPageFactory(
        parent=index, destination=factories.DestinationFactory(country="LU"), title="卢森堡"
    )

    html = client.get(page.url).content.decode()

    assert f'href="{card_path("zh-hans")}"' in html
    assert WHY_ZH not in html


def test_the_refresh_command_says_which_cards_it_could_not_make(place, font_files, renders):
    out, err = io.StringIO(), io.StringIO()

    call_command("refresh_emergency_cards", "lu", stdout=out, stderr=err)

    assert "Rendered 1 emergency cards." in out.getvalue()
    assert "1 emergency cards were not made" in err.getvalue()
    assert "fonts-noto-cjk" in err.getvalue()


# --- the fonts in the fingerprint -----------------------------------------------------------------------


def test_a_card_made_without_the_font_is_rebuilt_once_the_font_is_installed(place, font_files, renders):
    cards.store_card(place, "en")
    before = EmergencyCard.objects.get(language="en").facts_version
    font_files.add("NotoSansCJK-Regular.ttc")

    cards.store_card(place, "en")
    cards.store_card(place, "zh-hans")

    assert EmergencyCard.objects.get(language="en").facts_version != before
    assert [context["language"] for context in renders] == ["en", "en", "zh-hans"]


def test_an_updated_font_renders_the_card_again_and_the_same_fonts_do_not(place, font_files, renders):
    font = font_files.add("NotoSansCJK-Regular.ttc", b"version 2.003")
    cards.store_card(place, "zh-hans")
    cards.store_card(place, "zh-hans")
    assert len(renders) == 1

    font.write_bytes(b"version 2.004, a little longer")
    cards.store_card(place, "zh-hans")

    assert len(renders) == 2


def test_the_fonts_fingerprint_follows_the_font_files(font_files):
    empty = pdf.fonts_fingerprint()
    font_files.add("NotoSansCJK-Regular.ttc")
    regular = pdf.fonts_fingerprint()
    font_files.add("NotoSansCJK-Bold.ttc")

    assert len({empty, regular, pdf.fonts_fingerprint()}) == 3
    assert pdf.fonts_fingerprint() == pdf.fonts_fingerprint()


# --- the lookup itself and the deploy check ---------------------------------------------------------------


def test_fontconfig_finds_no_files_for_a_family_that_does_not_exist():
    assert pdf.fontconfig_files("No Such Family For The Portal") == ()


def test_the_font_lookup_is_kept_for_a_while(monkeypatch):
    lookups = []
    monkeypatch.setattr(pdf, "fontconfig_files", lambda family: lookups.append(family) or ("/fonts/x.ttc",))
    # A lookup of its own, put back whole afterwards: the made-up font file must not stay in the kept
    # lookup, where it changed the fonts' fingerprint a minute later in another test (a card rendered
    # again in the request).
    monkeypatch.setattr(pdf, "_font_lookup", {"at": None, "files": ()})

    assert pdf.cjk_font_available() and pdf.cjk_font_available()
    assert lookups == [pdf.CJK_FONT_FAMILY]
    monkeypatch.setitem(pdf._font_lookup, "at", pdf._font_lookup["at"] - pdf.FONT_LOOKUP_SECONDS - 1)
    pdf.cjk_font_files()
    assert len(lookups) == 2


PDF_CHECKS = ("home.W001", "home.W002")


def deploy_warnings():
    """The PDF checks' warnings among everything `check --deploy` says (the shared-cache check, home.W004,
    has its own tests)."""
    return [
        message.id
        for message in checks.run_checks(include_deployment_checks=True)
        if message.id in PDF_CHECKS
    ]


def test_the_deploy_check_warns_when_the_fonts_and_harfbuzz_subset_are_missing(monkeypatch):
    monkeypatch.setattr(pdf, "cjk_font_files", lambda: ())
    monkeypatch.setattr(pdf, "harfbuzz_subset_available", lambda: False)

    warnings = home_checks.pdf_system_packages(None)

    assert [warning.id for warning in warnings] == ["home.W001", "home.W002"]
    assert "fonts-noto-cjk" in warnings[0].hint
    assert "libharfbuzz-subset0" in warnings[1].hint
    assert deploy_warnings() == ["home.W001", "home.W002"]
    assert [message.id for message in checks.run_checks() if message.id.startswith("home.")] == []


def test_the_deploy_check_is_silent_when_both_are_there(monkeypatch):
    monkeypatch.setattr(
        pdf, "cjk_font_files", lambda: ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",)
    )
    monkeypatch.setattr(pdf, "harfbuzz_subset_available", lambda: True)

    assert deploy_warnings() == []


@pytest.mark.skipif(not shutil.which("fc-list"), reason="needs fontconfig's fc-list to compare with")
def test_fontconfig_lists_the_same_cjk_font_files_as_fc_list():
    listed = subprocess.run(  # noqa: S603
        [shutil.which("fc-list"), pdf.CJK_FONT_FAMILY, "file"], capture_output=True, text=True, check=True
    ).stdout
    expected = sorted({line.strip().rstrip(":") for line in listed.splitlines() if line.strip()})

    assert list(pdf.fontconfig_files(pdf.CJK_FONT_FAMILY)) == expected
