"""The registration form of an event: name and email, optionally phone and organisation."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.text_input import ControlCharactersStripped, RefuseHiddenText, refuse_hidden_text

from .models.records import Registration

NAME_MAX_LENGTH = Registration._meta.get_field("name").max_length
EMAIL_MAX_LENGTH = Registration._meta.get_field("email").max_length
PHONE_MAX_LENGTH = Registration._meta.get_field("phone").max_length
ORGANISATION_MAX_LENGTH = Registration._meta.get_field("organisation").max_length

# Digits with an optional leading +, and the spaces, dashes, dots and brackets people type between them.
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ().\-]{4,}$")


def readable_text(value):
    """Refuse text that arrived garbled (undecodable bytes become U+FFFD) or carries control characters."""
    if "\ufffd" in value or any(unicodedata.category(char) in ("Cc", "Cs", "Co") for char in value):
        raise ValidationError(
            _("This text contains characters that could not be read. Please type it again."),
            code="unreadable",
        )


class RegistrationForm(ControlCharactersStripped, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX_LENGTH,
        validators=[readable_text, refuse_hidden_text],
        error_messages={
            "required": _("Please enter your name."),
            "max_length": _("Please shorten your name to %(limit_value)d characters."),
        },
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("We send your confirmation, calendar file and reminder here."),
        validators=[readable_text],
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _("Please enter a valid email address, such as name@example.com."),
            "max_length": _("This email address is too long."),
        },
    )
    phone = forms.CharField(
        label=_("Mobile phone (optional)"),
        max_length=PHONE_MAX_LENGTH,
        required=False,
        help_text=_("Only used by the office to reach you about this event."),
        validators=[readable_text],
        error_messages={"max_length": _("This phone number is too long.")},
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=ORGANISATION_MAX_LENGTH,
        required=False,
        help_text=_("Your company, school or community, if you come with one."),
        validators=[
            readable_text,
            RefuseHiddenText(
                _(
                    "An organisation's name cannot contain line breaks or characters that change the "
                    "direction of text."
                )
            ),
        ],
        error_messages={
            "max_length": _("Please shorten the organisation's name to %(limit_value)d characters.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})
        self.fields["phone"].widget = forms.TextInput(
            attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel", "maxlength": PHONE_MAX_LENGTH}
        )
        self.fields["organisation"].widget.attrs.update({"autocomplete": "organization"})

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if phone and not PHONE_PATTERN.match(phone):
            raise ValidationError(
                _("Please enter a phone number with digits only, such as +86 138 0000 0000."),
                code="invalid_phone",
            )
        return phone
