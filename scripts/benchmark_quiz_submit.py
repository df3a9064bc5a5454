"""Quiz submission latency under concurrent users on a local server, and "scored exactly once".

Creates a throwaway PostgreSQL database (portal_bench_quizzes), migrates it, builds the demo home
tree and one quiz page (10 questions), starts gunicorn on it, then N simulated guests (one thread and
one cookie session each) open the quiz, start an attempt, open it, wait for one another and submit
at the same moment; every guest double-clicks (two identical POSTs at once). Prints the latency of
the POSTs (median, p95, max) and checks that every attempt is submitted, scored once (one set of
answers, one result code) and that nothing was lost. The database is dropped afterwards.

    .venv/bin/python scripts/benchmark_quiz_submit.py [--users 50] [--questions 10]
        [--workers 3] [--threads 8] [--port 8766] [--keep-db]
"""

import argparse
import re
import statistics
import sys
import threading
import time

import bench_pages
from local_server import (
    CSRF_INPUT,
    create_database,
    drop_database,
    percentile,
    server_environment,
    setup_django,
    start_server,
    stop_server,
)

DATABASE = "portal_bench_quizzes"
# A choice's value is a random per-attempt token (quizzes/attempts.py, choice_token), never its id.
CHOICE_INPUT = re.compile(r'<input[^>]*name="(q-[^"]+)"[^>]*value="([^"]+)"')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database afterwards")
    return parser.parse_args()


def build_quiz(questions):
    """The demo home tree and a quiz of `questions` demo questions anyone may take (bench_pages.py)."""
    return bench_pages.quiz_page(bench_pages.demo_home(), questions)


class Guest:
    """One visitor on their phone: own cookies; opens the quiz, starts, answers, submits twice at once."""

    def __init__(self, number, base, quiz_url):
        import requests

        self.session = requests.Session()
        self.number = number
        self.base = base
        self.quiz_url = quiz_url
        self.latencies = []
        self.statuses = []
        self.locations = []
        self.error = None

    def start(self):
        page = self.session.get(self.quiz_url, timeout=60)
        page.raise_for_status()
        token = CSRF_INPUT.search(page.text).group(1)
        started = self.session.post(
            f"{self.quiz_url}start/",
            data={"csrfmiddlewaretoken": token},
            headers={"Referer": self.quiz_url},
            allow_redirects=False,
            timeout=60,
        )
        if started.status_code != 302:
            raise RuntimeError(f"start answered {started.status_code}")
        self.take_url = self.base + started.headers["Location"]
        # A fresh connection for the POSTs: idle keep-alive connections are dropped by the server.
        take = self.session.get(self.take_url, timeout=60, headers={"Connection": "close"})
        take.raise_for_status()
        self.token = CSRF_INPUT.search(take.text).group(1)
        first_choice = {}
        for name, value in CHOICE_INPUT.findall(take.text):
            first_choice.setdefault(name, value)
        self.answers = first_choice

    def submit(self):
        data = {"csrfmiddlewaretoken": self.token, "action": "confirm", **self.answers}
        began = time.perf_counter()
        response = self.session.post(
            self.take_url, data=data, allow_redirects=False, timeout=60, headers={"Referer": self.take_url}
        )
        self.latencies.append(time.perf_counter() - began)
        self.statuses.append(response.status_code)
        self.locations.append(response.headers.get("Location", ""))


def run_guests(base, quiz_url, count):
    guests = [Guest(number, base, quiz_url) for number in range(1, count + 1)]
    barrier = threading.Barrier(2 * count)

    def start(guest):
        try:
            guest.start()
        except Exception as error:  # reported below
            guest.error = repr(error)

    starters = [threading.Thread(target=start, args=(guest,)) for guest in guests]
    for thread in starters:
        thread.start()
    for thread in starters:
        thread.join()
    if any(guest.error for guest in guests):
        raise SystemExit(f"Starting failed: {[guest.error for guest in guests if guest.error][:3]}")

    def click(guest):
        try:
            barrier.wait(timeout=120)
            guest.submit()
        except Exception as error:  # reported below
            guest.error = repr(error)
            barrier.abort()

    clicks = [threading.Thread(target=click, args=(guest,)) for guest in guests for _ in range(2)]
    began = time.perf_counter()
    for thread in clicks:
        thread.start()
    for thread in clicks:
        thread.join()
    return guests, time.perf_counter() - began


def report(quiz, guests, questions, wall):
    from django.db import connection

    from quizzes.models import Answer, Attempt

    errors = [guest.error for guest in guests if guest.error]
    latencies = [latency for guest in guests for latency in guest.latencies]
    statuses = {}
    for guest in guests:
        for status in guest.statuses:
            statuses[status] = statuses.get(status, 0) + 1
    attempts = Attempt.objects.filter(quiz_key=quiz.translation_key)
    count = len(guests)
    print(f"server: gunicorn, PostgreSQL {connection.pg_version // 10000}, database {DATABASE}")
    print(
        f"{count} guests submitting at once, each twice (double click): {2 * count} POSTs, wall {wall:.2f} s"
    )
    if latencies:
        print(
            f"POST latency: median {statistics.median(latencies) * 1000:.0f} ms, "
            f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms, "
            f"min {min(latencies) * 1000:.0f} ms"
        )
    print(f"responses: {statuses}")
    submitted = attempts.filter(status="submitted")
    answers = Answer.objects.filter(attempt__in=attempts)
    checks = {
        "no client errors": not errors,
        "every POST redirected to the result": statuses.get(302, 0) == 2 * count
        and all("/quizzes/results/" in location for guest in guests for location in guest.locations),
        "one attempt per guest (nothing lost)": attempts.count() == count,
        "every attempt submitted": submitted.count() == count,
        "answers stored once per question": answers.count() == count * questions,
        "a result code each": submitted.exclude(result_code=None).values("result_code").distinct().count()
        == count,
    }
    for name, passed in checks.items():
        print(f"  {'ok  ' if passed else 'FAIL'} {name}")
    if errors:
        print("client errors:", sorted(set(errors))[:5])
    return all(checks.values())


def main():
    args = parse_args()
    env = server_environment(args.port, DATABASE)
    create_database(env, DATABASE)
    server = None
    passed = False
    try:
        setup_django(env)
        quiz = build_quiz(args.questions)
        from django.db import connections

        base = f"http://127.0.0.1:{args.port}"
        quiz_url = base + quiz.get_url()
        connections.close_all()
        server = start_server(env, args.port, args.workers, args.threads)
        print(f"quiz: {quiz_url}; gunicorn {args.workers} workers x {args.threads} threads")
        guests, wall = run_guests(base, quiz_url, args.users)
        passed = report(quiz, guests, args.questions, wall)
    finally:
        if server is not None:
            stop_server(server)
        from django.db import connections

        connections.close_all()
        if not args.keep_db:
            drop_database(DATABASE)
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
