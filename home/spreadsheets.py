"""Spreadsheets for staff (XLSX and CSV), shared by every room that exports one.

Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a formula,
so such cells get a leading apostrophe; and they read UTF-8 only after a byte order mark (Chinese names).
"""

from io import BytesIO

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

CSV_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A spreadsheet must not run a cell as a formula: such cells start with an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(CSV_DANGEROUS_START) else text


def csv_response(filename):
    """An attachment response, UTF-8 with a BOM, not cached; write rows with `csv.writer(response)`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")
    return response


class StaffExportMixin:
    """One export for every staff list: mix in before a Wagtail view with `list_export` (a viewset's
    IndexView, a ReportView). XLSX is the first button (Wagtail writes formula-like strings there as
    text, so values stay exactly as stored); its CSV gets what Wagtail's lacks: a byte order mark (Excel
    in Chinese misreads UTF-8 without one) and `safe_cell` on every value. Neither is cached."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: safe_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
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
    """For custom staff views: an XLSX attachment of `headings` and `rows` (lists of values), with text
    that looks like a formula kept as text, as in `StaffExportMixin`."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(list(headings))
    for row in rows:
        sheet.append([_text_cell(sheet, value) for value in row])
    output = BytesIO()
    workbook.save(output)
    response = HttpResponse(
        output.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _text_cell(sheet, value):
    cell = WriteOnlyCell(sheet, value)
    if cell.data_type == "f":  # openpyxl took it for a formula: keep it as the text it is
        cell.data_type = "s"
    return cell
