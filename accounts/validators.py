"""What a romanised name may hold: the name as a university or an employer abroad reads it."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Between the letters: spaces, hyphens, apostrophes (straight or typographic) and periods.
ROMANISED_NAME_PUNCTUATION = frozenset(" -'’.")
_SPACES = re.compile(r"\s+")


def is_latin_letter(character):
    """A letter of the Latin script, accented or not ("a", "É", "ü", "ø", "ß"), or a combining accent."""
    if unicodedata.category(character) in {"Mn", "Mc"}:
        return unicodedata.name(character, "").startswith("COMBINING")
    return unicodedata.category(character).startswith("L") and unicodedata.name(character, "").startswith(
        "LATIN "
    )


def normalise_romanised_name(value):
    """The name composed (NFC, so "e" plus a combining accent is one "é") with its spaces collapsed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value or "")).strip()


def validate_romanised_name(value):
    """Latin letters (accents allowed) with spaces, hyphens, apostrophes and periods, and at least
    one letter: "Zhang San", "Lǚ Xiǎo-Míng", "O'Brien", "J. R. Müller"."""
    value = normalise_romanised_name(value)
    if not value:
        return
    allowed = all(is_latin_letter(c) or c in ROMANISED_NAME_PUNCTUATION for c in value)
    if not allowed or not any(is_latin_letter(c) for c in value):
        raise ValidationError(
            _(
                "Write your name in Latin letters (accents are fine), with only spaces, hyphens, "
                "apostrophes and full stops between them, for example “Zhang San”."
            ),
            code="romanised_name",
        )
