"""Email alert subscriptions, the fan-outs that send alerts, and the one delivery each subscriber gets."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from home.codes import new_token

from .facts import ChangeNote, Destination


class AlertSubscription(models.Model):
    """One email address; double opt-in; its token (never expiring) unsubscribes and manages it."""

    email = models.EmailField(_("email"), max_length=254)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    all_destinations = models.BooleanField(_("all destinations"), default=False)
    destinations = models.ManyToManyField(
        Destination,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("destinations"),
        through="FollowedDestination",
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        constraints = [models.UniqueConstraint(Lower("email"), name="alert_subscription_unique_email")]

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None


class FollowedDestination(models.Model):
    """One destination of a subscription: followed for good (no end), or for a trip until `ends_on`.

    `ends_on` is a Beijing calendar date, the last day alerts for it are sent (subscriptions.py says
    how trips merge: a destination followed for good is never given an end; a later trip only extends).
    """

    subscription = models.ForeignKey(AlertSubscription, on_delete=models.CASCADE, related_name="followed")
    destination = models.ForeignKey(Destination, on_delete=models.CASCADE, related_name="followers")
    ends_on = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Empty: followed for good, not only for a trip.")
    )

    class Meta:
        verbose_name = _("followed destination")
        verbose_name_plural = _("followed destinations")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "destination"], name="followed_destination_once_per_subscription"
            )
        ]

    def __str__(self):
        return f"{self.subscription} · {self.destination}"


class AlertConfirmation(models.Model):
    """One confirmation link sent to a subscription's address: the choices asked for, behind a random token.

    The link carries only the token, never the address. It works for a few days
    (subscriptions.CONFIRM_MAX_AGE) and applies its choices once; opened again it changes nothing.
    """

    subscription = models.ForeignKey(
        AlertSubscription, on_delete=models.CASCADE, related_name="confirmations"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    all_destinations = models.BooleanField(_("all destinations"), default=False)
    destinations = models.ManyToManyField(
        Destination, blank=True, related_name="+", verbose_name=_("destinations")
    )
    # A trip's confirmation: its destinations are followed until this Beijing date, merged into the
    # subscription (subscriptions.follow_for_trip); empty for the subscribe form's, which are for good.
    ends_on = models.DateField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert subscription confirmation")
        verbose_name_plural = _("alert subscription confirmations")

    def __str__(self):
        return f"{self.subscription} · {self.created_at:%Y-%m-%d}"


class AlertFanout(models.Model):
    """Sending one alert (by translation key) or one change note to every confirmed subscriber of it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        STOPPED = "stopped", _("Stopped")
        DONE = "done", _("Done")

    alert_key = models.UUIDField(_("alert (translation key)"), null=True, blank=True, unique=True)
    change_note = models.OneToOneField(
        ChangeNote, null=True, blank=True, on_delete=models.PROTECT, related_name="fanout"
    )
    title = models.CharField(_("title"), max_length=255)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    sent = models.PositiveIntegerField(_("emails queued"), default=0)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    stopped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("alert sending")
        verbose_name_plural = _("alert sendings")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(alert_key__isnull=True, change_note__isnull=False)
                | models.Q(alert_key__isnull=False, change_note__isnull=True),
                name="alert_fanout_is_for_an_alert_or_a_change",
            )
        ]

    def __str__(self):
        return self.title


class AlertDelivery(models.Model):
    """That one subscription was sent one alert or change note: never twice."""

    subscription = models.ForeignKey(AlertSubscription, on_delete=models.CASCADE, related_name="deliveries")
    fanout = models.ForeignKey(AlertFanout, on_delete=models.PROTECT, related_name="deliveries")
    alert_key = models.UUIDField(null=True, blank=True)
    change_note = models.ForeignKey(
        ChangeNote, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "alert_key"],
                condition=models.Q(alert_key__isnull=False),
                name="alert_delivery_once_per_alert",
            ),
            models.UniqueConstraint(
                fields=["subscription", "change_note"],
                condition=models.Q(change_note__isnull=False),
                name="alert_delivery_once_per_change",
            ),
        ]

    def __str__(self):
        return f"{self.subscription} · {self.fanout}"
