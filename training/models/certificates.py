"""Certificates of completion and the seal printed on them.

A `Certificate` is one per `Completion` (made in the completion's transaction by
training.certificates.issue_certificate). Its verification code (16 characters from home.codes, 80
random bits, shown in groups of four) is what anyone may check at /verify/<code>/. The PDF lives in the
private storage (`STORAGES["private"]`, never under MEDIA_ROOT) and is served to its owner only. The
holder's name is kept as it was when the certificate was issued, as printed. A revoked certificate
stays, with who revoked it, when and why. Its status (valid, expired, revoked) is derived: revoked,
else the completion's valid-until (a Beijing calendar date).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from home.private_storage import private_storage
from home.times import in_beijing

from .records import Completion

CODE_LENGTH = 16  # 16 characters of a 32-letter alphabet: 80 random bits
CODE_GROUP = 4


def certificate_path(certificate, filename):
    return f"certificates/{certificate.code.lower()}.pdf"


def format_code(code):
    """XXXX-XXXX-XXXX-XXXX: how a code is printed and shown."""
    return "-".join(code[i : i + CODE_GROUP] for i in range(0, len(code), CODE_GROUP))


class Certificate(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    completion = models.OneToOneField(
        Completion, on_delete=models.CASCADE, related_name="certificate", verbose_name=_("completion")
    )
    code = models.CharField(_("verification code"), max_length=CODE_LENGTH, unique=True, editable=False)
    holder_name = models.CharField(_("name on the certificate"), max_length=150)
    holder_romanised_name = models.CharField(_("name in Latin letters"), max_length=150, blank=True)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    file = models.FileField(_("file"), storage=private_storage, upload_to=certificate_path, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    rendered_at = models.DateTimeField(_("rendered"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-id"]

    def __str__(self):
        return self.display_code

    @property
    def display_code(self):
        return format_code(self.code)

    def status_on(self, day=None):
        if self.revoked_at is not None:
            return self.Status.REVOKED
        day = day or in_beijing(timezone.now()).date()
        return self.Status.VALID if self.completion.is_valid_on(day) else self.Status.EXPIRED

    @property
    def status(self):
        return self.status_on()


@register_setting(icon="doc-full")
class TrainingSettings(BaseSiteSetting):
    """What certificates print besides the course and the learner: the seal and who signs."""

    seal = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("seal"),
        help_text=_("The office's seal, printed on certificates (a PNG with a transparent background)."),
    )
    signatory_name_zh = models.CharField(_("signatory's name (Chinese)"), max_length=60, blank=True)
    signatory_name_en = models.CharField(_("signatory's name (English)"), max_length=60, blank=True)
    signatory_title_zh = models.CharField(_("signatory's title (Chinese)"), max_length=120, blank=True)
    signatory_title_en = models.CharField(_("signatory's title (English)"), max_length=120, blank=True)

    panels = [
        FieldPanel("seal"),
        MultiFieldPanel(
            [
                FieldPanel("signatory_name_zh"),
                FieldPanel("signatory_name_en"),
                FieldPanel("signatory_title_zh"),
                FieldPanel("signatory_title_en"),
            ],
            heading=_("Signatory"),
        ),
    ]

    class Meta:
        verbose_name = _("training settings")
