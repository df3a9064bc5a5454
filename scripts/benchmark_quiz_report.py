"""Time of the quiz reports over 100,000 submitted attempts (20 questions, 2,000,000 answers).

Builds, in a throwaway database, one quiz with 20 questions and N submitted attempts written directly
with bulk_create (abilities vary; questions differ in difficulty and in how well they discriminate; a
few attempts are unfinished or ran out of time), then times the report functions several times each
(the summary, the per-question analysis with discrimination and wrong answers, the CSV file, the list
of every quiz) and prints the median time and the number of queries of each.

    DATABASE_URL=sqlite:////tmp/report_bench.db .venv/bin/python scripts/benchmark_quiz_report.py
    psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE quiz_report_bench'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/quiz_report_bench \\
        .venv/bin/python scripts/benchmark_quiz_report.py [--attempts 100000] [--runs 5] [--explain]

It refuses a database that already holds tables unless given --yes (then it adds to what is there);
--existing times the reports again on a database it built before (after changing the report code).
"""

import argparse
import math
import os
import random
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=100_000, help="submitted attempts")
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each function")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--explain", action="store_true", help="print the plans of the report's queries")
    parser.add_argument("--yes", action="store_true", help="use a database that already has tables")
    parser.add_argument(
        "--existing", action="store_true", help="only time the reports on a database this script built before"
    )
    return parser.parse_args()


def setup(args):
    if not os.environ.get("DATABASE_URL"):
        raise SystemExit(
            "Set DATABASE_URL to a throwaway database (sqlite:////tmp/report_bench.db, postgres://...)."
        )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.DEBUG = False  # no query log growing in memory; CaptureQueriesContext turns it on itself
    if args.existing:
        return
    if connection.introspection.table_names() and not args.yes:
        raise SystemExit(
            f"{connection.settings_dict['NAME']} already has tables: "
            "give an empty database, or --yes to use it."
        )
    call_command("migrate", verbosity=0)


BATCH = 2_000
QUIZ_TITLE = "领事保护知识问答（基准测试）"


def build(args):
    """The quiz's questions (4 choices each, the first right) and the attempts with their answers."""
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale

    from quizzes import scoring
    from quizzes.models import Answer, Attempt, Choice, Question

    rng = random.Random(args.seed)  # noqa: S311 (made-up data, not secrets)
    locale, _ = Locale.objects.get_or_create(language_code="zh-hans")
    quiz_key = uuid.uuid4()
    questions = []
    for number in range(1, args.questions + 1):
        question = Question(locale=locale, text=f"第 {number} 题：在国外遇到紧急情况，应该怎么办？")
        for order, text in enumerate(["对的做法", "常见的误解", "另一个错的做法", "不相干的做法"]):
            question.choices.add(Choice(locale=locale, text=text, is_correct=order == 0, sort_order=order))
        question.save()
        keys = [str(choice.translation_key) for choice in question.choices.order_by("sort_order")]
        # Item response theory (2PL): difficulty b, discrimination a. Some questions are hard, one
        # discriminates badly, one is a giveaway.
        difficulty = rng.uniform(-1.5, 1.0) if number % 5 else rng.uniform(1.5, 2.5)
        discrimination = 0.1 if number == 7 else (0.4 if number == 13 else rng.uniform(0.8, 2.0))
        if number == 3:
            difficulty = -3.0
        questions.append((question, keys, difficulty, discrimination))

    now = timezone.now()
    made = 0
    started = time.perf_counter()
    while made < args.attempts:
        size = min(BATCH, args.attempts - made)
        attempts, sheets = [], []
        for number in range(made, made + size):
            ability = rng.gauss(0.3, 1.0)
            sheet = []
            for position, (question, keys, difficulty, discrimination) in enumerate(questions, start=1):
                if rng.random() < 0.03:
                    sheet.append((position, question, "", False))
                    continue
                right = rng.random() < 1 / (1 + math.exp(-discrimination * (ability - difficulty)))
                chosen = keys[0] if right else rng.choices(keys[1:], weights=[6, 3, 1])[0]
                sheet.append((position, question, chosen, right))
            score = sum(right for *_rest, right in sheet)
            percent = scoring.percent(score, len(questions))
            started_at = now - timedelta(seconds=rng.randrange(365 * 24 * 3600))
            attempts.append(
                Attempt(
                    quiz_key=quiz_key,
                    quiz_title=QUIZ_TITLE,
                    language="zh-hans" if number % 3 else "en",
                    guest_token=f"bench-{number}",
                    status=Attempt.Status.SUBMITTED,
                    started_at=started_at,
                    submitted_at=started_at + timedelta(minutes=rng.randint(2, 15)),
                    pass_mark=60,
                    review="answers",
                    score=score,
                    max_score=len(questions),
                    percent=percent,
                    passed=percent >= 60,
                )
            )
            sheets.append(sheet)
        with transaction.atomic():
            Attempt.objects.bulk_create(attempts, batch_size=BATCH)
            Answer.objects.bulk_create(
                (
                    Answer(
                        attempt=attempt,
                        question=question,
                        question_key=question.translation_key,
                        position=position,
                        chosen=[],
                        response_key=response_key,
                        is_correct=right,
                    )
                    for attempt, sheet in zip(attempts, sheets, strict=True)
                    for position, question, response_key, right in sheet
                ),
                batch_size=BATCH * 2,
            )
        made += size
        print(f"\r  {made:>7} attempts written ({time.perf_counter() - started:.0f} s)", end="", flush=True)
    # Unfinished and expired attempts: 3% and 5% on top of the submitted ones.
    extra = [
        Attempt(
            quiz_key=quiz_key,
            quiz_title=QUIZ_TITLE,
            language="zh-hans",
            guest_token=f"bench-open-{number}",
            status=Attempt.Status.IN_PROGRESS if number % 8 < 3 else Attempt.Status.EXPIRED,
            started_at=now - timedelta(seconds=rng.randrange(365 * 24 * 3600)),
            pass_mark=60,
            review="answers",
            max_score=len(questions),
        )
        for number in range(args.attempts * 8 // 100)
    ]
    Attempt.objects.bulk_create(extra, batch_size=BATCH)
    print()
    return quiz_key


def analyse():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def measure(label, runs, function):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            function()
            times.append((time.perf_counter() - start) * 1000)
    print(
        f"  {label:<44} median {statistics.median(times):8.1f} ms"
        f"  (min {min(times):7.1f})  {len(queries)} queries"
    )
    return queries


def explain(queries):
    from django.db import connection

    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    for query in queries:
        print("\n  " + query["sql"][:300] + ("…" if len(query["sql"]) > 300 else ""))
        with connection.cursor() as cursor:
            cursor.execute(prefix + query["sql"])
            for row in cursor.fetchall():
                print("    " + " | ".join(str(cell) for cell in row))


def main():
    args = parse_args()
    setup(args)
    from django.db import connection
    from django.utils import translation

    from quizzes import admin_views, reports
    from quizzes.models import Answer, Attempt

    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
    started = time.perf_counter()
    if args.existing:
        quiz_key = Attempt.objects.filter(quiz_title=QUIZ_TITLE).values_list("quiz_key", flat=True).first()
        if quiz_key is None:
            raise SystemExit("No benchmark quiz in this database: run without --existing first.")
    else:
        quiz_key = build(args)
        analyse()
    print(
        f"Built {Attempt.objects.count():,} attempts and {Answer.objects.count():,} answers "
        f"in {time.perf_counter() - started:.0f} s"
    )
    translation.activate("zh-hans")
    for name, period in (("last 90 days", reports.Period.default()), ("all time", reports.Period())):
        submitted = reports.summary(quiz_key, period).completed
        print(f"\n{name}: {submitted:,} submitted attempts in the range")
        measure("summary (one aggregate)", args.runs, lambda period=period: reports.summary(quiz_key, period))
        analysis = measure(
            "per question (facility, discrimination, wrong)",
            args.runs,
            lambda period=period: reports.question_figures(quiz_key, period, "zh-hans"),
        )
        measure(
            "CSV of the question table",
            args.runs,
            lambda period=period: admin_views.report_csv(quiz_key, period, "facility", False, "zh-hans"),
        )
        measure(
            "every quiz (list view)",
            args.runs,
            lambda period=period: reports.quizzes_overview(period, "zh-hans"),
        )
        if args.explain:
            explain(analysis)
    figures = reports.question_figures(quiz_key, reports.Period(), "zh-hans").questions
    print("\nA few questions (all time): facility, discrimination, most-chosen wrong answer")
    for row in figures[:5]:
        print(
            f"  {row.position:>2}  {row.facility:5.2f}  {row.discrimination:+5.2f}"
            f"  {row.wrong_text} ×{row.wrong_count}"
        )


if __name__ == "__main__":
    main()
