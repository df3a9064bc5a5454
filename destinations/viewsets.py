"""The room's admin lists, under one menu: destinations' facts (every save that is not minor leaves a
public change note), alert sendings, and subscriber counts. Screens no generic view gives (an alert's
email, one sending with stop and resume) are in admin_views.py.
"""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from home.spreadsheets import StaffExportMixin
from home.staff import PermissionViewSet, SnippetChooserViewSetInEditorsLanguage

from . import admin_views
from .facts import facts_saved
from .levels import Region, RiskLevel
from .models import AlertFanout, AlertSubscription, Destination
from .names import sorted_by_name
from .subscriptions import still_followed

REVIEW_SOON_DAYS = 14
DUE_PANEL_ROWS = 10


class DestinationForm(WagtailAdminModelForm):
    """The facts, plus what this save means for readers: a change note, or a minor correction."""

    minor_change = forms.BooleanField(
        label=_("Minor change"),
        required=False,
        help_text=_("A typo or formatting fix: no change note is published and subscribers are not emailed."),
    )
    change_note_zh = forms.CharField(
        label=_("What changed (Chinese)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    change_note_en = forms.CharField(
        label=_("What changed (English)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        notes = [cleaned.get("change_note_zh", "").strip(), cleaned.get("change_note_en", "").strip()]
        if not cleaned.get("minor_change") and not any(notes):
            self.add_error(
                "change_note_zh",
                _("Say what changed (in Chinese, English or both), or mark this a minor change."),
            )
        return cleaned


class FactsSavedMixin:
    def save_instance(self):
        destination = super().save_instance()
        data = self.form.cleaned_data
        facts_saved(
            destination,
            minor=data["minor_change"],
            summary_zh=data["change_note_zh"],
            summary_en=data["change_note_en"],
            user=self.request.user,
        )
        return destination


class DestinationCreateView(FactsSavedMixin, CreateView):
    pass


class DestinationEditView(FactsSavedMixin, EditView):
    pass


def review_status(destination, today=None):
    """'overdue', 'soon' or '' for a destination's review-by date."""
    today = today or timezone.localdate()
    if destination.review_by is None:
        return ""
    if destination.review_by <= today:
        return "overdue"
    if (destination.review_by - today).days <= REVIEW_SOON_DAYS:
        return "soon"
    return ""


class ReviewByColumn(StatusTagColumn):
    def get_value(self, instance):
        status = review_status(instance)
        if status == "overdue":
            return _("Review due since %(date)s") % {"date": instance.review_by.isoformat()}
        if status == "soon":
            return _("Review by %(date)s") % {"date": instance.review_by.isoformat()}
        return instance.review_by.isoformat() if instance.review_by else "—"


class DestinationViewSet(SnippetViewSet):
    chooser_viewset_class = SnippetChooserViewSetInEditorsLanguage
    model = Destination
    icon = "site"
    menu_label = _("Destinations")
    menu_item_is_registered = True  # in the room's menu (DestinationsMenu), so not under "Snippets"
    add_view_class = DestinationCreateView
    edit_view_class = DestinationEditView
    list_filter = ["region", "risk_level", "is_demo"]
    ordering = ["country"]
    list_display = [
        Column("country", label=_("Country or region"), sort_key="country"),
        Column("region", label=_("Region"), accessor="get_region_display"),
        Column("risk_level", label=_("Risk level"), accessor="get_risk_level_display", sort_key="risk_level"),
        ReviewByColumn(
            "review_by",
            label=_("Review advice by"),
            sort_key="review_by",
            primary=lambda d: bool(review_status(d)),
        ),
        DateColumn("updated_at", label=_("Updated"), sort_key="updated_at"),
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("minor_change"),
                    FieldPanel("change_note_zh"),
                    FieldPanel("change_note_en"),
                ],
                heading=_("About this change"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("country"),
                    FieldPanel("region"),
                    FieldPanel("risk_level"),
                    FieldPanel("is_demo"),
                ],
                heading=_("Destination"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("police_number"),
                            FieldPanel("ambulance_number"),
                            FieldPanel("fire_number"),
                        ]
                    )
                ],
                heading=_("Emergency numbers"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("visa_requirement"),
                    FieldPanel("visa_free_days"),
                    FieldPanel("passport_validity_months"),
                    FieldPanel("entry_rules_checked_on"),
                ],
                heading=_("Entry and exit"),
            ),
            InlinePanel(
                "contacts", heading=_("Chinese embassy and consulates"), label=_("Embassy or consulate")
            ),
            FieldPanel("review_by"),
        ],
        base_form_class=DestinationForm,
    )


class DestinationsDueForReviewPanel(Component):
    """On the admin dashboard: advice whose review-by date has come or comes within two weeks."""

    name = "destinations_due_for_review"
    template_name = "destinations/admin/due_for_review_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        limit = timezone.localdate() + timezone.timedelta(days=REVIEW_SOON_DAYS)
        due = Destination.objects.filter(review_by__lte=limit).order_by("review_by")
        return {
            "destinations": list(due[:DUE_PANEL_ROWS]),
            "due_count": due.count(),
            "today": timezone.localdate(),
        }


# Alert sendings -----------------------------------------------------------------------------------


class FanoutIndexView(StaffExportMixin, IndexView):
    """Every sending, newest first; following them needs the named view permission, not any other."""

    any_permission_required = ["view"]

    def get_base_queryset(self):
        return super().get_base_queryset().annotate(delivery_count=Count("deliveries"))


class FanoutViewSet(ModelViewSet):
    """Sendings are made by publishing and run by the worker: staff list and follow them, stop and resume
    them (admin_views.py); nobody adds, edits or deletes one here."""

    model = AlertFanout
    name = admin_views.FANOUTS_URL_NAMESPACE
    url_prefix = "destinations/sendings"
    icon = "mail"
    menu_label = _("Alert sendings")
    index_view_class = FanoutIndexView
    add_to_reference_index = False
    copy_view_enabled = False
    list_filter = ["status"]
    search_fields = ["title"]
    ordering = ["-created_at"]
    list_display = [
        TitleColumn(
            "title",
            label=_("Alert or change"),
            get_url=lambda fanout: reverse(f"{admin_views.FANOUTS_URL_NAMESPACE}:detail", args=[fanout.pk]),
        ),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("recipients", label=_("Recipients"), sort_key="recipients"),
        Column("delivery_count", label=_("Emails queued"), sort_key="delivery_count"),
        DateColumn("created_at", label=_("Started"), sort_key="created_at"),
    ]
    list_export = ["title", "get_status_display", "recipients", "delivery_count", "created_at"]
    export_headings = {
        "title": _("Alert or change"),
        "get_status_display": _("Status"),
        "recipients": _("Recipients"),
        "delivery_count": _("Emails queued"),
        "created_at": _("Started"),
    }
    export_filename = "alert-sendings"

    def get_common_view_kwargs(self, **kwargs):
        # Only the list is Wagtail's: no add, edit, delete, history or usage views to link to.
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", admin_views.FanoutDetailView.as_view(), name="detail"),
            path("<int:pk>/stop/", admin_views.stop_fanout, name="stop"),
            path("<int:pk>/resume/", admin_views.resume_fanout, name="resume"),
        ]

    def get_permissions_to_register(self):
        return (
            super()
            .get_permissions_to_register()
            .filter(codename__in=["view_alertfanout", "change_alertfanout"])
        )

    @property
    def url_finder_class(self):
        return type(
            "FanoutURLFinder", (super().url_finder_class,), {"edit_url_name": self.get_url_name("detail")}
        )


# Subscriber counts --------------------------------------------------------------------------------


def subscriber_totals():
    """Confirmed (and of them, following every destination), unconfirmed, unsubscribed: one query."""
    confirmed = Q(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
    return AlertSubscription.objects.aggregate(
        confirmed=Count("pk", filter=confirmed),
        all_destinations=Count("pk", filter=confirmed & Q(all_destinations=True)),
        unconfirmed=Count("pk", filter=Q(confirmed_at__isnull=True)),
        unsubscribed=Count("pk", filter=Q(unsubscribed_at__isnull=False)),
    )


class SubscriberFilterSet(WagtailFilterSet):
    region = django_filters.ChoiceFilter(label=_("Region"), choices=Region.choices)
    risk_level = django_filters.ChoiceFilter(label=_("Risk level"), choices=RiskLevel.choices)

    class Meta:
        model = Destination
        fields = ["region", "risk_level"]


class SubscriberReportView(StaffExportMixin, ReportView):
    """Confirmed, still subscribed subscribers per destination; counts only, never an address."""

    page_title = _("Alert subscribers")
    header_icon = "group"
    template_name = "destinations/admin/subscriber_report.html"
    index_url_name = "destinations_subscribers:index"
    index_results_url_name = "destinations_subscribers:index_results"
    permission_policy = ModelPermissionPolicy(AlertSubscription)
    any_permission_required = ["view"]
    filterset_class = SubscriberFilterSet
    columns = [
        Column("country_name", label=_("Destination"), accessor="__str__"),
        Column("country", label=_("ISO code")),
        Column("subscriber_count", label=_("Confirmed subscribers")),
    ]
    list_export = ["country", "country.name", "subscriber_count"]
    export_headings = {
        "country": _("ISO code"),
        "country.name": _("Destination"),
        "subscriber_count": _("Confirmed subscribers"),
    }
    export_filename = "alert-subscribers"
    paginate_by = 300  # every destination (there are fewer than 250 codes) on one page, by name

    def get_queryset(self):
        # Counted through the followed rows, so a trip's destination counts until its last day only.
        active = Q(
            followers__subscription__confirmed_at__isnull=False,
            followers__subscription__unsubscribed_at__isnull=True,
        ) & still_followed(prefix="followers__")
        return Destination.objects.annotate(subscriber_count=Count("followers", filter=active)).order_by(
            "country"
        )

    def paginate_queryset(self, queryset, page_size):
        paginator, page, places, is_paginated = super().paginate_queryset(queryset, page_size)
        places = sorted_by_name(list(places), str, translation.get_language() or settings.LANGUAGE_CODE)
        return paginator, page, places, is_paginated

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            {"destination": place, "code": str(place.country), "subscribers": place.subscriber_count}
            for place in context["object_list"]
        ]
        context["totals"] = subscriber_totals()
        context["can_view_fanouts"] = self.request.user.has_perm(admin_views.VIEW_FANOUTS)
        return context


class SubscriberReportViewSet(PermissionViewSet):
    name = "destinations_subscribers"
    url_prefix = "reports/alert-subscribers"
    icon = "group"
    menu_label = _("Alert subscribers")
    permission = admin_views.VIEW_SUBSCRIBERS

    def get_urlpatterns(self):
        return [
            path("", SubscriberReportView.as_view(), name="index"),
            path("results/", SubscriberReportView.as_view(results_only=True), name="index_results"),
        ]


class DestinationsMenu(ViewSetGroup):
    """The room's one menu entry: its lists in this order."""

    menu_label = _("Destinations and safety alerts")
    menu_icon = "site"
    menu_order = 250
    items = (DestinationViewSet, FanoutViewSet, SubscriberReportViewSet)
