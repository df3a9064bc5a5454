"""The event pages, one per language: the index of upcoming and past events, and an event. Times,
place, capacity and registration rules are synchronised between languages and mirrored into the
shared `Event` (events/sync.py). The pages hand their requests to events/page_views.py."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import Audience, SectionIndexPage, Topic
from home.search import SegmentedSearchMixin, stream_text
from home.validators import validate_map_url

from .. import page_views
from ..districts import district_choices, district_search_text
from .records import EventType


class TopicsInPageLanguageForm(WagtailAdminPageForm):
    """Offers only the topics of the page's own language (as for articles and cases)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or (self.parent_page.locale_id if self.parent_page else None)
        if "topics" in self.fields and locale_id:
            self.fields["topics"].queryset = Topic.objects.filter(locale_id=locale_id)


class EventIndexPage(SectionIndexPage):
    """Upcoming and past events, filterable by type, audience and district; an iCalendar feed."""

    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def event_pages(self):
        """Its live, public (not invitation-only) event pages."""
        return EventPage.objects.live().child_of(self).filter(is_private=False)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_views.event_index(request, self))
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
        choices=district_choices,
        help_text=_("Used to filter events; shown in each reader's language."),
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
    topics = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="events",
        verbose_name=_("topics"),
        help_text=_("Articles and cases on these topics show this event to their readers."),
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
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
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
    search_kind = _("Event")
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
    base_form_class = TopicsInPageLanguageForm

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

    def search_result_date(self):
        return self.starts_at

    def search_text(self):
        district = district_search_text(self.district)
        return " ".join([self.summary, self.venue, self.address, district, stream_text(self.body)])

    def get_indexed_instance(self):
        """Invitation-only events never reach the search index."""
        instance = super().get_indexed_instance()
        return None if instance is None or instance.is_private else instance

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().filter(is_private=False)

    @path("")
    def event_page(self, request):
        return page_views.event_page(request, self)

    @path("register/")
    def register(self, request):
        return page_views.register(request, self)
