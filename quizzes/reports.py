"""Item analysis for staff: figures per quiz and date range, computed by the database.

Every figure is an aggregate (COUNT, AVG) over attempts or answers: nothing here loads attempts into
Python, and the rows a query returns are bounded by the number of quizzes, questions or distinct
responses, never by the number of attempts. A quiz is its translation key, so every language copy
counts together; a question is its translation key (`Answer.question_key`) likewise.

Definitions (Moodle's item statistics, simplified):
- completion rate: submitted attempts / attempts started; an attempt that ran out of time is expired,
  not completed.
- pass rate and mean score: of submitted attempts.
- facility: the share of a question's answers (in submitted attempts) that are right; an unanswered
  question counts as wrong, as it does in the score.
- discrimination index: facility among the top 27% of submitted attempts by percent minus facility
  among the bottom 27% (k = ceil(0.27 × n)). Attempts are ranked by percent, ties by id: the top group
  is the first k of that ranking and the bottom group its last k, so the two never overlap while
  2k ≤ n.
"""

import math
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Avg, Count, Max, Min, Q
from django.utils import timezone, translation

from home.times import BEIJING

from .models import Answer, Attempt, Choice, Question, QuizPage

# Dates in reports are Beijing dates, whatever time zone the viewer's admin profile uses.
DEFAULT_DAYS = 90
TOP_SHARE = 0.27

SUBMITTED = Attempt.Status.SUBMITTED
EXPIRED = Attempt.Status.EXPIRED


def today():
    return timezone.now().astimezone(BEIJING).date()


@dataclass(frozen=True)
class Period:
    """Attempts started from `start` to `end` inclusive (Beijing dates); None means open-ended."""

    start: object = None
    end: object = None

    @classmethod
    def default(cls):
        """The last 90 days, today included."""
        end = today()
        return cls(end - timedelta(days=DEFAULT_DAYS - 1), end)

    @property
    def is_all_time(self):
        return self.start is None and self.end is None

    def q(self, prefix=""):
        condition = Q()
        if self.start is not None:
            moment = datetime.combine(self.start, time.min, tzinfo=BEIJING)
            condition &= Q(**{f"{prefix}started_at__gte": moment})
        if self.end is not None:
            moment = datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=BEIJING)
            condition &= Q(**{f"{prefix}started_at__lt": moment})
        return condition


def rate(part, whole):
    """A share from 0 to 1, or None when there is nothing to divide by."""
    return part / whole if whole else None


def attempts_in(quiz_key, period):
    return Attempt.objects.filter(period.q(), quiz_key=quiz_key)


def submitted_in(quiz_key, period):
    return attempts_in(quiz_key, period).filter(status=SUBMITTED)


def _counts():
    return {
        "started": Count("id"),
        "completed": Count("id", filter=Q(status=SUBMITTED)),
        "passed": Count("id", filter=Q(status=SUBMITTED, passed=True)),
        "expired": Count("id", filter=Q(status=EXPIRED)),
        "mean_percent": Avg("percent", filter=Q(status=SUBMITTED)),
    }


@dataclass
class Summary:
    started: int = 0
    completed: int = 0
    passed: int = 0
    expired: int = 0
    mean_percent: float | None = None

    @property
    def completion_rate(self):
        return rate(self.completed, self.started)

    @property
    def pass_rate(self):
        return rate(self.passed, self.completed)


def summary(quiz_key, period):
    """Attempts started, completed, passed and expired, and the mean percent: one query."""
    figures = attempts_in(quiz_key, period).order_by().aggregate(**_counts())
    return Summary(**figures)


@dataclass
class QuestionFigures:
    key: str
    position: int
    text: str = ""
    answered: int = 0
    correct: int = 0
    skipped: int = 0
    top_answered: int = 0
    top_correct: int = 0
    bottom_answered: int = 0
    bottom_correct: int = 0
    wrong_response: str | None = None
    wrong_count: int = 0
    wrong_text: str = ""

    @property
    def facility(self):
        return rate(self.correct, self.answered)

    @property
    def top_facility(self):
        return rate(self.top_correct, self.top_answered)

    @property
    def bottom_facility(self):
        return rate(self.bottom_correct, self.bottom_answered)

    @property
    def discrimination(self):
        top, bottom = self.top_facility, self.bottom_facility
        return None if top is None or bottom is None else top - bottom


@dataclass
class QuestionReport:
    submitted: int
    group_size: int
    questions: list = field(default_factory=list)


def group_size(submitted):
    """k = ceil(0.27 × n), computed in integers so 0.27 × 100 is exactly 27."""
    return math.ceil(submitted * round(TOP_SHARE * 100) / 100) if submitted else 0


def _ranked(quiz_key, period, k):
    """The ids of the top and bottom k submitted attempts, as subqueries (never loaded)."""
    submitted = submitted_in(quiz_key, period)
    top = submitted.order_by("-percent", "id").values("id")[:k]
    bottom = submitted.order_by("percent", "-id").values("id")[:k]
    return top, bottom


def question_figures(quiz_key, period, language=None, submitted=None):
    """Per question: answers, facility, discrimination and the most-chosen wrong answer (texts in
    `language`). Six queries (five if `submitted`, the number of submitted attempts, is given): the
    count; every answer grouped by question and response; the top and the bottom group's answers
    grouped by question; the texts of questions, and of choices. Rows are bounded by questions and
    distinct responses, never by attempts."""
    language = language or translation.get_language()
    if submitted is None:
        submitted = submitted_in(quiz_key, period).count()
    k = group_size(submitted)
    report = QuestionReport(submitted=submitted, group_size=k)
    if not submitted:
        return report
    # Answers by attempt id in a subquery rather than a join: one pass over the answers, no per-row
    # look-up of its attempt (SQLite takes half the time; PostgreSQL plans a hashed semi-join either way).
    answers = Answer.objects.filter(attempt__in=submitted_in(quiz_key, period).values("id")).order_by()
    by_key = {}
    # One grouped pass gives the totals and the wrong answers: a row per (question, response, right).
    responses = answers.values("question_key", "response_key", "is_correct").annotate(
        count=Count("id"), position=Min("position")
    )
    for row in responses:
        key = str(row["question_key"])
        figures = by_key.setdefault(key, QuestionFigures(key=key, position=row["position"]))
        figures.position = min(figures.position, row["position"])
        figures.answered += row["count"]
        if row["is_correct"]:
            figures.correct += row["count"]
            continue
        if not row["response_key"]:
            figures.skipped += row["count"]
        # The most chosen; of equal counts, a real answer before "no answer", then a stable order.
        candidate = (row["count"], bool(row["response_key"]), row["response_key"])
        current = (figures.wrong_count, bool(figures.wrong_response), figures.wrong_response or "")
        if figures.wrong_response is None or candidate > current:
            figures.wrong_response = row["response_key"]
            figures.wrong_count = row["count"]
    top, bottom = _ranked(quiz_key, period, k)
    for group, prefix in ((top, "top"), (bottom, "bottom")):
        grouped = (
            Answer.objects.filter(attempt__in=group)
            .order_by()
            .values("question_key")
            .annotate(answered=Count("id"), correct=Count("id", filter=Q(is_correct=True)))
        )
        for row in grouped:
            figures = by_key.get(str(row["question_key"]))
            if figures is not None:
                setattr(figures, f"{prefix}_answered", row["answered"])
                setattr(figures, f"{prefix}_correct", row["correct"])
    _add_texts(by_key.values(), language)
    report.questions = sorted(by_key.values(), key=lambda figures: (figures.position, figures.key))
    return report


def _prefer(texts, language):
    """Of {language code: text}, the viewer's language, then the default language, then any."""
    for code in (language, settings.LANGUAGE_CODE):
        if code in texts:
            return texts[code]
    return next(iter(texts.values()), "")


def _by_language(rows):
    found = {}
    for key, code, text in rows:
        found.setdefault(str(key), {})[code] = text
    return found


def _add_texts(questions, language):
    questions = list(questions)
    question_texts = _by_language(
        Question.objects.filter(translation_key__in=[figures.key for figures in questions])
        .order_by("pk")
        .values_list("translation_key", "locale__language_code", "text")
    )
    choice_keys = {
        key for figures in questions if figures.wrong_response for key in figures.wrong_response.split(",")
    }
    choice_texts = (
        _by_language(
            Choice.objects.filter(translation_key__in=choice_keys)
            .order_by("pk")
            .values_list("translation_key", "locale__language_code", "text")
        )
        if choice_keys
        else {}
    )
    for figures in questions:
        figures.text = _prefer(question_texts.get(figures.key, {}), language)
        if figures.wrong_response is None:
            continue
        if figures.wrong_response == "":
            with translation.override(language):
                figures.wrong_text = translation.gettext("(no answer)")
        else:
            figures.wrong_text = " + ".join(
                _prefer(choice_texts.get(key, {}), language) or "?"
                for key in figures.wrong_response.split(",")
            )


@dataclass
class QuizRow:
    """One quiz in the list of every quiz: its figures in the period."""

    key: str
    title: str
    summary: Summary
    pages: dict = field(default_factory=dict)


def quiz_titles(language=None):
    """{quiz key: title in `language` (fallback: default language, any)}: one query, one row per page."""
    language = language or translation.get_language()
    return {
        key: _prefer(texts, language)
        for key, texts in _by_language(
            QuizPage.objects.order_by("pk").values_list("translation_key", "locale__language_code", "title")
        ).items()
    }


def quiz_title(quiz_key, language=None):
    """The quiz's title in `language`, or the title its latest attempt saw if the page is gone."""
    language = language or translation.get_language()
    texts = _by_language(
        QuizPage.objects.filter(translation_key=quiz_key).values_list(
            "translation_key", "locale__language_code", "title"
        )
    ).get(str(quiz_key))
    if texts:
        return _prefer(texts, language)
    return (
        Attempt.objects.filter(quiz_key=quiz_key)
        .order_by("-started_at")
        .values_list("quiz_title", flat=True)
        .first()
    )


def quizzes_overview(period, language=None):
    """Every quiz (pages, and keys that only attempts still remember) with its figures: two queries."""
    titles = quiz_titles(language)
    grouped = (
        Attempt.objects.filter(period.q())
        .order_by()
        .values("quiz_key")
        .annotate(remembered_title=Max("quiz_title"), **_counts())
    )
    rows = {}
    for row in grouped:
        key = str(row.pop("quiz_key"))
        remembered = row.pop("remembered_title")
        rows[key] = QuizRow(key=key, title=titles.get(key) or remembered, summary=Summary(**row))
    for key, title in titles.items():
        rows.setdefault(key, QuizRow(key=key, title=title, summary=Summary()))
    return sorted(rows.values(), key=lambda row: (-row.summary.started, row.title.casefold(), row.key))
