"""Quiz report dates (issue 15, item 6): the date inputs show the dates asked for in either language
(a date input shows only yyyy-mm-dd), and a chosen range survives paging, the download links and the
way back to the list of quizzes."""

import csv
import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from quizzes.admin_views import QuizReportIndexView
from quizzes.models import Attempt
from tests.accounts.factories import staff_user

from . import factories

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")
RANGE = {"start": "2024-01-02", "end": "2024-03-04"}


def officer_in(client, language):
    officer = staff_user(group="Officers")
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = language
    profile.save()
    client.force_login(officer)
    return client


@pytest.fixture
def quizzes(home_zh):
    """Two quizzes; the first has one attempt started inside RANGE and one outside it."""
    index = factories.QuizIndexPageFactory(parent=home_zh)
    first = factories.QuizPageFactory(parent=index, questions=[factories.QuestionFactory()])
    second = factories.QuizPageFactory(parent=index, questions=[factories.QuestionFactory()])
    inside = factories.AttemptFactory(quiz=first, guest_token="inside", answers="wrong")
    factories.AttemptFactory(quiz=first, guest_token="now", answers="wrong")
    factories.AttemptFactory(quiz=second, guest_token="second", answers="wrong")
    Attempt.objects.filter(pk=inside.pk).update(started_at=datetime(2024, 2, 1, 9, tzinfo=BEIJING))
    return first, second


def date_inputs(html):
    return dict(re.findall(r'<input type="date" name="(start|end)" value="([^"]*)"', html))


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_quiz_report_date_inputs_show_the_dates_asked_for(client, quizzes, language):
    officer_in(client, language)

    response = client.get(reverse("quizzes_report", args=[quizzes[0].translation_key]), RANGE)

    assert response.status_code == 200
    assert date_inputs(response.text) == RANGE


def test_the_default_range_shows_in_the_date_inputs_too(client, quizzes):
    officer_in(client, "zh-hans")

    response = client.get(reverse("quizzes_report", args=[quizzes[0].translation_key]))

    period = response.context["period"]
    assert date_inputs(response.text) == {"start": period.start.isoformat(), "end": period.end.isoformat()}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_index_date_filters_show_the_dates_asked_for(client, quizzes, language):
    officer_in(client, language)

    response = client.get(reverse("quizzes_report_index"), RANGE)

    for name, value in RANGE.items():
        assert re.search(rf'<input type="text" name="{name}" value="{value}"', response.text)


def test_the_quiz_report_downloads_and_the_way_back_keep_the_range(client, quizzes):
    officer_in(client, "zh-hans")

    response = client.get(reverse("quizzes_report", args=[quizzes[0].translation_key]), RANGE)

    query = "start=2024-01-02&amp;end=2024-03-04"
    key = quizzes[0].translation_key
    assert f'href="{reverse("quizzes_report_xlsx", args=[key])}?{query}"' in response.text
    assert f'href="{reverse("quizzes_report_csv", args=[key])}?{query}"' in response.text
    assert response.context["breadcrumbs_items"][-2]["url"] == reverse("quizzes_report_index") + "?" + (
        "start=2024-01-02&end=2024-03-04"
    )


def test_the_csv_counts_the_range_only(client, quizzes):
    officer_in(client, "en")
    url = reverse("quizzes_report_csv", args=[quizzes[0].translation_key])

    rows = list(csv.reader(io.StringIO(client.get(url, RANGE).content.decode("utf-8")[1:])))

    assert rows[1] == ["Attempts started", "2024-01-02 to 2024-03-04"]
    assert rows[2] == ["Submitted attempts", "1"]


def test_the_index_pages_and_download_links_keep_the_range(client, quizzes, monkeypatch):
    monkeypatch.setattr(QuizReportIndexView, "paginate_by", 1)
    officer_in(client, "en")

    # The results the listing fetches when a date filter changes (its download links come with them).
    response = client.get(reverse("quizzes_report_index_results"), {**RANGE, "p": "1"})

    html = response.text.replace("&amp;", "&")
    index = reverse("quizzes_report_index")
    assert f"{index}?start=2024-01-02&end=2024-03-04&export=xlsx" in html
    assert f"{index}?start=2024-01-02&end=2024-03-04&export=csv" in html
    assert "?start=2024-01-02&end=2024-03-04&p=2" in html
    second_page = client.get(index, {**RANGE, "p": "2"})
    assert second_page.context["period"].start.isoformat() == RANGE["start"]


def test_the_index_export_counts_the_range(client, quizzes):
    officer_in(client, "en")

    response = client.get(reverse("quizzes_report_index"), {**RANGE, "export": "csv"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8")[1:])))
    started = {row[0]: row[1] for row in rows[1:]}
    assert started[quizzes[0].title] == "1"
    assert started[quizzes[1].title] == "0"
