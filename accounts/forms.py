from allauth.account.forms import SignupForm
from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .models import User
from .validators import normalise_romanised_name

# Every check a person's name gets beyond being there: the functions registered under this hook, on
# every form here that takes a name. home registers home.text_input.refuse_hidden_text (no line breaks
# or direction controls); accounts may not import home.
NAME_VALIDATORS = "name_validators"


def check_name_field(form, field_name="name"):
    form.fields[field_name].validators.extend(hooks.get_hooks(NAME_VALIDATORS))


class PortalSignupForm(SignupForm):
    """allauth's sign-up plus name, preferred language and consent to the privacy notice."""

    name = forms.CharField(label=_("Name"), max_length=150)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    accept_privacy_notice = forms.BooleanField(
        label=_("I have read and agree to the privacy notice."),
        error_messages={"required": _("Please agree to the privacy notice to create an account.")},
    )

    field_order = ["name", "email", "password1", "password2", "preferred_language", "accept_privacy_notice"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        check_name_field(self)
        self.fields["preferred_language"].initial = (get_language() or settings.LANGUAGE_CODE).lower()

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Please enter your name."))
        return name

    def save(self, request):
        # The user, their email address record and their consent are written together or not at all.
        with transaction.atomic():
            return super().save(request)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "romanised_name", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        check_name_field(self)
        check_name_field(self, "romanised_name")
        self.fields["romanised_name"].widget.attrs["spellcheck"] = "false"

    def clean_romanised_name(self):
        return normalise_romanised_name(self.cleaned_data["romanised_name"])

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Please enter your name."))
        return name
