"""Admin report: the searches that found nothing, most frequent first."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import UnansweredSearch
from .spreadsheets import StaffExportMixin


class UnansweredSearchesReport(StaffExportMixin, ReportView):
    page_title = _("Searches that found nothing")
    header_icon = "search"
    index_url_name = "unanswered_searches"
    index_results_url_name = "unanswered_searches_results"
    permission_policy = ModelPermissionPolicy(UnansweredSearch)
    any_permission_required = ["view"]
    columns = [
        Column("query_string", label=_("Search")),
        Column("language", label=_("Language")),
        Column("count", label=_("Times searched")),
        DateColumn("last_searched_at", label=_("Last searched")),
    ]
    # What readers typed: the export keeps it as typed (XLSX) and can never run it (CSV).
    list_export = ["query_string", "language", "count", "last_searched_at"]
    export_headings = {
        "query_string": _("Search"),
        "language": _("Language"),
        "count": _("Times searched"),
        "last_searched_at": _("Last searched"),
    }
    export_filename = "searches-that-found-nothing"

    def get_queryset(self):
        return UnansweredSearch.objects.all()
