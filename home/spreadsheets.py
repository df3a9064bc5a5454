"""Spreadsheets for staff, shared by every room that exports one: XLSX first, CSV second.

XLSX is the default: every value is written as it is stored, text as a text cell (never a formula, an
error value or a number), so nothing can run and nothing needs a prefix: `+86 138 0013 8000` and `-5`
read back exactly. CSV is the second choice, for programs other than Excel or WPS: a spreadsheet
program runs a CSV cell that starts with = + - @ (or a tab or carriage return) as a formula, so such
text cells get a leading apostrophe (`safe_cell`); and it reads UTF-8 only after a byte order mark
(Chinese names). `EXPORT_HELP` says so beside every pair of download buttons.
"""

import datetime
import re
from io import BytesIO

from django.http import HttpResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

CSV_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")

# Characters a sheet's name cannot hold (a quiz title may have them).
SHEET_TITLE_REFUSED = re.compile(r"[\\*?:/\[\]]")

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

EXPORT_HELP = gettext_lazy(
    "Choose XLSX to open the file in Excel or WPS: every value is exactly as stored, as text that "
    "cannot run. Choose CSV only for other programs: there a cell that starts with = + - or @ gets a "
    "leading apostrophe, so that it cannot run as a formula."
)


def safe_cell(value):
    """A CSV cell a spreadsheet must not run as a formula: text starting with = + - @ gets an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(CSV_DANGEROUS_START) else text


def csv_value(value):
    """A value for a CSV cell: text through `safe_cell`; a number (-5 as a number is no formula) as it is."""
    return safe_cell(value) if isinstance(value, str) else value


def xlsx_cell(sheet, value):
    """A write-only cell holding `value`; text is always a text cell (openpyxl would make "=…" a formula
    and "#N/A" an error value). The control characters an XLSX file cannot hold at all are left out."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def csv_response(filename):
    """An attachment response, UTF-8 with a BOM, not cached; write rows with `csv.writer(response)`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")
    return response


def export_links(xlsx_url, csv_url, xlsx_label=None, csv_label=None):
    """What "home/admin/export_buttons.html" shows: XLSX first, CSV second, and which to pick."""
    return {
        "xlsx_url": xlsx_url,
        "csv_url": csv_url,
        "xlsx_label": xlsx_label or gettext_lazy("Download XLSX (Excel, WPS)"),
        "csv_label": csv_label or gettext_lazy("Download CSV"),
        "help": EXPORT_HELP,
    }


class StaffExportMixin:
    """One export for every staff list: mix in before a Wagtail view with `list_export` (a viewset's
    IndexView, a ReportView).

    The download buttons (XLSX first, then CSV, with `EXPORT_HELP`) are drawn above the results, which
    the listing refreshes as filters change, so they always carry the filters, search and date range
    shown (Wagtail's own buttons in the header kept the query the page was opened with). A view with
    its own `results_template_name` includes "home/admin/export_buttons.html" in it.

    XLSX: every text value a text cell (`xlsx_cell`). CSV: a byte order mark (Excel in Chinese misreads
    UTF-8 without one) and `csv_value` on every value. Neither is cached."""

    results_template_name = "home/admin/export_results.html"

    def get_export_url(self, format):
        """The list's own address (not the results fragment's), its query without the page number."""
        params = self.request.GET.copy()
        params.pop("p", None)
        params["export"] = format
        base = getattr(self, "index_url", None) or self.request.path
        return base + "?" + params.urlencode()

    @cached_property
    def header_more_buttons(self):
        export_urls = {self.xlsx_export_url, self.csv_export_url}
        return [button for button in super().header_more_buttons if button.url not in export_urls]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not getattr(self, "is_export", False) and self.show_export_buttons:
            context["spreadsheet_export"] = export_links(self.xlsx_export_url, self.csv_export_url)
            context["export_results_base"] = super().results_template_name
        return context

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for field, value in row_dict.items():
            cell = xlsx_cell(worksheet, self.preprocess_field_value(field, value, self.FORMAT_XLSX))
            if date_format and isinstance(value, datetime.datetime):
                cell.number_format = date_format
            yield cell

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: csv_value(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def stream_csv(self, queryset):
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        response["Cache-Control"] = "private, no-store"
        return response

    def write_xlsx_response(self, queryset):
        response = super().write_xlsx_response(queryset)
        response["Cache-Control"] = "private, no-store"
        return response


def xlsx_response(filename, headings, rows, title="Sheet1"):
    """For custom staff views: an XLSX attachment of `headings` and `rows` (lists of values), every
    text a text cell, as in `StaffExportMixin`."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=SHEET_TITLE_REFUSED.sub(" ", str(title))[:31].strip() or "Sheet1")
    sheet.append([xlsx_cell(sheet, str(heading)) for heading in headings])
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    output = BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
