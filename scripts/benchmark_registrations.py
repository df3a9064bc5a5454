"""Registration latency under concurrent registrations on a local server, and the capacity invariant.

Creates a throwaway PostgreSQL database (portal_bench_events), migrates it, builds the demo home
tree and one event page with a capacity, starts gunicorn on it, then N simulated visitors (one
thread and one cookie session each) open the event's real registration form (<page>/register/),
wait for one another, and post it at the same moment. Prints the latency of the POSTs (median, p95,
max) and checks that exactly `capacity` people are confirmed, the rest are waitlisted, every
registration and its email is stored, and nothing was lost. The database is dropped afterwards.

    .venv/bin/python scripts/benchmark_registrations.py [--registrations 100] [--capacity 20]
        [--workers 3] [--threads 8] [--port 8765] [--keep-db]

Needs PostgreSQL on 127.0.0.1 (user postgres, no password: psql -h 127.0.0.1 -U postgres).
Emails are stored in the outbox and queued for the worker (not started here), as in production:
sending never happens inside the request.
"""

import argparse
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

DATABASE = "portal_bench_events"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=100)
    parser.add_argument("--capacity", type=int, default=20)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database afterwards")
    return parser.parse_args()


def build_event(capacity):
    """The demo home tree, an event index and one event page (tomorrow 14:00) with `capacity`, and one
    without a limit for the warm-up (scripts/bench_pages.py)."""
    return bench_pages.event_pages(bench_pages.demo_home(), capacity)


class Visitor:
    """One person on their phone: their own cookies, the form opened first, then posted."""

    def __init__(self, number, form_url):
        import requests

        self.session = requests.Session()
        self.number = number
        self.form_url = form_url
        self.latency = None
        self.status = None
        self.location = ""
        self.error = None

    def open_form(self):
        # A fresh connection for the POST: the server drops idle keep-alive connections after a few
        # seconds, and a POST is never retried on a dropped one.
        response = self.session.get(self.form_url, timeout=60, headers={"Connection": "close"})
        response.raise_for_status()
        self.token = CSRF_INPUT.search(response.text).group(1)

    def post(self):
        data = {
            "csrfmiddlewaretoken": self.token,
            "name": f"访客 {self.number}",
            "email": f"visitor{self.number}@example.org",
            "phone": "",
            "organisation": "",
        }
        started = time.perf_counter()
        response = self.session.post(
            self.form_url, data=data, allow_redirects=False, timeout=60, headers={"Referer": self.form_url}
        )
        self.latency = time.perf_counter() - started
        self.status = response.status_code
        self.location = response.headers.get("Location", "")


def one_at_a_time(form_url, count):
    """Latencies of `count` registrations posted one after another (no contention): the floor."""
    latencies = []
    for number in range(count):
        visitor = Visitor(10_000 + number, form_url)
        visitor.open_form()
        visitor.post()
        if visitor.status != 302:
            raise SystemExit(f"A registration one at a time answered {visitor.status}.")
        latencies.append(visitor.latency)
    return latencies


def run_visitors(form_url, count):
    visitors = [Visitor(number, form_url) for number in range(1, count + 1)]
    barrier = threading.Barrier(count)

    def visit(visitor):
        try:
            visitor.open_form()
            barrier.wait(timeout=120)
            visitor.post()
        except threading.BrokenBarrierError:
            visitor.error = "another visitor failed before posting"
        except Exception as error:  # reported below
            visitor.error = repr(error)
            barrier.abort()

    threads = [threading.Thread(target=visit, args=(visitor,)) for visitor in visitors]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return visitors, time.perf_counter() - started


def report(page, visitors, capacity, count, wall):
    from django.db import connection

    from events.models import Registration
    from events.sync import event_for
    from outbox.models import Message

    errors = [visitor.error for visitor in visitors if visitor.error]
    latencies = [visitor.latency for visitor in visitors if visitor.latency is not None]
    statuses = {}
    for visitor in visitors:
        statuses[visitor.status] = statuses.get(visitor.status, 0) + 1
    event = event_for(page)
    registrations = Registration.objects.filter(event=event)
    confirmed = registrations.filter(status="confirmed").count()
    waitlisted = registrations.filter(status="waitlisted").count()
    emails = set(registrations.values_list("email", flat=True))
    expected = {f"visitor{number}@example.org" for number in range(1, count + 1)}
    stored = Message.objects.filter(recipient__in=expected)
    first_confirmed = list(registrations.order_by("created_at", "pk").values_list("status", flat=True))

    print(f"server: gunicorn, PostgreSQL {connection.pg_version // 10000}, database {DATABASE}")
    print(f"{count} concurrent registrations for {capacity} places, wall time {wall:.2f} s")
    if latencies:
        median, p95 = statistics.median(latencies) * 1000, percentile(latencies, 0.95) * 1000
        slowest, fastest = max(latencies) * 1000, min(latencies) * 1000
        print(
            f"POST latency: median {median:.0f} ms, p95 {p95:.0f} ms, "
            f"max {slowest:.0f} ms, min {fastest:.0f} ms"
        )
    print(f"responses: {dict(sorted(statuses.items(), key=lambda item: str(item[0])))}")
    print(
        f"confirmed {confirmed}, waitlisted {waitlisted}, stored {registrations.count()}, "
        f"emails stored {stored.count()}"
    )
    checks = {
        "no client errors": not errors,
        "every POST redirected to the 'check your email' page": statuses.get(302, 0) == count
        and all("/events/registered/" in visitor.location for visitor in visitors),
        "confirmed == capacity": confirmed == capacity,
        "waitlisted == the rest": waitlisted == count - capacity,
        "every registration stored (nothing lost)": emails == expected,
        "one email per registration": stored.count() == count
        and stored.values("recipient").distinct().count() == count,
        "the first arrivals hold the places": first_confirmed
        == ["confirmed"] * capacity + ["waitlisted"] * (count - capacity),
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
    try:
        setup_django(env)
        page, warm_up = build_event(args.capacity)
        from django.db import connections

        form_url = f"http://127.0.0.1:{args.port}{page.get_url()}register/"
        connections.close_all()
        server = start_server(env, args.port, args.workers, args.threads)
        print(f"form: {form_url}; gunicorn {args.workers} workers x {args.threads} threads")
        alone = one_at_a_time(f"http://127.0.0.1:{args.port}{warm_up.get_url()}register/", 20)
        print(
            f"one at a time (20 POSTs, another event): median {statistics.median(alone) * 1000:.0f} ms, "
            f"p95 {percentile(alone, 0.95) * 1000:.0f} ms"
        )
        visitors, wall = run_visitors(form_url, args.registrations)
        passed = report(page, visitors, args.capacity, args.registrations, wall)
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
