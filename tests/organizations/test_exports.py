"""Exports of member progress: XLSX first (every value as stored, text never a formula), CSV second
(UTF-8 with a BOM, cells starting with = + - @ given an apostrophe); only name, group, status, dates."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from tests.accounts.factories import UserFactory
from tests.organizations import factories as f
from tests.organizations.training_world import course_and_quiz

pytestmark = pytest.mark.django_db

FORMULA_NAME = '=HYPERLINK("http://evil.example","点我")'
FORMULA_GROUP = "+86 一班"


@pytest.fixture
def assignment(organization, home_zh):
    course = course_and_quiz(home_zh)[0]
    f.member_of(organization, group_label=FORMULA_GROUP, user=UserFactory(name=FORMULA_NAME))
    f.member_of(organization, group_label="@二班", user=UserFactory(name="-李雷"))
    return f.AssignmentFactory(organization=organization, course=course)


def export_url(assignment, export_format, **params):
    with translation.override("zh-hans"):
        address = reverse(
            "organizations:member_status_export",
            kwargs={"organization_id": assignment.organization_id, "format": export_format},
        )
    query = "&".join(f"{key}={value}" for key, value in {"assignment": assignment.pk, **params}.items())
    return f"{address}?{query}"


def test_xlsx_keeps_every_value_as_stored_and_never_a_formula(client, manager, assignment):
    client.force_login(manager)
    response = client.get(export_url(assignment, "xlsx"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("姓名", "分组", "状态", "加入日期", "截止日期") or len(rows[0]) == 5
    names = {row[0] for row in rows[1:]}
    assert FORMULA_NAME in names and "-李雷" in names
    for row in sheet.iter_rows(min_row=2):
        assert all(cell.data_type != "f" for cell in row)
    assert all("@example.org" not in str(value) for row in rows for value in row)


def test_csv_neutralises_formula_cells(client, manager, assignment):
    client.force_login(manager)
    response = client.get(export_url(assignment, "csv"))
    assert response.status_code == 200
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    by_name = {row[0]: row for row in rows[1:]}
    assert "'" + FORMULA_NAME in by_name
    assert by_name["'" + FORMULA_NAME][1] == "'" + FORMULA_GROUP
    assert by_name["'-李雷"][1] == "'@二班"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_exports_keep_the_filters(client, manager, assignment):
    client.force_login(manager)
    response = client.get(export_url(assignment, "csv", group="@二班".replace("@", "%40")))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))
    assert [row[0] for row in rows[1:]] == ["'-李雷"]


def test_an_unknown_format_is_not_found(client, manager, assignment):
    client.force_login(manager)
    assert client.get(export_url(assignment, "pdf")).status_code == 404
