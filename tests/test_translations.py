"""The Chinese catalogues are complete, and each committed .mo says what its .po says.

Ours (locale/zh_Hans, extracted by makemessages) and the admin's override catalogues
(locale/overrides: Chinese for what Wagtail, wagtail-localize and wagtailmedia leave untranslated or
translate wrongly, written by hand and first in LOCALE_PATHS)."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
OVERRIDES = Path(settings.BASE_DIR) / "locale" / "overrides" / "zh_Hans" / "LC_MESSAGES"
CATALOGUES = [PO, OVERRIDES / "django.po", OVERRIDES / "djangojs.po"]
catalogues = pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: str(po.relative_to(settings.BASE_DIR)))


def po_entries(po=PO):
    """(msgctxt, msgid, [msgstr...], flags) for every entry of the .po file."""
    entries, current, field = [], None, None
    for line in po.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if current and "msgid" in current:
                entries.append(current)
            current, field = None, None
            continue
        if current is None:
            current = {"flags": "", "msgstr": {}}
        if line.startswith("#,"):
            current["flags"] += line
        elif line.startswith("#"):
            continue
        else:
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
            if match:
                field = match.group(1)
                value = ast.literal_eval(match.group(3))
            else:
                value = ast.literal_eval(line.strip())
            if field.startswith("msgstr"):
                current["msgstr"][field] = current["msgstr"].get(field, "") + value
            else:
                current[field] = current.get(field, "") + value
    return [e for e in entries if e["msgid"]]  # the header has an empty msgid


@catalogues
def test_every_entry_is_translated_and_none_is_fuzzy(po):
    entries = po_entries(po)
    assert len(entries) > 20
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values()) or not e["msgstr"]]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


@catalogues
def test_committed_mo_matches_the_po(po):
    with po.with_suffix(".mo").open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    for entry in po_entries(po):
        key = entry["msgid"] if "msgctxt" not in entry else f"{entry['msgctxt']}\x04{entry['msgid']}"
        if "msgid_plural" in entry:
            assert catalog.get((key, 0)) == entry["msgstr"]["msgstr[0]"], entry["msgid"]
        else:
            assert catalog.get(key) == entry["msgstr"]["msgstr"], entry["msgid"]


@catalogues
def test_the_chinese_interface_speaks_in_one_voice(po):
    """The portal addresses people as 您 and writes Chinese labels with full-width colons (GLOSSARY.md,
    "Voice"): no 你, and no ASCII colon right after a Chinese character."""
    informal, half_width_colons = [], []
    for entry in po_entries(po):
        for text in entry["msgstr"].values():
            if "你" in text:
                informal.append(text)
            if re.search(r"[\u4e00-\u9fff）]:", text):
                half_width_colons.append(text)
    assert informal == []
    assert half_width_colons == []


def test_no_template_puts_a_half_width_colon_after_a_translated_label():
    """'Phone: ' comes out as '电话: ' in Chinese: the colon belongs inside the msgid ('Phone:', '电话：')."""
    templates = Path(settings.BASE_DIR) / "templates"
    offenders = [
        f"{path.relative_to(templates)}:{number}"
        for path in templates.rglob("*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\{% (?:translate|trans) \"[^\"]+\"[^%]*%\}:", line)
    ]
    assert offenders == []
