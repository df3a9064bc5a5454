"""CSV files for staff, shared by every room that exports one (events, destinations, quizzes).

Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a formula,
so such cells get a leading apostrophe; and they read UTF-8 only after a byte order mark (Chinese names).
"""

from django.http import HttpResponse

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
