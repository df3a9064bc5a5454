"""A learner's trip: where and when they go abroad, for trip readiness on "My learning"
(training/trips.py). The destination is an ISO 3166 code (django-countries, named as
COUNTRIES_OVERRIDE names it); the dates are Beijing calendar dates."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Trip(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trips", verbose_name=_("traveller")
    )
    destination = CountryField(_("destination"))
    departs_on = models.DateField(_("departure date"))
    returns_on = models.DateField(_("return date"))
    created_at = models.DateTimeField(_("entered"), default=timezone.now)

    class Meta:
        verbose_name = _("trip")
        verbose_name_plural = _("trips")
        ordering = ["departs_on", "id"]
        constraints = [
            # A form sent twice makes one trip.
            models.UniqueConstraint(
                fields=["user", "destination", "departs_on", "returns_on"], name="training_one_trip_each"
            ),
            models.CheckConstraint(
                condition=models.Q(returns_on__gte=models.F("departs_on")), name="training_trip_returns_after"
            ),
        ]

    def __str__(self):
        return f"{self.user_id} / {self.destination} {self.departs_on}–{self.returns_on}"
