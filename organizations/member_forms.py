"""Forms of the members part: a manager's changes to members, join links, joining, uploads."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.text_input import ControlCharactersStripped, refuse_hidden_text

from .imports import MAX_BYTES
from .models import Membership

GROUP_LENGTH = Membership._meta.get_field("group_label").max_length
NUMBER_LENGTH = Membership._meta.get_field("member_number").max_length
NAME_LENGTH = Membership._meta.get_field("name").max_length


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name, email, group or number"), required=False, max_length=100)


class AddManagerForm(ControlCharactersStripped, forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        error_messages={
            "required": _("Please enter an email address."),
            "invalid": _("Please enter a valid email address."),
        },
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_LENGTH,
        required=False,
        validators=[refuse_hidden_text],
        help_text=_("Needed when the person has no account yet: they are invited by email."),
    )


class MemberDetailsForm(ControlCharactersStripped, forms.Form):
    group_label = forms.CharField(
        label=_("Group (class or department)"),
        max_length=GROUP_LENGTH,
        required=False,
        validators=[refuse_hidden_text],
    )
    member_number = forms.CharField(
        label=_("Staff or student number"),
        max_length=NUMBER_LENGTH,
        required=False,
        validators=[refuse_hidden_text],
    )
    birth_year = forms.IntegerField(label=_("Birth year"), required=False, min_value=1900)
    under_14 = forms.BooleanField(label=_("Under 14 (a guardian's consent is needed)"), required=False)

    def __init__(self, *args, school=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["birth_year"].max_value = timezone.localdate().year
        self.fields["birth_year"].widget.attrs["max"] = timezone.localdate().year
        if not school:
            del self.fields["under_14"]
            del self.fields["birth_year"]

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        if year is not None and year > timezone.localdate().year:
            raise forms.ValidationError(_("A birth year cannot be in the future."))
        return year


class GuardianConsentForm(ControlCharactersStripped, forms.Form):
    guardian_name = forms.CharField(
        label=_("Name of the guardian who consented"),
        max_length=Membership._meta.get_field("guardian_name").max_length,
        validators=[refuse_hidden_text],
        error_messages={"required": _("Please enter the guardian's name.")},
    )
    confirmed = forms.BooleanField(
        label=_("I have received this guardian's consent for the member to join."),
        error_messages={"required": _("Please confirm that you have received the consent.")},
    )


class JoinLinkForm(ControlCharactersStripped, forms.Form):
    group_label = forms.CharField(
        label=_("Group (leave empty for the whole organisation)"),
        max_length=GROUP_LENGTH,
        required=False,
        validators=[refuse_hidden_text],
    )


class JoinForm(forms.Form):
    under_14 = forms.BooleanField(
        label=_("I am under 14 (my school records my guardian's consent before I join)"), required=False
    )

    def __init__(self, *args, school=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not school:
            del self.fields["under_14"]


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Join code"),
        max_length=20,
        error_messages={"required": _("Please enter the join code.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update({"autocomplete": "off", "autocapitalize": "characters"})


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Member list (CSV or XLSX)"),
        error_messages={"required": _("Please choose a file."), "empty": _("The file is empty.")},
        help_text=_("Up to 5 MB and 10,000 people."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = (
            ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )


__all__ = ["MAX_BYTES"]
