"""The printable emergency card: one PDF per destination and language, rendered when the facts change."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .facts import Destination


def card_path(card, filename):
    return f"emergency-cards/{card.destination.country.code.lower()}-{card.language}-{card.facts_version}.pdf"


class EmergencyCard(models.Model):
    destination = models.ForeignKey(Destination, on_delete=models.CASCADE, related_name="cards")
    language = models.CharField(_("language"), max_length=10)
    file = models.FileField(_("file"), upload_to=card_path)
    facts_version = models.CharField(max_length=64, help_text=_("A fingerprint of the facts it shows."))
    rendered_at = models.DateTimeField(_("rendered"), auto_now=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)

    class Meta:
        verbose_name = _("emergency card")
        verbose_name_plural = _("emergency cards")
        constraints = [
            models.UniqueConstraint(
                fields=["destination", "language"], name="one_emergency_card_per_language"
            )
        ]

    def __str__(self):
        return f"{self.destination} ({self.language})"
