"""Staff reports in the Wagtail admin (permission `quizzes.view_reports`): every quiz with its rates, and
per quiz its figures and item analysis, for a date range, as a table, bar charts (SVG drawn here, on
the server) and a CSV file. The figures come from quizzes/reports.py; these views only read the
request, sort and draw.
"""

import csv

from django import forms
from django.contrib import messages
from django.http import Http404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.charts import Bar, chart
from home.spreadsheets import csv_response, safe_cell
from home.staff import require_perm

from . import reports
from .models import QuizPage

VIEW_REPORTS = "quizzes.view_reports"


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The start date must not be after the end date."))
        return cleaned


def period_from(request, warn=True):
    """The date range asked for: `?period=all`, or `?start=&end=` (Beijing dates), or the last 90 days.
    Dates that are not valid give the default range (and a message on a page, `warn`)."""
    data = request.GET
    if data.get("period") == "all":
        return reports.Period()
    if data.get("start") or data.get("end"):
        form = PeriodForm(data)
        if form.is_valid():
            return reports.Period(form.cleaned_data["start"], form.cleaned_data["end"])
        if not warn:
            return reports.Period.default()
        errors = [str(error) for field_errors in form.errors.values() for error in field_errors]
        messages.error(
            request,
            _("Those dates could not be used (%(errors)s): the report shows the last %(days)s days.")
            % {"errors": " ".join(errors), "days": reports.DEFAULT_DAYS},
        )
    return reports.Period.default()


def period_query(period):
    """The query string that asks for `period` again (for sort links, the CSV link, the quiz links)."""
    if period.is_all_time:
        return {"period": "all"}
    return {
        name: value.isoformat()
        for name, value in (("start", period.start), ("end", period.end))
        if value is not None
    }


def period_label(period):
    if period.is_all_time:
        return _("All time")
    start = date_format(period.start, "Y-m-d") if period.start else ""
    end = date_format(period.end, "Y-m-d") if period.end else ""
    if not start:
        return _("Until %(end)s") % {"end": end}
    if not end:
        return _("From %(start)s") % {"start": start}
    return _("%(start)s to %(end)s") % {"start": start, "end": end}


def percent_text(share, digits=0):
    return "–" if share is None else f"{share * 100:.{digits}f}%"


def index_text(value):
    return "–" if value is None else f"{value:+.2f}"


# Sortable columns of the per-question table: key in `?sort=` -> the value sorted on.
SORT_KEYS = {
    "number": lambda row: row.number,
    "question": lambda row: row.text.casefold(),
    "answered": lambda row: row.answered,
    "facility": lambda row: row.facility,
    "discrimination": lambda row: row.discrimination,
    "wrong": lambda row: row.wrong_count,
}
DEFAULT_SORT = "number"


def sort_from(request):
    """(key, descending) from `?sort=facility` or `?sort=-facility`; anything else: question order."""
    value = request.GET.get("sort", "")
    key = value.removeprefix("-")
    if key not in SORT_KEYS:
        return DEFAULT_SORT, False
    return key, value.startswith("-")


def sorted_questions(questions, key, descending):
    """Sorted on the column, rows without a value (no answers in a group) last either way, then by number."""
    value_of = SORT_KEYS[key]
    present = [row for row in questions if value_of(row) is not None]
    missing = [row for row in questions if value_of(row) is None]
    present.sort(key=lambda row: row.number)
    present.sort(key=value_of, reverse=descending)
    return present + sorted(missing, key=lambda row: row.number)


def sort_headers(key, descending, base_query):
    """Header links: the current column's link reverses it; another's sorts it ascending
    (descending first for the figures where high values are the interesting ones)."""
    labels = {
        "number": _("No."),
        "question": _("Question"),
        "answered": _("Answers"),
        "facility": _("Facility"),
        "discrimination": _("Discrimination"),
        "wrong": _("Most-chosen wrong answer"),
    }
    headers = {}
    for name, label in labels.items():
        if name == key:
            next_value = name if descending else f"-{name}"
            aria_sort = "descending" if descending else "ascending"
        else:
            next_value = f"-{name}" if name in ("answered", "wrong") else name
            aria_sort = ""
        headers[name] = {
            "label": label,
            "url": "?" + urlencode({**base_query, "sort": next_value}),
            "aria_sort": aria_sort,
        }
    return headers


def summary_chart(summary):
    completion = summary.completion_rate
    passing = summary.pass_rate
    bars = [
        Bar(
            _("Completed"),
            completion,
            percent_text(completion),
            _("%(rate)s of attempts started were submitted") % {"rate": percent_text(completion)},
        ),
        Bar(
            _("Passed"),
            passing,
            percent_text(passing),
            _("%(rate)s of submitted attempts passed") % {"rate": percent_text(passing)},
        ),
    ]
    return chart(
        _("Completion and pass rates"),
        " ".join(bar.description + "." for bar in bars),
        bars,
        "chart-rates",
    )


def facility_chart(questions):
    bars = [
        Bar(
            _("Question %(number)s") % {"number": row.number},
            row.facility,
            percent_text(row.facility),
            _("Question %(number)s: %(rate)s right")
            % {"number": row.number, "rate": percent_text(row.facility)},
        )
        for row in questions
    ]
    return chart(
        _("Facility per question (share of answers that are right)"),
        "; ".join(bar.description for bar in bars),
        bars,
        "chart-facility",
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


class QuizReportIndexView(StaffView):
    """Every quiz with its attempts, completion and pass rates in the date range."""

    template_name = "quizzes/admin/report_index.html"
    page_title = gettext_lazy("Quiz reports")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = period_from(self.request)
        query = urlencode(period_query(period))
        rows = [
            {
                "quiz": row,
                "url": reverse("quizzes_report", args=[row.key]) + (f"?{query}" if query else ""),
                "completion": percent_text(row.summary.completion_rate),
                "pass_rate": percent_text(row.summary.pass_rate),
                "mean": percent_text(
                    None if row.summary.mean_percent is None else row.summary.mean_percent / 100, 1
                ),
            }
            for row in reports.quizzes_overview(period, get_language())
        ]
        context.update(self.period_context(period))
        context["rows"] = rows
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
            {"url": reverse("quizzes_report_index"), "label": _("Quiz reports")},
            {"url": "", "label": self.title},
        ]

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
                "csv_url": reverse("quizzes_report_csv", args=[self.quiz_key]) + "?" + urlencode(csv_query),
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


def report_csv(quiz_key, period, key=DEFAULT_SORT, descending=False, language=None):
    """The per-question table as CSV (UTF-8 with a BOM; text cells cannot run as formulas)."""
    language = language or get_language()
    title = reports.quiz_title(quiz_key, language)
    if title is None:
        raise Http404
    analysis = reports.question_figures(quiz_key, period, language)
    for number, row in enumerate(analysis.questions, start=1):
        row.number = number
    response = csv_response(f"quiz-report-{quiz_key}.csv")
    writer = csv.writer(response)
    writer.writerow([_("Quiz"), safe_cell(title)])
    writer.writerow([_("Attempts started"), period_label(period)])
    writer.writerow([_("Submitted attempts"), analysis.submitted])
    writer.writerow([_("Attempts in each of the top and bottom groups (27%)"), analysis.group_size])
    writer.writerow([])
    writer.writerow(
        [
            _("No."),
            _("Question"),
            _("Question key"),
            _("Answers"),
            _("Right"),
            _("Not answered"),
            _("Facility (%)"),
            _("Facility in the top group (%)"),
            _("Facility in the bottom group (%)"),
            _("Discrimination"),
            _("Most-chosen wrong answer"),
            _("Times chosen"),
        ]
    )

    def number(value, digits):
        return "" if value is None else f"{value:.{digits}f}"

    for row in sorted_questions(analysis.questions, key, descending):
        writer.writerow(
            [
                row.number,
                safe_cell(row.text),
                row.key,
                row.answered,
                row.correct,
                row.skipped,
                number(None if row.facility is None else row.facility * 100, 1),
                number(None if row.top_facility is None else row.top_facility * 100, 1),
                number(None if row.bottom_facility is None else row.bottom_facility * 100, 1),
                number(row.discrimination, 2),
                safe_cell(row.wrong_text),
                row.wrong_count if row.wrong_response is not None else "",
            ]
        )
    return response


def report_csv_view(request, quiz_key):
    require_perm(request.user, VIEW_REPORTS)
    key, descending = sort_from(request)
    return report_csv(quiz_key, period_from(request, warn=False), key, descending)
