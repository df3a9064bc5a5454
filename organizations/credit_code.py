"""The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character
alphabet (digits and capitals without I, O, S, V, Z); the last is a check character over the first 17,
weighted by powers of 3 modulo 31."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [pow(3, position, 31) for position in range(17)]
LENGTH = 18


def check_character(first_17):
    total = sum(ALPHABET.index(char) * weight for char, weight in zip(first_17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def normalise(value):
    """Capitals, without spaces or dashes people copy along."""
    return "".join(char for char in (value or "").upper() if char not in " -\u3000")


def is_valid(value):
    code = normalise(value)
    return (
        len(code) == LENGTH
        and all(char in ALPHABET for char in code)
        and code[-1] == check_character(code[:17])
    )


def validate_credit_code(value):
    code = normalise(value)
    if len(code) != LENGTH:
        raise ValidationError(
            _("A unified social credit code has 18 characters; this one has %(count)s."),
            code="length",
            params={"count": len(code)},
        )
    if any(char not in ALPHABET for char in code):
        raise ValidationError(
            _(
                "A unified social credit code uses only digits and capital letters "
                "other than I, O, S, V and Z."
            ),
            code="alphabet",
        )
    if code[-1] != check_character(code[:17]):
        raise ValidationError(
            _(
                "This unified social credit code's last character does not match: "
                "please check it on the business licence."
            ),
            code="check",
        )
