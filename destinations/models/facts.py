"""Facts that keep people safe, stored once per destination and the same in every language."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from home.reader_language import in_reader_language
from home.validators import validate_e164_phone, validate_map_url

from ..levels import Region, RiskLevel

LOCAL_EMERGENCY_NUMBER = RegexValidator(
    r"^\+?\d{2,15}$", _("Digits only, as dialled in the country (e.g. 112), or in E.164 form.")
)


class VisaRequirement(models.TextChoices):
    VISA_FREE = "visa-free", _("Visa-free")
    VISA_ON_ARRIVAL = "on-arrival", _("Visa on arrival")
    E_VISA = "e-visa", _("E-visa")
    VISA_REQUIRED = "required", _("Visa required")


class Destination(ClusterableModel):
    """One country or region, keyed by its ISO 3166 code; prose lives in its DestinationPage per language."""

    country = CountryField(_("country or region"), unique=True, help_text=_("ISO 3166 code."))
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    risk_level = models.PositiveSmallIntegerField(
        _("risk level"), choices=RiskLevel.choices, default=RiskLevel.NONE
    )
    police_number = models.CharField(
        _("police"), max_length=16, blank=True, validators=[LOCAL_EMERGENCY_NUMBER]
    )
    ambulance_number = models.CharField(
        _("ambulance"), max_length=16, blank=True, validators=[LOCAL_EMERGENCY_NUMBER]
    )
    fire_number = models.CharField(_("fire"), max_length=16, blank=True, validators=[LOCAL_EMERGENCY_NUMBER])
    visa_requirement = models.CharField(
        _("visa for Chinese citizens (ordinary passport)"),
        max_length=12,
        choices=VisaRequirement.choices,
        default=VisaRequirement.VISA_REQUIRED,
    )
    visa_free_days = models.PositiveSmallIntegerField(_("days allowed without a visa"), null=True, blank=True)
    passport_validity_months = models.PositiveSmallIntegerField(
        _("passport validity needed (months beyond the stay)"), null=True, blank=True
    )
    entry_rules_checked_on = models.DateField(_("entry rules last checked on"), null=True, blank=True)
    review_by = models.DateField(
        _("review advice by"),
        null=True,
        blank=True,
        help_text=_("Editors see when the advice is due for review."),
    )
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_("Made-up facts for the demonstration site; readers are told so."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("destination")
        verbose_name_plural = _("destinations")
        # No default ordering: modelcluster sorts in Python, and Country objects do not compare.
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visa_free_days__isnull=True)
                | models.Q(visa_requirement=VisaRequirement.VISA_FREE),
                name="destination_visa_free_days_only_when_visa_free",
            )
        ]

    def __str__(self):
        return str(self.country.name)

    def clean(self):
        super().clean()
        if self.visa_free_days is not None and self.visa_requirement != VisaRequirement.VISA_FREE:
            raise ValidationError({"visa_free_days": _("Days allowed apply only to visa-free entry.")})


class ConsularContact(Orderable):
    """A Chinese embassy or consulate serving the destination."""

    class Kind(models.TextChoices):
        EMBASSY = "embassy", _("Embassy")
        CONSULATE_GENERAL = "consulate-general", _("Consulate-General")
        CONSULATE = "consulate", _("Consulate")
        OFFICE = "office", _("Office")

    destination = ParentalKey(Destination, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.EMBASSY)
    name_zh = models.CharField(_("name (Chinese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=160)
    address = models.CharField(_("address"), max_length=300)
    phone = models.CharField(_("phone"), max_length=16, validators=[validate_e164_phone])
    emergency_phone = models.CharField(
        _("24-hour consular protection phone"), max_length=16, validators=[validate_e164_phone]
    )
    email = models.EmailField(_("email"), blank=True)
    hours_zh = models.CharField(_("opening hours (Chinese)"), max_length=200, blank=True)
    hours_en = models.CharField(_("opening hours (English)"), max_length=200, blank=True)
    map_url = models.URLField(
        _("map link (Amap or Baidu Maps)"), max_length=500, blank=True, validators=[validate_map_url]
    )

    class Meta(Orderable.Meta):
        verbose_name = _("embassy or consulate")
        verbose_name_plural = _("embassies and consulates")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return in_reader_language(self.name_zh, self.name_en)

    @property
    def hours(self):
        return in_reader_language(self.hours_zh, self.hours_en)


class ChangeNote(models.Model):
    """A public note of what changed in a destination's facts; minor changes record none."""

    destination = models.ForeignKey(
        Destination, on_delete=models.PROTECT, related_name="change_notes", verbose_name=_("destination")
    )
    summary_zh = models.CharField(_("what changed (Chinese)"), max_length=300, blank=True)
    summary_en = models.CharField(_("what changed (English)"), max_length=300, blank=True)
    risk_level = models.PositiveSmallIntegerField(_("risk level"), choices=RiskLevel.choices)
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("change note")
        verbose_name_plural = _("change notes")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(summary_zh="", summary_en=""), name="change_note_has_a_summary"
            )
        ]

    def __str__(self):
        return self.summary

    @property
    def summary(self):
        return in_reader_language(self.summary_zh, self.summary_en)

    def summary_in(self, language):
        return in_reader_language(self.summary_zh, self.summary_en, language)
