"""The pages of the destinations room: prose per language around the shared facts, and safety alerts."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from home.blocks import BodyBlock
from home.models import SectionIndexPage
from home.search import SegmentedSearchMixin, stream_text
from home.site_cache import cached_per_language
from home.visibility import public

from ..alerts import AlertEntry
from ..levels import RiskLevel
from ..permissions import AlertPermissionTester
from .facts import Destination


def country_names(country):
    """The country's name in every language of the site, and its code: either language's name finds it."""
    names = [country.code]
    for language_code, _name in settings.LANGUAGES:
        with translation.override(language_code):
            names.append(str(country.name))
    return names


PROSE = {"features": ["bold", "italic", "link", "ol", "ul", "h3"]}


class DestinationIndexPage(SectionIndexPage):
    """Every destination A–Z and by region, with its current level; filters by level."""

    subpage_types = ["destinations.DestinationPage"]

    class Meta:
        verbose_name = _("destination index page")

    def get_context(self, request, *args, **kwargs):
        # The page's views import this module: the one import allowed back, when a request comes.
        from ..listing import destination_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(destination_index_context(self, request))
        return context


class DestinationPage(SegmentedSearchMixin, Page):
    """The prose about one destination in one language; its facts come from the shared Destination."""

    destination = models.ForeignKey(
        Destination,
        on_delete=models.PROTECT,
        related_name="pages",
        verbose_name=_("destination"),
        help_text=_("The facts (level, numbers, contacts, entry rules) are edited under Destinations."),
    )
    summary = models.TextField(_("summary"), max_length=400)
    safety_and_security = RichTextField(_("safety and security"), blank=True, **PROSE)
    local_laws = RichTextField(_("local laws and customs"), blank=True, **PROSE)
    health = RichTextField(_("health"), blank=True, **PROSE)
    money = RichTextField(_("money"), blank=True, **PROSE)
    other_entry_requirements = RichTextField(_("other entry requirements"), blank=True, **PROSE)

    content_panels = Page.content_panels + [
        HelpPanel(
            content=_(
                "The risk level, emergency numbers, embassy contacts and entry rules are shared by "
                "every language and edited under Destinations, so readers always see the same facts."
            )
        ),
        FieldPanel("destination"),
        FieldPanel("summary"),
        FieldPanel("safety_and_security"),
        FieldPanel("local_laws"),
        FieldPanel("health"),
        FieldPanel("money"),
        FieldPanel("other_entry_requirements"),
    ]
    search_fields = Page.search_fields + SegmentedSearchMixin.search_fields
    search_kind = _("Destination")
    parent_page_types = ["destinations.DestinationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("destination page")

    def clean(self):
        super().clean()
        if not self.destination_id:
            return
        same = DestinationPage.objects.filter(destination_id=self.destination_id, locale_id=self.locale_id)
        if self.pk:
            same = same.exclude(pk=self.pk)
        if same.exists():
            raise ValidationError({"destination": _("This destination already has a page in this language.")})

    def search_text(self):
        names = country_names(self.destination.country) if self.destination_id else []
        return " ".join(
            [
                *names,
                self.summary,
                self.safety_and_security,
                self.local_laws,
                self.health,
                self.money,
                self.other_entry_requirements,
            ]
        )

    def get_context(self, request, *args, **kwargs):
        # The page's views import this module: the one import allowed back, when a request comes.
        from ..listing import destination_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(destination_page_context(self, request))
        return context


class AlertIndexPage(SectionIndexPage):
    """Active safety alerts first, then the archive of past ones; offers the alert subscription."""

    subpage_types = ["destinations.SafetyAlertPage"]

    class Meta:
        verbose_name = _("safety alert index page")

    def permissions_for_user(self, user):
        return AlertPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        # The page's views import this module: the one import allowed back, when a request comes.
        from ..listing import alert_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(alert_index_context(self, request))
        return context


class SafetyAlertQuerySet(PageQuerySet):
    def active(self, at=None):
        """Live alerts in force now: started, and not yet ended (no end means until withdrawn)."""
        at = at or timezone.now()
        return (
            self.live()
            .filter(valid_from__lte=at)
            .filter(models.Q(valid_until__isnull=True) | models.Q(valid_until__gt=at))
        )

    def past(self, at=None):
        at = at or timezone.now()
        return self.live().filter(valid_until__lte=at)


class SafetyAlertPage(SegmentedSearchMixin, Page):
    """A safety reminder for one or more destinations, in force between two moments."""

    level = models.PositiveSmallIntegerField(
        _("level"), choices=[c for c in RiskLevel.choices if c[0] != RiskLevel.NONE]
    )
    destinations = ParentalManyToManyField(Destination, related_name="alerts", verbose_name=_("destinations"))
    valid_from = models.DateTimeField(_("valid from"), default=timezone.now)
    valid_until = models.DateTimeField(
        _("valid until"), null=True, blank=True, help_text=_("Leave empty while the alert stays in force.")
    )
    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    source = models.CharField(_("source"), max_length=200, blank=True)
    source_url = models.URLField(_("source link"), blank=True)

    objects = PageManager.from_queryset(SafetyAlertQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("level"),
        FieldPanel("destinations", widget=forms.SelectMultiple(attrs={"size": 12})),
        MultiFieldPanel([FieldPanel("valid_from"), FieldPanel("valid_until")], heading=_("In force")),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("source_url")], heading=_("Source")),
    ]
    search_fields = Page.search_fields + SegmentedSearchMixin.search_fields
    search_kind = _("Safety alert")
    parent_page_types = ["destinations.AlertIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("safety alert")
        verbose_name_plural = _("safety alerts")
        permissions = [("publish_alert_at_once", _("Can publish safety alerts without moderation"))]

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until <= self.valid_from:
            raise ValidationError({"valid_until": _("The end must come after the start.")})

    def search_text(self):
        return " ".join([self.summary, stream_text(self.body), self.source])

    def permissions_for_user(self, user):
        return AlertPermissionTester(user, self)

    def is_active(self, at=None):
        at = at or timezone.now()
        return self.live and self.valid_from <= at and (self.valid_until is None or self.valid_until > at)

    @classmethod
    def unended_entries(cls, request, language_code=None):
        """Live, public alerts of a language that have not ended, newest start first (cached).

        One query when built: destinations come in through a join (one row per alert and
        destination) rather than a second query. alerts.py filters them by the time of the request.
        """

        def build(language_code):
            rows = (
                public(cls.objects.live(), request)
                .filter(locale__language_code=language_code)
                .exclude(valid_until__lte=timezone.now())
                .annotate(country_code=F("destinations__country"))
                .only(
                    "id",
                    "title",
                    "url_path",
                    "path",
                    "depth",
                    "level",
                    "summary",
                    "valid_from",
                    "valid_until",
                )
                .order_by("-valid_from", "-id")
            )
            pages, countries = {}, {}
            for row in rows:
                pages.setdefault(row.pk, row)
                codes = countries.setdefault(row.pk, [])
                code = getattr(row.country_code, "code", row.country_code)  # a Country, or None
                if code and code not in codes:
                    codes.append(code)
            return [
                AlertEntry(
                    pk=page.pk,
                    title=page.title,
                    url=page.get_url(request) or "",
                    level=page.level,
                    summary=page.summary,
                    valid_from=page.valid_from,
                    valid_until=page.valid_until,
                    countries=tuple(sorted(countries[page.pk])),
                )
                for page in pages.values()
            ]

        return cached_per_language("destinations-unended-alerts", request, build, language_code)
