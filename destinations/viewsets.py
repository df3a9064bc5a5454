"""Officers edit a destination's facts here; every save that is not minor leaves a public change note."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from .facts import facts_saved
from .models import Destination

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
    model = Destination
    icon = "site"
    menu_label = _("Destinations")
    menu_order = 250
    add_to_admin_menu = True
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
