"""home.spreadsheets: one export for every staff list (XLSX as stored, CSV with a BOM and safe cells)."""

import io

import pytest
from django.test import RequestFactory
from django.views.generic import ListView
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from home.models import Topic
from home.spreadsheets import StaffExportMixin, xlsx_response

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example")'


class TopicExport(StaffExportMixin, SpreadsheetExportMixin, ListView):
    model = Topic
    list_export = ["name", "slug"]
    export_filename = "topics"


def export(fmt, zh):
    Topic.objects.create(locale=zh, name=FORMULA, slug="formula")
    Topic.objects.create(locale=zh, name="诈骗防范", slug="fraud-zh")
    view = TopicExport()
    view.setup(RequestFactory().get("/", {"export": fmt}))
    return view.as_spreadsheet(Topic.objects.filter(slug__in=["formula", "fraud-zh"]).order_by("slug"), fmt)


def test_csv_has_a_bom_and_neutralised_formulas(zh):
    response = export("csv", zh)
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    assert '"\'=HYPERLINK(""http://evil.example"")"' in body and "诈骗防范" in body
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"


def test_xlsx_keeps_values_exactly_and_as_text(zh):
    response = export("xlsx", zh)
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = {row[1].value: row[0] for row in sheet.iter_rows(min_row=2)}
    assert cells["formula"].value == FORMULA and cells["formula"].data_type == "s"
    assert response["Cache-Control"] == "private, no-store"


def test_xlsx_response_for_custom_views():
    response = xlsx_response("report.xlsx", ["问题", "答对率"], [[FORMULA, 0.5], ["第二题", None]])
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows == [("问题", "答对率"), (FORMULA, 0.5), ("第二题", None)]
    assert sheet["A2"].data_type == "s"
    assert response["Content-Disposition"] == 'attachment; filename="report.xlsx"'
