"""Forms of the alert subscription: subscribe (email and choices) and preferences (choices only)."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from home.text_input import ControlCharactersStripped

from .models import Destination
from .names import destination_match_texts, names_in_every_language, sorted_by_name
from .subscriptions import Choices

EMAIL_MAX_LENGTH = 254


def destination_choices():
    """(ISO code, name in the reader's language) for every destination, A–Z by name: one query."""
    codes = Destination.objects.values_list("country", flat=True)
    places = [(str(code), str(Destination(country=code).country.name)) for code in codes]
    return sorted_by_name(places, lambda place: place[1], translation.get_language() or "zh-hans")


class DestinationCheckboxes(forms.CheckboxSelectMultiple):
    """A checkbox per destination, each carrying what a reader may type to find it (Chinese and
    English names, ISO code, pinyin), for the type-to-find picker (static/js/destination-picker.js)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.match_texts = {}

    def set_match_texts(self, codes):
        rows = [(*names_in_every_language(Destination(country=code).country), code) for code in codes]
        self.match_texts = dict(zip(codes, destination_match_texts(rows), strict=True))

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value in self.match_texts:
            option["attrs"]["data-match"] = self.match_texts[value]
        return option


class ChoicesForm(ControlCharactersStripped, forms.Form):
    """Destinations (or all of them) and the language of the emails."""

    all_destinations = forms.BooleanField(
        label=_("All destinations"),
        required=False,
        help_text=_("Every safety alert, for every country or region."),
    )
    destinations = forms.MultipleChoiceField(
        label=_("Destinations"),
        required=False,
        widget=DestinationCheckboxes,
        error_messages={"invalid_choice": _("Choose destinations from the list.")},
    )
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = destination_choices()
        self.fields["destinations"].choices = choices
        self.fields["destinations"].widget.set_match_texts([code for code, _name in choices])
        if not self.is_bound and "language" not in self.initial:
            self.initial["language"] = (translation.get_language() or settings.LANGUAGE_CODE).lower()

    def clean(self):
        cleaned = super().clean()
        if "destinations" in self.errors:
            return cleaned
        if not cleaned.get("all_destinations") and not cleaned.get("destinations"):
            raise forms.ValidationError(
                _("Choose at least one destination, or “All destinations”."), code="no_destination"
            )
        return cleaned

    def picker_texts(self):
        """Words the picker's script fills in: "%(count)s" matches as one types, "%(name)s" a place."""
        return {
            "count_one": ngettext("%(count)s destination matches", "%(count)s destinations match", 1),
            "count_other": ngettext("%(count)s destination matches", "%(count)s destinations match", 2),
            "remove": gettext("Remove %(name)s"),
        }

    def choices(self):
        data = self.cleaned_data
        every = bool(data["all_destinations"])
        return Choices(
            language=data["language"],
            all_destinations=every,
            codes=() if every else tuple(data["destinations"]),
        )


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _("Please enter a valid email address, such as name@example.com."),
            "max_length": _("This email address is too long."),
        },
    )

    field_order = ["email", "all_destinations", "destinations", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})


class PreferencesForm(ChoicesForm):
    """The subscription's choices; `trip_ends` ({ISO code: last day}) names the destinations followed
    for a trip with their last day, so a reader sees which ones stop by themselves."""

    def __init__(self, *args, trip_ends=None, **kwargs):
        super().__init__(*args, **kwargs)
        if trip_ends:
            self.fields["destinations"].choices = [
                (code, until_label(name, trip_ends[code]) if code in trip_ends else name)
                for code, name in self.fields["destinations"].choices
            ]


def until_label(name, last_day):
    """ "France (until 12 January 2027)": a destination followed for a trip, with its last day."""
    return gettext("%(name)s (until %(date)s)") % {"name": name, "date": date_format(last_day, "DATE_FORMAT")}
