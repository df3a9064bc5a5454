import pytest
from django.core.exceptions import ValidationError

from organizations.credit_code import is_valid, validate_credit_code
from tests.organizations.factories import credit_code


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y43",
        "91110000600037341L",
        "91 3501-00M000100Y43",
        "91350100m000100y43",
        credit_code(7),
    ],
)
def test_valid_codes(code):
    assert is_valid(code)
    validate_credit_code(code)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91350100M000100Y44", "check"),  # one character off at the end
        ("91350100M000100Y4", "length"),
        ("91350100M000100Y433", "length"),
        ("", "length"),
        ("91350100MO00100Y43", "alphabet"),  # a letter O where a zero belongs
        ("91350100M0001００Y43", "alphabet"),  # full-width digits
    ],
)
def test_invalid_codes_say_why(code, reason):
    assert not is_valid(code)
    with pytest.raises(ValidationError) as raised:
        validate_credit_code(code)
    assert raised.value.code == reason


def test_swapped_characters_are_caught():
    code = "91350100M000100Y43"
    swapped = code[:3] + code[4] + code[3] + code[5:]
    assert swapped != code
    assert not is_valid(swapped)
