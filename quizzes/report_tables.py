"""What the staff reports show, apart from their views (quizzes/admin_views.py): the period asked for,
percentages, the question table sorted by a column (and its CSV and XLSX rows), and the bar charts.
"""

import csv

from django import forms
from django.contrib import messages
from django.http import Http404
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext as _

from home.charts import Bar, chart
from home.spreadsheets import csv_response, safe_cell

from . import reports

# A date input shows only a value written yyyy-mm-dd; Django would write it in the page language's first
# input format (Chinese: 2026/12/06), which the browser drops, leaving the input blank.
ISO_DATE = "%Y-%m-%d"


class PeriodForm(forms.Form):
    start = forms.DateField(
        # 起始日期 here; the redirects' "From" is 从
        label=pgettext_lazy("date range", "From"),
        required=False,
        widget=forms.DateInput(format=ISO_DATE, attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=pgettext_lazy("date range", "To"),
        required=False,
        widget=forms.DateInput(format=ISO_DATE, attrs={"type": "date"}),
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


def percent(share):
    """A share as a percentage for a spreadsheet cell (one decimal), or None."""
    return None if share is None else round(share * 100, 1)


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


def question_table(quiz_key, period, key=DEFAULT_SORT, descending=False, language=None):
    """(title, analysis, headings, rows) of the per-question table, for the CSV and XLSX files."""
    language = language or get_language()
    title = reports.quiz_title(quiz_key, language)
    if title is None:
        raise Http404
    analysis = reports.question_figures(quiz_key, period, language)
    for number, row in enumerate(analysis.questions, start=1):
        row.number = number
    headings = [
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
    rows = [
        [
            row.number,
            row.text,
            str(row.key),
            row.answered,
            row.correct,
            row.skipped,
            percent(row.facility),
            percent(row.top_facility),
            percent(row.bottom_facility),
            None if row.discrimination is None else round(row.discrimination, 2),
            row.wrong_text,
            row.wrong_count if row.wrong_response is not None else None,
        ]
        for row in sorted_questions(analysis.questions, key, descending)
    ]
    return title, analysis, headings, rows


# The CSV's figures keep a fixed number of decimals (columns: facility x3, discrimination).
CSV_DECIMALS = {6: 1, 7: 1, 8: 1, 9: 2}


def csv_cell(column, value):
    if value is None:
        return ""
    if column in CSV_DECIMALS:
        return f"{value:.{CSV_DECIMALS[column]}f}"
    return safe_cell(value) if isinstance(value, str) else value


def report_csv(quiz_key, period, key=DEFAULT_SORT, descending=False, language=None):
    """The per-question table as CSV (UTF-8 with a BOM; text cells cannot run as formulas)."""
    title, analysis, headings, rows = question_table(quiz_key, period, key, descending, language)
    response = csv_response(f"quiz-report-{quiz_key}.csv")
    writer = csv.writer(response)
    writer.writerow([_("Quiz"), safe_cell(title)])
    writer.writerow([_("Attempts started"), period_label(period)])
    writer.writerow([_("Submitted attempts"), analysis.submitted])
    writer.writerow([_("Attempts in each of the top and bottom groups (27%)"), analysis.group_size])
    writer.writerow([])
    writer.writerow(headings)
    for row in rows:
        writer.writerow([csv_cell(column, value) for column, value in enumerate(row)])
    return response
