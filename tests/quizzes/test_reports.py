"""Staff reports: figures on a known data set (rates, mean, facility, discrimination, most-chosen wrong
answer), both languages together, date ranges in Beijing time, who may see them, sorting, the CSV
file, the SVG charts, and queries that do not grow with the number of attempts."""

import csv
import io
import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from home.models import HomePage
from quizzes import reports
from quizzes.models import Answer, Attempt
from tests.accounts.factories import staff_user
from tests.shared_data import made_once

from . import factories

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")
ALL_TIME = reports.Period()

# Ten submitted attempts at three questions: R right, W1/W2 a wrong choice, "-" no answer.
# Scores: 100 100 67 67 33 67 33 0 33 0 (ids in this order). n = 10, k = ceil(2.7) = 3:
# top = attempts 1, 2, 3 (100, 100, then the first 67 by id); bottom = 10, 8 (the zeros), then 9 (the
# last 33 by id).
PATTERNS = [
    ("R", "R", "R"),
    ("R", "R", "R"),
    ("R", "R", "W1"),
    ("R", "-", "R"),
    ("R", "-", "W1"),
    ("R", "R", "W2"),
    ("W1", "R", "W1"),
    ("W2", "W1", "-"),
    ("R", "-", "W1"),
    ("W1", "W1", "W1"),
]
PICK = {"R": 0, "W1": 1, "W2": 2}


@pytest.fixture
def officer(db):
    return staff_user(group="Officers")


@pytest.fixture
def staff_client(client, officer):
    client.force_login(officer)
    return client


def answers_for(questions, pattern):
    """{question key: [choice id]} for the copies in `questions` (one language)."""
    answers = {}
    for question, mark in zip(questions, pattern, strict=True):
        if mark != "-":
            choices = sorted(question.choices.all(), key=lambda choice: choice.sort_order)
            answers[str(question.translation_key)] = [choices[PICK[mark]].pk]
    return answers


@pytest.fixture(scope="module")
def shared_data(django_db_setup, django_db_blocker):
    """The data set, made once for the module (rolled back after it); each test's changes are rolled
    back after it. Tests that do not ask for it see it too: none counts every quiz or attempt."""
    with made_once(django_db_blocker, make_data) as made:
        yield made.value


@pytest.fixture
def data(shared_data, db):
    return shared_data


def make_data():
    """The quiz in Chinese (attempts 1-5) and English (attempts 6-10), one unfinished attempt, one that
    ran out of time, and an attempt at another quiz that must not count."""
    home_zh = HomePage.objects.get(locale__language_code="zh-hans", depth=2)
    # A slug of its own: tests that make their own quiz index under the home page take the default one.
    index = factories.QuizIndexPageFactory(parent=home_zh, slug="report-quizzes")
    zh_questions = [factories.QuestionFactory() for _ in range(3)]
    en_questions = [factories.translate_question(question) for question in zh_questions]
    quiz = factories.QuizPageFactory(parent=index, questions=zh_questions, pass_mark=60)
    quiz_en = factories.translate(quiz, title="Consular protection quiz")
    attempts = []
    for number, pattern in enumerate(PATTERNS):
        page, questions = (quiz, zh_questions) if number < 5 else (quiz_en, en_questions)
        attempts.append(
            factories.AttemptFactory(
                quiz=page, guest_token=f"guest-{number}", answers=answers_for(questions, pattern)
            )
        )
    factories.AttemptFactory(quiz=quiz, guest_token="unfinished", submit=False)
    expired = factories.AttemptFactory(quiz=quiz, guest_token="too-slow", submit=False)
    Attempt.objects.filter(pk=expired.pk).update(status=Attempt.Status.EXPIRED)
    other = factories.QuizPageFactory(parent=index, questions=[factories.QuestionFactory()])
    factories.AttemptFactory(quiz=other, guest_token="elsewhere", answers="wrong")
    return {"quiz": quiz, "quiz_en": quiz_en, "questions": zh_questions, "attempts": attempts, "other": other}


def test_summary_figures_are_exact(data):
    summary = reports.summary(data["quiz"].translation_key, ALL_TIME)
    assert summary.started == 12
    assert summary.completed == 10
    assert summary.completion_rate == pytest.approx(10 / 12)
    assert summary.passed == 5
    assert summary.pass_rate == pytest.approx(0.5)
    assert summary.mean_percent == pytest.approx(50.0)
    assert summary.expired == 1


def by_position(quiz, language="en"):
    report = reports.question_figures(quiz.translation_key, ALL_TIME, language)
    return report, report.questions


def test_facility_and_answer_counts(data):
    report, (q1, q2, q3) = by_position(data["quiz"])
    assert report.submitted == 10 and report.group_size == 3
    assert [q.answered for q in (q1, q2, q3)] == [10, 10, 10]
    assert [q.correct for q in (q1, q2, q3)] == [7, 5, 3]
    assert [q.facility for q in (q1, q2, q3)] == pytest.approx([0.7, 0.5, 0.3])
    assert [q.skipped for q in (q1, q2, q3)] == [0, 3, 1]


def test_discrimination_is_top_facility_minus_bottom_facility(data):
    _report, (q1, q2, q3) = by_position(data["quiz"])
    # Top {1, 2, 3}; bottom {10, 8, 9}.
    assert (q1.top_facility, q1.bottom_facility) == pytest.approx((1.0, 1 / 3))
    assert q1.discrimination == pytest.approx(2 / 3)
    assert (q2.top_facility, q2.bottom_facility) == pytest.approx((1.0, 0.0))
    assert q2.discrimination == pytest.approx(1.0)
    assert (q3.top_facility, q3.bottom_facility) == pytest.approx((2 / 3, 0.0))
    assert q3.discrimination == pytest.approx(2 / 3)


def test_group_size_is_27_percent_rounded_up():
    assert [reports.group_size(n) for n in (0, 1, 3, 4, 10, 100, 101)] == [0, 1, 1, 2, 3, 27, 28]


def test_most_chosen_wrong_answer_in_the_viewers_language(data):
    _report, (q1, q2, q3) = by_position(data["quiz"], "en")
    assert (q1.wrong_text, q1.wrong_count) == ("EN: 错的选项一", 2)
    assert (q2.wrong_text, q2.wrong_count) == ("(no answer)", 3)
    assert (q3.wrong_text, q3.wrong_count) == ("EN: 错的选项一", 5)
    _report, (q1, _q2, _q3) = by_position(data["quiz"], "zh-hans")
    assert q1.wrong_text == "错的选项一"
    assert q1.text == data["questions"][0].text


def test_both_languages_count_under_one_question_key(data):
    keys = {str(question.translation_key) for question in data["questions"]}
    languages = set(
        Attempt.objects.filter(quiz_key=data["quiz"].translation_key).values_list("language", flat=True)
    )
    assert languages == {"zh-hans", "en"}
    _report, questions = by_position(data["quiz"])
    assert {q.key for q in questions} == keys
    assert reports.summary(data["quiz_en"].translation_key, ALL_TIME).completed == 10


def test_the_date_range_is_in_beijing_time(data):
    quiz_key = data["quiz"].translation_key
    first = data["attempts"][0]
    # 00:30 on 1 January in Beijing is still 31 December in UTC.
    Attempt.objects.filter(pk=first.pk).update(started_at=datetime(2024, 1, 1, 0, 30, tzinfo=BEIJING))
    assert reports.summary(quiz_key, reports.Period(date(2024, 1, 1), date(2024, 1, 1))).started == 1
    assert reports.summary(quiz_key, reports.Period(date(2023, 12, 31), date(2023, 12, 31))).started == 0
    assert reports.summary(quiz_key, reports.Period(None, date(2024, 1, 1))).started == 1
    assert reports.summary(quiz_key, reports.Period(date(2024, 1, 2), None)).started == 11
    assert reports.summary(quiz_key, reports.Period.default()).started == 11
    in_range = reports.question_figures(quiz_key, reports.Period(date(2024, 1, 2), None), "en")
    assert in_range.submitted == 9
    assert sum(q.correct for q in in_range.questions) == 15 - 3


def test_the_default_period_is_the_last_90_days():
    period = reports.Period.default()
    assert period.end == timezone.now().astimezone(BEIJING).date()
    assert period.end - period.start == timedelta(days=89)


def test_every_quiz_is_listed_with_its_rates(data, home_zh):
    empty = factories.QuizPageFactory(
        parent=data["quiz"].get_parent().specific, questions=[factories.QuestionFactory()]
    )
    rows = {row.key: row for row in reports.quizzes_overview(ALL_TIME, "en")}
    mine = rows[str(data["quiz"].translation_key)]
    assert mine.title == "Consular protection quiz"
    assert (mine.summary.started, mine.summary.completed, mine.summary.passed) == (12, 10, 5)
    assert rows[str(data["other"].translation_key)].summary.started == 1
    assert rows[str(empty.translation_key)].summary.started == 0
    assert reports.quizzes_overview(ALL_TIME, "zh-hans")[0].title == data["quiz"].title


# The admin screens.


def report_url(quiz, **query):
    url = reverse("quizzes_report", args=[quiz.translation_key])
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def test_an_officer_sees_the_reports(staff_client, data):
    response = staff_client.get(reverse("quizzes_report_index"))
    assert response.status_code == 200
    assert "Consular protection quiz" in response.text
    response = staff_client.get(report_url(data["quiz"], period="all"))
    assert response.status_code == 200
    assert "EN: 错的选项一" in response.text


def test_an_editor_without_the_permission_is_refused(client, make_user, data):
    client.force_login(staff_user(group="Editors"))
    assert refused(client.get(reverse("quizzes_report_index")))
    assert refused(client.get(report_url(data["quiz"])))
    assert refused(client.get(reverse("quizzes_report_csv", args=[data["quiz"].translation_key])))


def test_anonymous_visitors_are_sent_to_log_in(client, data):
    response = client.get(report_url(data["quiz"]))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_the_reports_menu_shows_the_item_to_officers_only(client, staff_client, make_user):
    response = staff_client.get(reverse("wagtailadmin_home"))
    assert reverse("quizzes_report_index") in response.text
    client.force_login(staff_user(group="Editors"))
    assert reverse("quizzes_report_index") not in client.get(reverse("wagtailadmin_home")).text


def test_the_quiz_page_editor_links_to_its_report(staff_client, officer, data):
    officer.groups.add(Group.objects.get(name="Editors"))
    response = staff_client.get(reverse("wagtailadmin_pages:edit", args=[data["quiz_en"].pk]))
    assert response.status_code == 200
    assert reverse("quizzes_report", args=[data["quiz"].translation_key]) in response.text


def test_an_unknown_quiz_is_not_found(staff_client):
    # (LocaleMiddleware first tries the language-prefixed address of a 404.)
    response = staff_client.get(reverse("quizzes_report", args=[uuid.uuid4()]), follow=True)
    assert response.status_code == 404


def test_the_date_filter_narrows_the_figures(staff_client, data):
    first = data["attempts"][0]
    Attempt.objects.filter(pk=first.pk).update(started_at=datetime(2024, 1, 1, 0, 30, tzinfo=BEIJING))
    response = staff_client.get(report_url(data["quiz"], start="2024-01-01", end="2024-01-01"))
    assert response.context["summary"].started == 1
    response = staff_client.get(report_url(data["quiz"]))
    assert response.context["summary"].started == 11


@pytest.mark.parametrize(
    "query",
    [{"start": "2024-02-30"}, {"start": "2024-03-01", "end": "2024-01-01"}, {"end": "yesterday"}],
)
def test_bad_dates_give_a_message_and_the_default_range(staff_client, data, query):
    response = staff_client.get(report_url(data["quiz"], **query))
    assert response.status_code == 200
    assert response.context["period"] == reports.Period.default()
    messages = [str(message) for message in response.context["messages"]]
    assert len(messages) == 1 and "last 90 days" in messages[0]


def table_order(response):
    return [row["figures"].number for row in response.context["rows"]]


def test_the_table_sorts_by_column(staff_client, data):
    assert table_order(staff_client.get(report_url(data["quiz"], period="all"))) == [1, 2, 3]
    response = staff_client.get(report_url(data["quiz"], period="all", sort="facility"))
    assert table_order(response) == [3, 2, 1]
    assert 'aria-sort="ascending"' in response.text
    response = staff_client.get(report_url(data["quiz"], period="all", sort="-discrimination"))
    assert table_order(response) == [2, 1, 3]
    assert 'aria-sort="descending"' in response.text
    assert table_order(staff_client.get(report_url(data["quiz"], period="all", sort="-wrong"))) == [3, 2, 1]


@pytest.mark.parametrize("sort", ["percent", "-id", "__class__", "text; drop table", ""])
def test_an_unknown_sort_key_is_ignored(staff_client, data, sort):
    response = staff_client.get(report_url(data["quiz"], period="all", sort=sort))
    assert response.status_code == 200
    assert table_order(response) == [1, 2, 3]


def test_the_sort_links_keep_the_period(staff_client, data):
    response = staff_client.get(report_url(data["quiz"], start="2024-01-01"))
    assert "?start=2024-01-01&amp;sort=facility" in response.text


def test_the_page_draws_svg_bar_charts_beside_the_table(staff_client, data):
    response = staff_client.get(report_url(data["quiz"], period="all"))
    text = response.text
    assert text.count('role="img" aria-labelledby="chart-') == 2
    assert '<title id="chart-rates-title">' in text and '<title id="chart-facility-title">' in text
    assert "Facility per question" in text and "Completion and pass rates" in text
    assert "Question 1: 70% right" in text
    assert '<table class="listing">' in text


def read_csv(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_the_csv_has_the_question_table(staff_client, data):
    response = staff_client.get(
        reverse("quizzes_report_csv", args=[data["quiz"].translation_key]) + "?period=all&sort=facility"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = read_csv(response)
    header = rows.index(next(row for row in rows if row and row[0] == "No."))
    table = rows[header + 1 :]
    assert [row[0] for row in table] == ["3", "2", "1"]
    first = table[-1]
    assert first[3:10] == ["10", "7", "0", "70.0", "100.0", "33.3", "0.67"]
    assert first[10:] == ["EN: 错的选项一", "2"]


def test_the_csv_neutralises_formulas(staff_client, home_zh):
    index = factories.QuizIndexPageFactory(parent=home_zh)
    dangerous = factories.QuestionFactory(text="=HYPERLINK(1)", choices=[("对", True), ("@SUM(A1)", False)])
    quiz = factories.QuizPageFactory(parent=index, questions=[dangerous])
    factories.AttemptFactory(quiz=quiz, answers="wrong")
    response = staff_client.get(reverse("quizzes_report_csv", args=[quiz.translation_key]) + "?period=all")
    row = read_csv(response)[-1]
    assert row[1] == "'=HYPERLINK(1)"
    assert row[10] == "'@SUM(A1)"
    assert row[9] == "0.00"


def sheet_rows(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True))


def test_the_question_table_downloads_as_xlsx_with_numbers(staff_client, data):
    url = reverse("quizzes_report_xlsx", args=[data["quiz"].translation_key])
    response = staff_client.get(url + "?period=all&sort=facility")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    header, *table = sheet_rows(response)
    assert header[0] == "No."
    assert [row[0] for row in table] == [3, 2, 1]
    assert table[-1][3:] == (10, 7, 0, 70.0, 100.0, 33.3, 0.67, "EN: 错的选项一", 2)


def test_the_index_exports_every_quiz_as_xlsx_and_csv(staff_client, data):
    url = reverse("quizzes_report_index")
    header, *rows = sheet_rows(staff_client.get(url, {"period": "all", "export": "xlsx"}))
    assert header[:3] == ("Quiz", "Attempts started", "Submitted")
    mine = next(row for row in rows if row[0] == "Consular protection quiz")
    assert mine == ("Consular protection quiz", 12, 10, 83.3, 5, 50.0, mine[6], 1)
    response = staff_client.get(url, {"period": "all", "export": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("\ufeff")
    assert "Consular protection quiz,12,10,83.3,5,50.0," in body


def test_the_index_searches_titles_and_keeps_the_period(staff_client, data):
    response = staff_client.get(reverse("quizzes_report_index"), {"q": "consular", "period": "all"})
    assert [row.title for row in response.context["object_list"]] == ["Consular protection quiz"]
    assert response.context["period"].is_all_time
    assert all(row.url.endswith("?period=all") for row in response.context["object_list"])


def test_the_index_date_filter_counts_attempts_in_the_range(staff_client, data):
    first = data["attempts"][0]
    Attempt.objects.filter(pk=first.pk).update(started_at=datetime(2024, 1, 1, 0, 30, tzinfo=BEIJING))
    url = reverse("quizzes_report_index_results")
    response = staff_client.get(url, {"start": "2024-01-01", "end": "2024-01-01"})
    assert response.status_code == 200
    rows = {row.key: row for row in response.context["object_list"]}
    assert rows[str(data["quiz"].translation_key)].summary.started == 1


def test_the_downloads_are_refused_without_the_permission(client, make_user, data):
    client.force_login(staff_user(group="Editors"))
    assert refused(client.get(reverse("quizzes_report_xlsx", args=[data["quiz"].translation_key])))
    assert refused(client.get(reverse("quizzes_report_index"), {"export": "xlsx"}))
    assert refused(client.get(reverse("quizzes_report_index_results")))


def test_the_reports_speak_chinese_to_a_chinese_officer(client, make_user, data):
    officer = staff_user(group="Officers")
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "zh-hans"
    profile.save()
    client.force_login(officer)
    for url in (reverse("quizzes_report_index"), report_url(data["quiz"], period="all")):
        response = client.get(url)
        assert response.status_code == 200
        assert '<html lang="zh-hans"' in response.text
    assert data["quiz"].title in client.get(reverse("quizzes_report_index"), {"period": "all"}).text


def test_one_quizzes_menu_holds_questions_reports_and_result_codes(staff_client, officer):
    officer.groups.add(Group.objects.get(name="Editors"))
    text = staff_client.get(reverse("wagtailadmin_home")).text
    for url in (
        reverse("quizzes_report_index"),
        reverse("quizzes_result_codes"),
        reverse("wagtailsnippets_quizzes_question:list"),
    ):
        assert url in text


# Queries: bounded by questions, not attempts.


def bulk_attempts(quiz, questions, numbers):
    """`count` submitted attempts with answers, written directly (like scripts/benchmark_quiz_report.py)."""
    now = timezone.now()
    attempts = Attempt.objects.bulk_create(
        Attempt(
            quiz_key=quiz.translation_key,
            quiz_page=quiz,
            quiz_title=quiz.title,
            language="zh-hans",
            guest_token=f"bulk-{number}",
            status=Attempt.Status.SUBMITTED,
            started_at=now - timedelta(minutes=number),
            submitted_at=now,
            pass_mark=60,
            review="score",
            score=number % 4,
            max_score=3,
            percent=round(100 * (number % 4) / 3),
            passed=number % 4 >= 2,
        )
        for number in numbers
    )
    keys = [
        [str(choice.translation_key) for choice in sorted(q.choices.all(), key=lambda c: c.sort_order)]
        for q in questions
    ]
    Answer.objects.bulk_create(
        Answer(
            attempt=attempt,
            question=question,
            question_key=question.translation_key,
            position=position,
            response_key=keys[position - 1][(attempt.pk + position) % 3],
            is_correct=(attempt.pk + position) % 3 == 0,
        )
        for attempt in attempts
        for position, question in enumerate(questions, start=1)
    )


def report_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def test_the_report_queries_do_not_grow_with_attempts(staff_client, home_zh):
    index = factories.QuizIndexPageFactory(parent=home_zh)
    questions = [factories.QuestionFactory() for _ in range(3)]
    quiz = factories.QuizPageFactory(parent=index, questions=questions)
    bulk_attempts(quiz, questions, range(10))
    staff_client.get(report_url(quiz))  # session and permission caches warmed
    response, with_10 = report_queries(staff_client, report_url(quiz, sort="-discrimination"))
    assert response.context["summary"].completed == 10
    bulk_attempts(quiz, questions, range(10, 300))
    response, with_300 = report_queries(staff_client, report_url(quiz, sort="-discrimination"))
    assert response.context["summary"].completed == 300
    assert sum(q.answered for q in response.context["analysis"].questions) == 900
    assert with_10 == with_300
    assert with_300 <= 20
    _response, index_with_300 = report_queries(staff_client, reverse("quizzes_report_index"))
    assert index_with_300 <= 15
