"""Time of the organisation dashboard, the member progress list and its exports at 10,000 members.

Builds, in a throwaway database, one organisation with N current members in 20 groups, a course
assignment (by translation key) and a quiz assignment, and their learning written directly with
bulk_create (about half completed, some expired, a quarter with a lesson done, a few quiz attempts);
then requests, as the manager, the dashboard, the member progress list (first page and a filtered
one) and the XLSX and CSV exports of every member, several times each, and prints the median time and
the number of queries of each.

    DATABASE_URL=sqlite:////tmp/dashboard_bench.db .venv/bin/python scripts/benchmark_dashboard.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dashboard_bench \\
        .venv/bin/python scripts/benchmark_dashboard.py [--members 10000] [--runs 5]

It refuses a database that already holds tables unless given --yes.
"""

import argparse
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
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each request")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--yes", action="store_true", help="use a database that already has tables")
    return parser.parse_args()


def setup(args):
    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("Set DATABASE_URL to a throwaway database (sqlite:////tmp/dashboard_bench.db, ...).")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    if connection.introspection.table_names() and not args.yes:
        raise SystemExit("The database already has tables: pass --yes to use it anyway.")
    call_command("migrate", verbosity=0)


def build(args):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from organizations.models import Assignment, Membership, Organization
    from quizzes.models import Attempt
    from training.completion import beijing_today
    from training.models import Completion, Enrolment, LessonProgress

    rng = random.Random(args.seed)  # noqa: S311 (made-up data)
    now = timezone.now()
    today = beijing_today()
    user_model = get_user_model()
    stamp = uuid.uuid4().hex[:6]
    organization = Organization.objects.create(
        kind="company",
        name=f"基准测试公司 {stamp}",
        contact_name="王经理",
        contact_email=f"hr-{stamp}@example.org",
        contact_phone="+862161234567",
        status="approved",
    )
    manager = user_model.objects.create_user(
        email=f"manager-{stamp}@example.org", password=None, name="王经理"
    )
    Membership.objects.create(
        organization=organization, user=manager, role="manager", source="application", joined_at=now
    )
    users = user_model.objects.bulk_create(
        user_model(email=f"m{n}-{stamp}@example.org", name=f"成员{n:05d}") for n in range(args.members)
    )
    if users[0].pk is None:  # databases that do not return ids from bulk_create
        users = list(user_model.objects.filter(email__endswith=f"-{stamp}@example.org").order_by("pk"))
    Membership.objects.bulk_create(
        Membership(
            organization=organization,
            user=user,
            email=user.email,
            name=user.name,
            group_label=f"{n % 20 + 1}班",
            source="import",
            joined_at=now,
        )
        for n, user in enumerate(users)
    )
    course_key, quiz_key = uuid.uuid4(), uuid.uuid4()
    Assignment.objects.create(
        organization=organization,
        kind="course",
        course_key=course_key,
        title="外派员工行前安全课",
        due_on=today + timedelta(days=10),
    )
    Assignment.objects.create(
        organization=organization,
        kind="quiz",
        quiz_key=quiz_key,
        title="出行前安全测验",
        due_on=today - timedelta(days=2),
    )
    completions, enrolments, lessons, attempts = [], [], [], []
    for user in users:
        enrolments.append(
            Enrolment(
                user=user, course_key=course_key, course_title="外派员工行前安全课", source="organisation"
            )
        )
        luck = rng.random()
        if luck < 0.5:
            expired = rng.random() < 0.1
            completions.append(
                Completion(
                    user=user,
                    course_key=course_key,
                    course_title="外派员工行前安全课",
                    language="zh-hans",
                    completed_at=now - timedelta(days=30),
                    valid_until=today - timedelta(days=1) if expired else today + timedelta(days=300),
                    attempt_public_id=uuid.uuid4(),
                )
            )
        elif luck < 0.75:
            lessons.append(LessonProgress(user=user, course_key=course_key, lesson_key=uuid.uuid4()))
        if rng.random() < 0.3:
            passed = rng.random() < 0.7
            attempts.append(
                Attempt(
                    user=user,
                    quiz_key=quiz_key,
                    quiz_title="出行前安全测验",
                    status=Attempt.Status.SUBMITTED,
                    submitted_at=now,
                    passed=passed,
                    score=8 if passed else 3,
                    max_score=10,
                    percent=80 if passed else 30,
                    pass_mark=60,
                    review="score",
                    language="zh-hans",
                )
            )
    Enrolment.objects.bulk_create(enrolments, batch_size=2000)
    Completion.objects.bulk_create(completions, batch_size=2000)
    LessonProgress.objects.bulk_create(lessons, batch_size=2000)
    try:
        Attempt.objects.bulk_create(attempts, batch_size=2000)
    except Exception as error:  # the attempt model's required fields may differ: the quiz column shows none
        print(f"(quiz attempts left out: {error})")
    return organization, manager


def measure(label, runs, request):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    request()  # warm
    times = []
    queries = 0
    for _run in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = request()
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
            times.append(time.perf_counter() - started)
        queries = len(captured)
        if response.status_code != 200:
            raise SystemExit(f"{label}: {response.status_code}")
    print(
        f"{label:<44} median {statistics.median(times) * 1000:8.0f} ms   {queries:3d} queries   ({runs} runs)"
    )


def main():
    args = parse_args()
    setup(args)
    from django.test import Client

    from organizations.models import Assignment

    started = time.perf_counter()
    organization, manager = build(args)
    print(f"built {args.members} members and their learning in {time.perf_counter() - started:.1f} s")
    client = Client()
    client.force_login(manager)
    course = Assignment.objects.get(organization=organization, kind="course")
    base = f"/zh-hans/my/organisations/{organization.pk}/"
    measure("dashboard", args.runs, lambda: client.get(base))
    measure(
        "member progress, first page",
        args.runs,
        lambda: client.get(f"{base}progress/?assignment={course.pk}"),
    )
    measure(
        "member progress, group 3 not started, page 2",
        args.runs,
        lambda: client.get(f"{base}progress/?assignment={course.pk}&group=3班&status=not-started&page=2"),
    )
    measure("My organisations", args.runs, lambda: client.get("/zh-hans/my/organisations/"))
    measure(
        f"export XLSX ({args.members} rows)",
        args.runs,
        lambda: client.get(f"{base}progress/export/xlsx/?assignment={course.pk}"),
    )
    measure(
        f"export CSV ({args.members} rows)",
        args.runs,
        lambda: client.get(f"{base}progress/export/csv/?assignment={course.pk}"),
    )


if __name__ == "__main__":
    main()
