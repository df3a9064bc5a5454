"""What is the same in every language of an event (the `Event`), and what people make: registrations,
invitations and walk-ins, keyed on the Event so both languages fill one capacity. Nothing here
imports the page models, so the domain modules that read and write these records stay below the
pages and their views."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from home.codes import new_code, new_token

# A sentence or two: what the office writes when it cancels someone's registration (emailed to them).
CANCELLATION_REASON_MAX_LENGTH = 500


def new_check_in_code():
    """A check-in code a volunteer at the door can type: 8 characters."""
    return new_code(8)


class EventType(models.TextChoices):
    EXHIBITION = "exhibition", _("Community exhibition")
    LECTURE = "lecture", _("Expert lecture")
    CAMPUS = "campus", _("Campus pre-departure session")
    COMPANY_VISIT = "company-visit", _("Company visit")
    ONLINE = "online", _("Online session")


class Event(models.Model):
    """An event as one thing in every language: what registrations count against and keep.

    Mirrors the live source page (times, place, capacity) and keeps a snapshot of its title, so
    registrations, calendar files and check-in codes keep working after the page is unpublished or
    deleted. Row-locked when registering, cancelling and promoting (events/registration.py).
    """

    translation_key = models.UUIDField(unique=True)
    title = models.CharField(_("title"), max_length=255)
    event_type = models.CharField(_("type"), max_length=20, choices=EventType.choices)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("online joining link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    is_private = models.BooleanField(_("invitation only"), default=False)
    registration_required = models.BooleanField(_("registration needed"), default=True)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    has_live_page = models.BooleanField(
        _("published"), default=False, help_text=_("Whether a copy of its page is live in any language.")
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cancelled by"),
    )
    sequence = models.PositiveIntegerField(
        _("calendar sequence"), default=0, help_text=_("Raised whenever the time or place changes.")
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [
            ("check_in", _("Can check people in at events")),
            ("manage_registrations", _("Can see and export registrations and message registrants")),
        ]

    def __str__(self):
        return self.title

    @property
    def has_started(self):
        return timezone.now() >= self.starts_at


class Invitation(models.Model):
    """An invitation to a private event: a personal registration link."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="invitations")
    email = models.EmailField(_("email"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint("event", Lower("email"), name="one_invitation_per_email")]

    def __str__(self):
        return self.email


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations")
    name = models.CharField(pgettext_lazy("of a person", "name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    cancel_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    check_in_code = models.CharField(
        _("check-in code"), max_length=12, unique=True, default=new_check_in_code, editable=False
    )
    invitation = models.ForeignKey(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True, db_index=True)
    promoted_at = models.DateTimeField(_("promoted from the waitlist"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cancelled by"),
        help_text=_("The person themselves, or the staff member who cancelled it for them."),
    )
    cancellation_reason = models.CharField(
        _("reason for cancelling"),
        max_length=CANCELLATION_REASON_MAX_LENGTH,
        blank=True,
        help_text=_("Given by the staff member who cancelled it, and emailed to the person."),
    )
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~models.Q(status="cancelled"),
                name="one_live_registration_per_email",
            ),
            models.CheckConstraint(
                condition=models.Q(checked_in_at__isnull=True) | models.Q(status="confirmed"),
                name="only_confirmed_registrations_check_in",
            ),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"


class WalkIn(models.Model):
    """Someone who came without registering: counts as attended, takes no one's place."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="walk_ins")
    name = models.CharField(pgettext_lazy("of a person", "name"), max_length=100)
    email = models.EmailField(_("email"), blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), default=timezone.now)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("walk-in")
        verbose_name_plural = _("walk-ins")

    def __str__(self):
        return self.name
