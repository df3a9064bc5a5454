"""The forms of applying for an organisation and of a service request (organizations/application_views.py)."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from home.models import Topic
from home.text_input import ControlCharactersStripped, RefuseHiddenText

from .credit_code import normalise, validate_credit_code
from .models import Organization, ServiceRequest

Kind = Organization.Kind
MAX_AUDIENCE = 100000
APPLIED_ALREADY = _(
    "An organisation with this credit code has applied already; please ask its manager to add you."
)


class ApplicationForm(ControlCharactersStripped, forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["kind", "name", "credit_code", "contact_name", "contact_email", "contact_phone"]
        labels = {
            "kind": _("Kind of organisation"),
            "name": _("Name of the organisation"),
            "credit_code": _("Unified social credit code"),
            "contact_name": _("Contact person"),
            "contact_email": _("Contact email"),
            "contact_phone": _("Contact phone"),
        }
        help_texts = {
            "credit_code": _("18 characters, on the business licence. Needed for companies."),
            "contact_phone": _("In international form, e.g. +862161234567."),
        }
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model's validator runs on the normalised code in clean_credit_code, not on what was typed.
        self.fields["credit_code"].validators = []
        self.fields["credit_code"].max_length = 40
        self.fields["credit_code"].widget.attrs["maxlength"] = 40
        self.fields["credit_code"].widget.attrs["autocapitalize"] = "characters"
        self.fields["contact_phone"].widget.attrs["inputmode"] = "tel"
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        for name in ("name", "contact_name"):
            self.fields[name].validators.append(RefuseHiddenText())

    def clean_credit_code(self):
        code = normalise(self.cleaned_data.get("credit_code"))
        if code:
            validate_credit_code(code)
        return code

    def clean(self):
        cleaned = super().clean()
        code = cleaned.get("credit_code")
        if cleaned.get("kind") == Kind.COMPANY and not code and "credit_code" not in self.errors:
            self.add_error("credit_code", _("A company gives its unified social credit code."))
        elif code and Organization.objects.filter(credit_code=code).exclude(status="rejected").exists():
            self.add_error("credit_code", APPLIED_ALREADY)
        return cleaned

    def validate_unique(self):
        """The credit code's uniqueness is checked above, in words for the applicant."""


class ServiceRequestForm(ControlCharactersStripped, forms.ModelForm):
    class Meta:
        model = ServiceRequest
        fields = ["kind", "preferred_dates", "audience_size", "topics", "notes"]
        labels = {
            "kind": _("What would you like?"),
            "preferred_dates": _("Preferred dates"),
            "audience_size": _("Expected audience"),
            "topics": _("Topics"),
            "notes": _("Anything else we should know"),
        }
        help_texts = {
            "preferred_dates": _("For example: a weekday afternoon in the second half of March."),
            "audience_size": _("About how many people will attend."),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "topics": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.filter(locale__language_code=language).order_by("name")
        audience = self.fields["audience_size"]
        audience.validators += [MinValueValidator(1), MaxValueValidator(MAX_AUDIENCE)]
        audience.widget.attrs.update({"min": 1, "max": MAX_AUDIENCE})
        self.fields["preferred_dates"].validators.append(RefuseHiddenText())
