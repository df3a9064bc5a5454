"""Exports keep values as stored (issue 15, item 7): XLSX is the first choice, every text a text cell
(never a formula or an error value, no prefix); CSV the second, its formula-starting cells neutralised;
every staff list of ours exports through home.spreadsheets, with its buttons carrying the filters."""

import csv
import io
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from openpyxl import load_workbook

from home.spreadsheets import EXPORT_HELP, StaffExportMixin, xlsx_response
from tests.accounts.factories import staff_user
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x","点我")'
PHONE = "+86 138 0013 8000"
# Text that a spreadsheet program would take for something else: formulas, a number, an error value.
STORED = [FORMULA, PHONE, "-5", "@SUM(1+1)", "#N/A", "0012", "=1+1"]


@pytest.fixture
def officer_client(client):
    client.force_login(staff_user(group="Officers"))
    return client


@pytest.fixture
def event(db):
    event = EventFactory(title="海外安全讲座")
    RegistrationFactory(event=event, name=FORMULA, phone=PHONE, organisation="-5", email="a@example.com")
    RegistrationFactory(event=event, name="#N/A", phone="", organisation="@SUM(1+1)", email="b@example.com")
    return event


def workbook_rows(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(load_workbook(io.BytesIO(body)).active.iter_rows())


def test_the_registrations_xlsx_keeps_every_value_exactly_as_a_text_cell(officer_client, event):
    url = reverse("events_registrations", args=[event.pk])
    response = officer_client.get(url, {"export": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    header, *rows = workbook_rows(response)
    by_email = {row[1].value: row for row in rows}
    name, _email, phone, organisation = by_email["a@example.com"][:4]
    assert (name.value, phone.value, organisation.value) == (FORMULA, PHONE, "-5")
    assert {name.data_type, phone.data_type, organisation.data_type} == {"s"}
    name, _email, _phone, organisation = by_email["b@example.com"][:4]
    assert (name.value, name.data_type) == ("#N/A", "s")
    assert (organisation.value, organisation.data_type) == ("@SUM(1+1)", "s")
    assert not any(str(cell.value).startswith("'") for row in rows for cell in row if cell.value)


def test_the_registrations_csv_neutralises_formulas(officer_client, event):
    response = officer_client.get(reverse("events_registrations", args=[event.pk]), {"export": "csv"})

    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = {row[1]: row for row in csv.reader(io.StringIO(body.removeprefix("\ufeff")))}
    assert rows["a@example.com"][:4] == ["'" + FORMULA, "a@example.com", "'" + PHONE, "'-5"]
    assert rows["b@example.com"][3] == "'@SUM(1+1)"
    # The old address gives the same CSV.
    old = officer_client.get(reverse("events_registrations_csv", args=[event.pk]))
    old_rows = list(csv.reader(io.StringIO(old.content.decode("utf-8").removeprefix("\ufeff"))))
    assert old_rows[1][0] == "'" + FORMULA


def test_xlsx_response_writes_every_text_as_text():
    response = xlsx_response("values.xlsx", ["值", "数"], [[value, -5] for value in STORED])

    header, *rows = workbook_rows(response)
    assert [(row[0].value, row[0].data_type) for row in rows] == [(value, "s") for value in STORED]
    assert [(row[1].value, row[1].data_type) for row in rows] == [(-5, "n")] * len(STORED)


def test_xlsx_leaves_out_only_what_the_format_cannot_hold():
    """A control character older data may hold would make openpyxl refuse the whole file."""
    response = xlsx_response("values.xlsx", ["姓名"], [["张\x0b三"]], title="题: 是/否?")

    assert workbook_rows(response)[1][0].value == "张三"


def test_the_download_buttons_put_xlsx_first_carry_the_filters_and_say_which_to_pick(officer_client, event):
    # The results the listing fetches when the status filter changes: the buttons come with them.
    url = reverse("events_registrations_results", args=[event.pk])
    response = officer_client.get(url, {"status": "confirmed", "q": "example", "p": "1"})

    links = re.findall(r'href="([^"]*export=[^"]*)"', response.text)
    index = reverse("events_registrations", args=[event.pk])
    assert [link.replace("&amp;", "&") for link in links] == [
        f"{index}?status=confirmed&q=example&export=xlsx",
        f"{index}?status=confirmed&q=example&export=csv",
    ]
    with translation.override("en"):
        assert str(EXPORT_HELP) in response.text.replace("&#x27;", "'")


def test_the_page_header_keeps_no_download_links_that_filtering_would_leave_behind(officer_client, event):
    response = officer_client.get(reverse("events_registrations", args=[event.pk]))

    assert response.text.count("export=xlsx") == 1
    assert response.text.count("export=csv") == 1


def test_the_help_text_is_in_chinese_for_a_chinese_officer(client, event):
    from wagtail.users.models import UserProfile

    officer = staff_user(group="Officers")
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "zh-hans"
    profile.save()
    client.force_login(officer)

    response = client.get(reverse("events_registrations", args=[event.pk]))

    assert "Excel" in response.text and "WPS" in response.text
    assert "Choose XLSX" not in response.text


# Every export of ours goes through the shared one. Wagtail's own reports keep Wagtail's export: they
# list what editors wrote (pages, redirects, workflows), not what the public typed.
WAGTAILS_OWN = {
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:locked_pages_results",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:aging_pages_results",
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:site_history_results",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_results",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:workflow_tasks_results",
    "wagtailsearchpromotions:search_terms",
    "wagtailsearchpromotions:search_terms_results",
    "wagtailredirects:index",
    "wagtailredirects:index_results",
    "wagtailforms:list_submissions",
    "wagtailforms:list_submissions_results",
}


def exporting_views(patterns=None, namespace=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from exporting_views(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            initkwargs = getattr(pattern.callback, "view_initkwargs", {}) or {}
            if view_class and (initkwargs.get("list_export") or getattr(view_class, "list_export", None)):
                yield f"{namespace}{pattern.name}", view_class


def test_every_staff_export_of_ours_goes_through_the_shared_one():
    views = dict(exporting_views())
    ours = {name: view for name, view in views.items() if name not in WAGTAILS_OWN}

    assert "unanswered_searches" in ours and "events_registrations" in ours
    assert [name for name, view in ours.items() if not issubclass(view, StaffExportMixin)] == []


@pytest.mark.parametrize(
    "url_name",
    [
        "unanswered_searches",
        "destinations_fanouts:index",
        "destinations_subscribers:index",
        "wagtailsnippets_quizzes_question:list",
        "events_registration_report",
        "quizzes_report_index",
    ],
)
def test_every_staff_list_shows_xlsx_then_csv_with_the_help(client, url_name):
    client.force_login(staff_user(is_superuser=True))

    response = client.get(reverse(url_name), {"q": "x"})

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("export=xlsx") == 1 and html.count("export=csv") == 1
    assert html.index("export=xlsx") < html.index("export=csv")
    assert "q=x&amp;export=xlsx" in html
    assert "WPS" in html
