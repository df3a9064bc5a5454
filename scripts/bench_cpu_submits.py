"""CPU and SQL queries per event registration and per quiz submit, in-process, production settings.

Uses the scratch database of scripts/bench_cpu_pages.py (the demo site; built on the first run), adds
an event with room for everyone (scripts/bench_pages.py) and takes a demo quiz anyone may take, then
posts --count registrations (each a new person, their form opened first, as a phone does) and --count
quiz submits (each a new guest: quiz opened, attempt started and opened, every question answered)
through Django's test client, each form urlencoded as a browser sends it. Only the server's part of
the POST is timed (`time.process_time` around Django's handler, `TimedHandler`): the registration and
its email stored, the attempt scored. Afterwards it checks that nothing was lost: one registration
and one queued email per person, every attempt submitted and scored once.

    .venv/bin/python scripts/bench_cpu_submits.py [--count 60] [--fresh] [--profile registration]

With --profile, BENCH_SORT picks cProfile's order (cumulative) and BENCH_PROFILE_FILE keeps the stats.
To compare with an earlier commit, check it out beside (`git worktree add`), copy this script into it
and give it a scratch database of its own (BENCH_DATABASE=...).

Each run works on a copy of the scratch database, so runs never see one another's people.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_cpu_pages

PROFILER = None  # a cProfile.Profile around the timed POSTs (--profile)
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM = "application/x-www-form-urlencoded"
CHOICE_INPUT = re.compile(r'<input[^>]*name="(q-[^"]+)"[^>]*value="([^"]+)"')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=60, help="registrations and submits each")
    parser.add_argument("--fresh", action="store_true", help="rebuild the scratch database")
    parser.add_argument("--profile", choices=["registration", "submit"], help="cProfile's top functions")
    return parser.parse_args()


class TimedHandler:
    """The test client's handler (Django's WSGI handler, as gunicorn calls it), timed: what is measured
    is the server's CPU, from the request's environ to its response, not the test client's own work
    (encoding the form, keeping cookies, listening for templates), which a browser does."""

    def __init__(self, handler):
        self.handler = handler
        self.spent = 0.0

    def __call__(self, environ):
        began = time.process_time()
        try:
            return self.handler(environ)
        finally:
            self.spent = time.process_time() - began


def timed_post(client, url, data):
    """CPU ms and queries of one POST, sent as a browser's form sends it (urlencoded, not the test
    client's multipart). Queries are counted by a wrapper, which costs next to nothing, rather than by
    Django's debug cursor, which formats every statement."""
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    body = urlencode(data)
    if not isinstance(client.handler, TimedHandler):
        client.handler = TimedHandler(client.handler)
    with connection.execute_wrapper(count):
        if PROFILER is not None:
            PROFILER.enable()
        response = client.post(url, body, content_type=FORM, HTTP_REFERER=url)
        if PROFILER is not None:
            PROFILER.disable()
    if response.status_code != 302:
        raise SystemExit(f"POST {url} answered {response.status_code}")
    return client.handler.spent * 1000, len(queries)


def registrations(count):
    import bench_pages
    from django.test import Client

    from events.models import Registration
    from events.sync import event_for
    from outbox.models import Message

    run = uuid.uuid4().hex[:8]
    lecture, _ = bench_pages.event_pages(bench_pages.demo_home(), count + 10)
    event = event_for(lecture)
    form = f"{lecture.url}register/"
    spent, asked = [], []
    for number in range(count):
        client = Client(enforce_csrf_checks=True)
        page = client.get(form)
        token = CSRF_INPUT.search(page.content.decode()).group(1)
        data = {
            "csrfmiddlewaretoken": token,
            "name": f"访客 {number}",
            "email": f"bench-{run}-{number}@example.org",
            "phone": "",
            "organisation": "",
        }
        ms, queries = timed_post(client, form, data)
        spent.append(ms)
        asked.append(queries)
    stored = Registration.objects.filter(event=event).count()
    assert stored == count, f"{stored} registrations stored of {count}"  # noqa: S101
    emails = Message.objects.filter(recipient__startswith=f"bench-{run}-").count()
    assert emails == count, f"{emails} emails queued for {count} registrations"  # noqa: S101
    return spent, asked


def submits(count):
    from django.test import Client

    from quizzes.models import Attempt, QuizPage

    # A demo quiz anyone may take (seed_demo's; its question bank is the one bench_pages would add)
    quiz = (
        QuizPage.objects.live()
        .filter(locale__language_code="zh-hans", who_may_take=QuizPage.WhoMayTake.ANYONE)
        .order_by("path")
        .first()
    )
    quiz_url = quiz.url
    spent, asked, attempts = [], [], []
    for _ in range(count):
        client = Client(enforce_csrf_checks=True)
        page = client.get(quiz_url)
        token = CSRF_INPUT.search(page.content.decode()).group(1)
        started = client.post(f"{quiz_url}start/", {"csrfmiddlewaretoken": token}, HTTP_REFERER=quiz_url)
        take_url = started["Location"]
        take = client.get(take_url).content.decode()
        token = CSRF_INPUT.search(take).group(1)
        answers = {}
        for name, value in CHOICE_INPUT.findall(take):
            answers.setdefault(name, value)
        ms, queries = timed_post(
            client, take_url, {"csrfmiddlewaretoken": token, "action": "confirm", **answers}
        )
        spent.append(ms)
        asked.append(queries)
        attempts.append(take_url.rstrip("/").rsplit("/", 1)[-1])
    done = Attempt.objects.filter(public_id__in=attempts, submitted_at__isnull=False).count()
    assert done == count, f"{done} attempts submitted of {count}"  # noqa: S101
    return spent, asked


def line(label, spent, asked):
    return (
        f"{label:<14} CPU per POST: median {statistics.median(spent):6.2f} ms,"
        f" mean {statistics.fmean(spent):6.2f} ms;"
        f" queries: median {statistics.median(asked):.0f}, max {max(asked)}"
    )


def main():
    args = parse_args()
    seeded = bench_cpu_pages.DATABASE
    if args.fresh or not seeded.exists():
        # the demo site, built once by the page benchmark (its setup seeds it)
        subprocess.run(  # noqa: S603 (our own script)
            [
                sys.executable,
                str(Path(__file__).with_name("bench_cpu_pages.py")),
                "--only",
                "home",
                "--rounds",
                "1",
            ]
            + (["--fresh"] if args.fresh else []),
            check=True,
        )
    # Each run on its own copy: the same event and quiz are added afresh.
    scratch = seeded.with_name(f"{seeded.stem}-submits.sqlite3")
    shutil.copyfile(seeded, scratch)
    bench_cpu_pages.DATABASE = scratch
    bench_cpu_pages.setup(False)
    global PROFILER
    if args.profile:
        import cProfile
        import pstats

        PROFILER = cProfile.Profile()
        (registrations if args.profile == "registration" else submits)(args.count)
        if os.environ.get("BENCH_PROFILE_FILE"):
            PROFILER.dump_stats(os.environ["BENCH_PROFILE_FILE"])
        pstats.Stats(PROFILER).sort_stats(os.environ.get("BENCH_SORT", "cumulative")).print_stats(70)
        return
    registered = registrations(args.count)
    submitted = submits(args.count)
    print(line("registration", *registered))
    print(line("quiz submit", *submitted))


if __name__ == "__main__":
    main()
