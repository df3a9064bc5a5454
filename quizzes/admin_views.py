"""Staff reports in the Wagtail admin (permission `quizzes.view_reports`): every quiz with its rates (a
Wagtail report: date range, search, pages, XLSX and CSV), and per quiz its figures and item analysis,
for a date range, as a table, bar charts (SVG, drawn on the server) and CSV and XLSX files. The
figures come from quizzes/reports.py, what shows them from quizzes/report_tables.py; these views read
the request and choose what to show.
"""

import django_filters
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext_lazy, pgettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput

from home.spreadsheets import StaffExportMixin, export_links, xlsx_response
from home.staff import require_perm

from . import reports
from .models import Attempt, QuizPage
from .permissions import VIEW_REPORTS
from .report_tables import (
    DEFAULT_SORT,
    PeriodForm,
    facility_chart,
    index_text,
    percent,
    percent_text,
    period_from,
    period_label,
    period_query,
    question_table,
    report_csv,
    sort_from,
    sort_headers,
    sorted_questions,
    summary_chart,
)


class StaffView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        require_perm(request.user, VIEW_REPORTS)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def period_context(self, period):
        return {
            "period": period,
            "period_label": period_label(period),
            "period_form": PeriodForm(initial={"start": period.start, "end": period.end}),
            "all_time_url": "?" + urlencode({"period": "all"}),
            "default_days": reports.DEFAULT_DAYS,
        }


class PeriodFilterSet(WagtailFilterSet):
    """The report index's date range (Beijing dates), as Wagtail's filters show it. The index counts
    its rows for the period (`period_from` reads the same fields), so nothing is filtered out."""

    start = django_filters.DateFilter(label=pgettext_lazy("date range", "From"), widget=AdminDateInput)
    end = django_filters.DateFilter(label=pgettext_lazy("date range", "To"), widget=AdminDateInput)

    class Meta:
        model = Attempt
        fields = []
        form = PeriodForm


class QuizReportIndexView(StaffExportMixin, ReportView):
    """Every quiz with its attempts, completion and pass rates in the date range."""

    page_title = gettext_lazy("Quiz reports")
    header_icon = "doc-full"
    index_url_name = "quizzes_report_index"
    index_results_url_name = "quizzes_report_index_results"
    results_template_name = "quizzes/admin/report_index_results.html"
    filterset_class = PeriodFilterSet
    is_searchable = True
    export_filename = "quiz-reports"
    columns = [
        TitleColumn("title", label=gettext_lazy("Quiz"), get_url=lambda row: row.url),
        Column("started", label=gettext_lazy("Attempts started"), accessor="summary.started"),
        Column("completed", label=gettext_lazy("Submitted"), accessor="summary.completed"),
        Column("completion", label=gettext_lazy("Completion rate")),
        Column("passed", label=gettext_lazy("Passed"), accessor="summary.passed"),
        Column("pass_rate", label=gettext_lazy("Pass rate")),
        Column("mean", label=gettext_lazy("Mean score")),
        Column("expired", label=gettext_lazy("Time ran out"), accessor="summary.expired"),
    ]
    list_export = [
        "title",
        "summary.started",
        "summary.completed",
        "completion_percent",
        "summary.passed",
        "pass_percent",
        "mean_percent",
        "summary.expired",
    ]
    export_headings = {
        "title": gettext_lazy("Quiz"),
        "summary.started": gettext_lazy("Attempts started"),
        "summary.completed": gettext_lazy("Submitted"),
        "completion_percent": gettext_lazy("Completion rate (%)"),
        "summary.passed": gettext_lazy("Passed"),
        "pass_percent": gettext_lazy("Pass rate (%)"),
        "mean_percent": gettext_lazy("Mean score (%)"),
        "summary.expired": gettext_lazy("Time ran out"),
    }

    def dispatch(self, request, *args, **kwargs):
        require_perm(request.user, VIEW_REPORTS)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def period(self):
        # Warned once: on the page, not again on its results-only refreshes or its files.
        return period_from(self.request, warn=not (self.results_only or self.is_export))

    def get_base_queryset(self):
        query = urlencode(period_query(self.period))
        rows = reports.quizzes_overview(self.period, get_language())
        for row in rows:
            row.url = reverse("quizzes_report", args=[row.key]) + (f"?{query}" if query else "")
            summary = row.summary
            row.completion = percent_text(summary.completion_rate)
            row.completion_percent = percent(summary.completion_rate)
            row.pass_rate = percent_text(summary.pass_rate)
            row.pass_percent = percent(summary.pass_rate)
            row.mean = percent_text(None if summary.mean_percent is None else summary.mean_percent / 100, 1)
            row.mean_percent = None if summary.mean_percent is None else round(summary.mean_percent, 1)
        return rows

    def order_queryset(self, rows):
        return rows  # most attempts first (reports.quizzes_overview)

    def filter_queryset(self, rows):
        return rows  # counted for the period already (get_base_queryset)

    def search_queryset(self, rows):
        if not self.is_searching:
            return rows
        words = self.search_query.casefold()
        return [row for row in rows if words in row.title.casefold()]

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": Attempt.objects.none()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "period": self.period,
                "period_label": period_label(self.period),
                "all_time_url": "?" + urlencode({"period": "all"}),
                "default_days": reports.DEFAULT_DAYS,
            }
        )
        return context


class QuizReportView(StaffView):
    """One quiz (every language together): summary, item analysis, charts, CSV link."""

    template_name = "quizzes/admin/quiz_report.html"
    page_title = gettext_lazy("Quiz report")

    def dispatch(self, request, quiz_key, *args, **kwargs):
        require_perm(request.user, VIEW_REPORTS)
        self.quiz_key = quiz_key
        self.title = reports.quiz_title(quiz_key, get_language())
        if self.title is None:
            raise Http404
        return super().dispatch(request, quiz_key, *args, **kwargs)

    def get_page_subtitle(self):
        return self.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.index_url_with_period(), "label": _("Quiz reports")},
            {"url": "", "label": self.title},
        ]

    def index_url_with_period(self):
        """Back to every quiz for the same date range."""
        query = urlencode(period_query(period_from(self.request, warn=False)))
        return reverse("quizzes_report_index") + (f"?{query}" if query else "")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = period_from(self.request)
        summary = reports.summary(self.quiz_key, period)
        analysis = reports.question_figures(
            self.quiz_key, period, get_language(), submitted=summary.completed
        )
        for number, row in enumerate(analysis.questions, start=1):
            row.number = number
        key, descending = sort_from(self.request)
        base_query = period_query(period)
        sort_value = f"-{key}" if descending else key
        csv_query = {**base_query, **({"sort": sort_value} if key != DEFAULT_SORT or descending else {})}
        context.update(self.period_context(period))
        csv_url = reverse("quizzes_report_csv", args=[self.quiz_key]) + "?" + urlencode(csv_query)
        xlsx_url = reverse("quizzes_report_xlsx", args=[self.quiz_key]) + "?" + urlencode(csv_query)
        context.update(
            {
                "quiz_key": self.quiz_key,
                "sort_value": csv_query.get("sort", ""),
                "quiz_title": self.title,
                "summary": summary,
                "completion": percent_text(summary.completion_rate),
                "pass_rate": percent_text(summary.pass_rate),
                "mean": percent_text(None if summary.mean_percent is None else summary.mean_percent / 100, 1),
                "analysis": analysis,
                "rows": [
                    {
                        "figures": row,
                        "facility": percent_text(row.facility),
                        "top_facility": percent_text(row.top_facility),
                        "bottom_facility": percent_text(row.bottom_facility),
                        "discrimination": index_text(row.discrimination),
                    }
                    for row in sorted_questions(analysis.questions, key, descending)
                ],
                "headers": sort_headers(key, descending, base_query),
                "period_hidden": base_query,
                "csv_url": csv_url,
                "xlsx_url": xlsx_url,
                "spreadsheet_export": export_links(
                    xlsx_url,
                    csv_url,
                    _("Download the question table (XLSX: Excel, WPS)"),
                    _("Download the question table (CSV)"),
                ),
                "summary_chart": summary_chart(summary),
                "facility_chart": facility_chart(analysis.questions),
                "pages": [
                    {
                        "language": page.locale.get_display_name(),
                        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    }
                    for page in QuizPage.objects.filter(translation_key=self.quiz_key).select_related(
                        "locale"
                    )
                ],
            }
        )
        return context


def report_csv_view(request, quiz_key):
    require_perm(request.user, VIEW_REPORTS)
    key, descending = sort_from(request)
    return report_csv(quiz_key, period_from(request, warn=False), key, descending)


def report_xlsx_view(request, quiz_key):
    """The per-question table as an XLSX sheet (numbers as numbers; text kept as text)."""
    require_perm(request.user, VIEW_REPORTS)
    key, descending = sort_from(request)
    title, _analysis, headings, rows = question_table(
        quiz_key, period_from(request, warn=False), key, descending
    )
    return xlsx_response(f"quiz-report-{quiz_key}.xlsx", headings, rows, title=title)
