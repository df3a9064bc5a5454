"""Validators more than one room uses, and how the numbers they accept are shown."""

from urllib.parse import urlsplit

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

MAP_HOSTS = (
    "uri.amap.com",
    "www.amap.com",
    "amap.com",
    "ditu.amap.com",
    "map.baidu.com",
    "api.map.baidu.com",
)


def validate_map_url(value):
    """A map link opens in the apps people in China use: Amap or Baidu Maps, over https."""
    parts = urlsplit(value)
    if parts.scheme != "https" or parts.hostname not in MAP_HOSTS:
        raise ValidationError(_("Give an https link to Amap (amap.com) or Baidu Maps (map.baidu.com)."))


# A number that dials from a roaming phone anywhere: international E.164 form.
validate_e164_phone = RegexValidator(
    r"^\+[1-9]\d{6,14}$",
    _("Write the number in international E.164 form: a plus sign and 7 to 15 digits, e.g. +33149521950."),
)


def format_phone_for_display(number):
    """An E.164 number grouped the way its country writes it ("+66 2 555 0199"); anything the
    numbering plan does not recognise (a local short number, a typo) is shown exactly as given."""
    text = str(number or "")
    if not text.startswith("+"):
        return text
    try:
        parsed = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return text
    if not phonenumbers.is_valid_number(parsed):
        return text
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
