"""Events: pages per language, and what is the same in every language (the Event), registrations,
invitations and walk-ins, keyed on the page's translation key so both languages fill one capacity."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.codes import new_code, new_token
from home.models import Audience
from home.search import SegmentedSearchMixin, stream_text
from home.validators import validate_map_url


def new_check_in_code():
    """A check-in code a volunteer at the door can type: 8 characters."""
    return new_code(8)


class EventType(models.TextChoices):
    EXHIBITION = "exhibition", _("Community exhibition")
    LECTURE = "lecture", _("Expert lecture")
    CAMPUS = "campus", _("Campus pre-departure session")
    COMPANY_VISIT = "company-visit", _("Company visit")
    ONLINE = "online", _("Online session")


class EventIndexPage(SegmentedSearchMixin, Page):
    """Upcoming and past events, filterable by type, audience and district; an iCalendar feed."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + SegmentedSearchMixin.search_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")

    def search_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        # The page views import these models: importing them at the top would be circular.
        from .page_views import event_index

        context = super().get_context(request, *args, **kwargs)
        context.update(event_index(request, self))
        return context


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=100)
    role = blocks.CharBlock(label=_("Role or affiliation"), max_length=200, required=False)

    class Meta:
        icon = "user"
        label = _("Speaker")


class EventPage(RoutablePageMixin, SegmentedSearchMixin, Page):
    """One event in one language. Times, place, capacity and registration rules are the same in every
    language (synchronised by wagtail-localize and mirrored into the shared `Event`)."""

    event_type = models.CharField(_("type"), max_length=20, choices=EventType.choices)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    district = models.CharField(
        _("district"),
        max_length=60,
        blank=True,
        help_text=_("Used to filter events, e.g. 东城区 / Dongcheng."),
    )
    map_url = models.URLField(_("map link (Amap or Baidu Maps)"), blank=True, validators=[validate_map_url])
    online_url = models.URLField(
        _("online joining link"),
        blank=True,
        help_text=_("Given only to registered people (email, My events)."),
    )
    speakers = StreamField([("speaker", SpeakerBlock())], blank=True, verbose_name=_("speakers"))
    audiences = ParentalManyToManyField(
        Audience, blank=True, related_name="events", verbose_name=_("audiences")
    )
    registration_required = models.BooleanField(_("registration needed"), default=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Places for all languages together; empty: no limit."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: at the start of the event.")
    )
    is_private = models.BooleanField(
        _("invitation only"),
        default=False,
        help_text=_("Not listed; open only to invited people and staff (e.g. a visit to one company)."),
    )
    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    report = StreamField(
        BodyBlock(), blank=True, verbose_name=_("after the event"), help_text=_("A summary with photos.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("event_type"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("When")),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("district"),
                FieldPanel("map_url"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("speakers"),
        FieldPanel("audiences"),
        MultiFieldPanel(
            [
                FieldPanel("registration_required"),
                FieldPanel("capacity"),
                FieldPanel("registration_opens_at"),
                FieldPanel("registration_closes_at"),
                FieldPanel("is_private"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("report"),
    ]
    search_fields = Page.search_fields + SegmentedSearchMixin.search_fields
    # Facts stay the same in every language: translators never edit them.
    override_translatable_fields = [
        SynchronizedField("event_type"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("map_url"),
        SynchronizedField("online_url"),
        SynchronizedField("district"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_required"),
        SynchronizedField("registration_opens_at"),
        SynchronizedField("registration_closes_at"),
        SynchronizedField("is_private"),
        TranslatableField("venue"),
        TranslatableField("address"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event page")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must come after the start.")
        if self.registration_closes_at and self.starts_at and self.registration_closes_at > self.starts_at:
            errors["registration_closes_at"] = _("Registration must close by the start of the event.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_opens_at >= self.registration_closes_at
        ):
            errors["registration_opens_at"] = _("Registration must open before it closes.")
        if errors:
            raise ValidationError(errors)

    def search_text(self):
        return " ".join([self.summary, self.venue, self.address, self.district, stream_text(self.body)])

    def get_indexed_instance(self):
        """Invitation-only events never reach the search index."""
        instance = super().get_indexed_instance()
        return None if instance is None or instance.is_private else instance

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().filter(is_private=False)

    @path("")
    def event_page(self, request):
        # The page views import these models: importing them at the top would be circular.
        from . import page_views

        return page_views.event_page(request, self)

    @path("register/")
    def register(self, request):
        from . import page_views  # as above

        return page_views.register(request, self)


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
