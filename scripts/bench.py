"""`make bench`: the site served the production way under a crowd of real visitors, and nothing lost.

On a fresh database of its own (a SQLite file in a temporary folder, or a throwaway `portal_bench`
database on the PostgreSQL server DATABASE_URL names), with Redis when REDIS_URL is set (its database
BENCH_REDIS_DB, 9 unless set, emptied before and after) and local memory otherwise:

1. migrates, builds the demo site (`seed_demo`; the short mode builds the home tree and destinations
   only), indexes it for search, adds a bench event with a known capacity, a bench quiz anyone may
   take and bench accounts, and collects the static files (the short mode serves them from the source);
2. starts gunicorn with deploy/gunicorn.conf.py under portal.settings.bench (production settings, plain
   HTTP, a query count on every response) and the task worker (`db_worker --backend portal`) beside it;
3. runs locust headless (scripts/locustfile.py: 70% reading and searching, 15% taking the quiz to the
   end, 10% registering, 5% signing in; with think times) at each number of users;
4. prints, for each run, the latency (p50/p95/p99), req/s and errors per request kind, and req/s and
   SQL queries (served from the cache / rendered) per page; then checks that nothing was lost:
   registrations within capacity and every one answered as done stored with one email, which the
   worker sends; every quiz submission answered as done scored once.

    .venv/bin/python scripts/bench.py [--users 50,200] [--seconds 60] [--short] [--port 8790]

The short mode (`--short`, CI) runs a few seconds per number of users with short think times and
fails only on errors and losses; the full mode also says whether the targets at 50 users are met
(p95 under 300 ms for pages, 500 ms for submits and registrations). Exit status 1 on any error or loss.
"""

import argparse
import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
CAPACITY = 100
QUIZ_QUESTIONS = 10
ACCOUNTS = 40
PASSWORD = "bench-password-2026"  # noqa: S105 - the bench accounts' password, in a throwaway database
PAGE_TARGET_MS = 300
SUBMIT_TARGET_MS = 500


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="50,200", help="numbers of users, one run each (50,200)")
    parser.add_argument("--seconds", type=int, default=None, help="length of each run (full 60, short 8)")
    parser.add_argument("--short", action="store_true", help="CI: a few seconds a run, minimal demo site")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8790")))
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn processes (deploy/gunicorn.conf.py's)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database and folder afterwards")
    parser.add_argument(
        "--no-wrk",
        dest="wrk",
        action="store_false",
        help="skip the cached page against static file comparison (full mode, when wrk is installed)",
    )
    return parser.parse_args()


# ---------------------------------------------------------------------------------------------------
# The database, Redis and the environment


class Database:
    """A SQLite file in `folder`, or a throwaway database on the PostgreSQL server DATABASE_URL names."""

    def __init__(self, folder):
        given = os.environ.get("DATABASE_URL", "")
        self.postgres = given.startswith(("postgres://", "postgresql://"))
        if self.postgres:
            parts = urllib.parse.urlsplit(given)
            self.name = "portal_bench"
            self.url = urllib.parse.urlunsplit(parts._replace(path=f"/{self.name}"))
            self.admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
        else:
            self.url = f"sqlite:///{folder}/db.sqlite3"

    def describe(self):
        if self.postgres:
            return f"PostgreSQL (database {self.name} on {urllib.parse.urlsplit(self.url).hostname})"
        return "SQLite (a file in a temporary folder, WAL)"

    def _admin(self, sql):
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(sql)

    def create(self):
        if self.postgres:
            self.drop()
            self._admin(f"CREATE DATABASE {self.name}")

    def drop(self):
        if self.postgres:
            self._admin(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")


def redis_url():
    """REDIS_URL's server with the bench's own database number, emptied; None without REDIS_URL."""
    given = os.environ.get("REDIS_URL")
    if not given:
        return None
    parts = urllib.parse.urlsplit(given)
    url = urllib.parse.urlunsplit(parts._replace(path=f"/{os.environ.get('BENCH_REDIS_DB', '9')}"))
    flush_redis(url)
    return url


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


def environment(args, folder, database, redis):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.bench",
            "SECRET_KEY": secrets.token_urlsafe(45),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database.url,
            # PostgreSQL connections kept a minute, as README's Deploy advises; SQLite opens its file.
            "DATABASE_CONN_MAX_AGE": "60" if database.postgres else "0",
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private"),
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "PORTAL_BASE_URL": f"http://127.0.0.1:{args.port}",
            # Each visitor's X-Forwarded-For is believed, as nginx's is in production.
            "TRUSTED_PROXY_COUNT": "1",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
            "GUNICORN_BIND": f"127.0.0.1:{args.port}",
            # The visitors talk to gunicorn directly, with no nginx in front to retry a GET on a
            # connection gunicorn closed: keep idle connections longer than a think time, and no
            # worker replaced in the middle of a run.
            "GUNICORN_KEEPALIVE": "30",
            "GUNICORN_MAX_REQUESTS": "0",
        }
    )
    if redis:
        env["REDIS_URL"] = redis
    if args.short:
        env["BENCH_STATIC"] = "finders"
        # Two processes start in half the time of five; a few seconds of load need no more.
        env["GUNICORN_WORKERS"] = "2"
    if args.workers:
        env["GUNICORN_WORKERS"] = str(args.workers)
    return env


def run(command, env, **kwargs):
    subprocess.run(command, cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603 - our own commands


# ---------------------------------------------------------------------------------------------------
# The site: demo content, bench pages and accounts, and the plan the visitors follow


def build_site(args, env, plan_path):
    """Run in a child process (`bench.py --build`) so that this one never holds a database connection."""
    started = time.monotonic()
    run([sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"], env)
    print(f"  migrated in {time.monotonic() - started:.0f} s", flush=True)
    started = time.monotonic()
    run(
        [
            sys.executable,
            str(Path(__file__)),
            "--build",
            str(plan_path),
            *(["--short"] if args.short else []),
        ],
        env,
    )
    print(f"  demo site, bench pages and accounts in {time.monotonic() - started:.0f} s", flush=True)
    if not args.short:
        started = time.monotonic()
        run([sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], env)
        print(f"  static files collected in {time.monotonic() - started:.0f} s", flush=True)


def build(plan_path, short):
    """The demo site, the bench pages and accounts, and the plan (in this process, Django set up)."""
    import io

    import django

    django.setup()
    import bench_pages
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.urls import reverse
    from django.utils import translation

    from home.demo import DemoSeeder
    from home.models import HomePage

    quiet = io.StringIO()
    if short:
        DemoSeeder(quiet).run()
        from destinations.demo import seed_destinations

        seed_destinations(quiet)
    else:
        call_command("seed_demo", stdout=quiet)
    if not short:
        # Pages are indexed as they are published; a full rebuild as `make run` does (the short mode
        # saves its seconds).
        call_command("update_index", stdout=quiet, stderr=quiet)
    home = HomePage.objects.get(locale__language_code="zh-hans", depth=2)
    event, _unlimited = bench_pages.event_pages(home, CAPACITY)
    quiz = bench_quiz(home)

    from allauth.account.models import EmailAddress

    User = get_user_model()  # noqa: N806
    hashed = make_password(PASSWORD)  # once: the production hasher costs a few hundred ms a hash
    accounts = [f"bench-user-{number}@example.org" for number in range(ACCOUNTS)]
    users = User.objects.bulk_create(
        [
            User(email=email, name=f"基准用户 {number}", password=hashed)
            for number, email in enumerate(accounts)
        ]
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users]
    )

    plan = {
        "pages": pages_by_kind(),
        "searches": [
            ("zh-hans", "诈骗"),
            ("zh-hans", "护照"),
            ("zh-hans", "留学"),
            ("zh-hans", "领事保护"),
            ("en", "passport"),
            ("en", "scam"),
        ],
        "quiz": quiz.get_url(),
        "quiz_key": str(quiz.translation_key),
        "event": event.get_url(),
        "event_page_id": event.pk,
        "capacity": CAPACITY,
        "questions": QUIZ_QUESTIONS,
        "accounts": accounts,
        "password": PASSWORD,
    }
    with translation.override("zh-hans"):
        plan["login"] = reverse("account_login")
        plan["logout"] = reverse("account_logout")
        plan["my_portal"] = reverse("my_portal")
    # How often a reader opens each kind of page: the home page and articles most.
    weights = {"home": 25, "content index": 10, "article": 30, "destination": 15, "alert": 5}
    weights |= {"destination index": 5, "event index": 5, "quiz index": 3, "course": 2}
    plan["weights"] = {name: weights.get(name, 3) for name in plan["pages"]}
    Path(plan_path).write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")


def bench_quiz(home):
    """bench_pages.quiz_page, taking the demo questions seed_demo already made (the full mode) rather
    than making them a second time."""
    from unittest import mock

    import bench_pages

    from quizzes.demo import QuizSeeder, question_key
    from quizzes.models import Question

    make = QuizSeeder.question

    def existing_or_new(seeder, spec, topic, learn_more_page):
        found = Question.objects.filter(translation_key=question_key(spec["slug"]), locale=seeder.zh).first()
        return found or make(seeder, spec, topic, learn_more_page)

    with mock.patch.object(QuizSeeder, "question", existing_or_new):
        return bench_pages.quiz_page(home, QUIZ_QUESTIONS)


def pages_by_kind():
    """Live public pages by kind, with their addresses (both languages)."""
    from wagtail.models import Page

    kinds = {
        "homepage": "home",
        "contentindexpage": "content index",
        "articlepage": "article",
        "casestudypage": "article",
        "destinationindexpage": "destination index",
        "destinationpage": "destination",
        "safetyalertpage": "alert",
        "eventindexpage": "event index",
        "quizindexpage": "quiz index",
        "coursepage": "course",
    }
    pages = {}
    live = Page.objects.live().public().filter(content_type__model__in=kinds).select_related("content_type")
    for page in live.specific(defer=True):
        if page.slug.startswith("bench-") or getattr(page, "is_private", False):
            continue
        url = page.get_url()
        if url:
            pages.setdefault(kinds[page.content_type.model], []).append(url)
    return pages


# ---------------------------------------------------------------------------------------------------
# Serving


def port_taken(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def start(env, port):
    if port_taken(port):
        raise SystemExit(f"Port {port} is in use: stop what runs there or pass --port.")
    logs = open(Path(env["MEDIA_ROOT"]).parent / "server.log", "w")  # noqa: SIM115 - closed with the server
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--backend", "portal"],
        cwd=ROOT,
        env=env,
        stdout=logs,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = subprocess.Popen(  # noqa: S603 - a fixed command
        [str(VENV_BIN / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "portal.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=logs,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=30) as answer:
                if answer.status == 200:
                    return server, worker, logs
        except OSError:
            time.sleep(0.3)
    stop(server, worker, logs)
    raise SystemExit(f"The server did not start: see {logs.name}")


def stop(server, worker, logs):
    for process in (server, worker):
        if process.poll() is None:
            process.terminate()
    for process in (server, worker):
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    logs.close()


def warm_up(port, plan):
    """Every planned page once, so each gunicorn process has loaded what it needs: the first request
    of each page kind then counts as a render (uncached), the following ones as cache hits."""
    for urls in plan["pages"].values():
        for url in urls[:2]:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=60).read()


def swarm(env, args, users, seconds, plan_path, out_path):
    think = "0.2,1" if args.short else "1,5"
    command = [
        str(VENV_BIN / "locust"),
        "-f",
        str(SCRIPTS / "locustfile.py"),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(max(10, users // 5)),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "3" if args.short else "15",
        "--host",
        f"http://127.0.0.1:{args.port}",
        "--only-summary",
        "--loglevel",
        "ERROR",
        "--exit-code-on-error",
        "0",
    ]
    locust_env = {**env, "BENCH_PLAN": str(plan_path), "BENCH_OUT": str(out_path), "BENCH_THINK": think}
    with open(Path(out_path).with_suffix(".log"), "w") as log:
        answer = subprocess.run(command, cwd=ROOT, env=locust_env, check=False, stdout=log, stderr=log)  # noqa: S603
    if answer.returncode != 0 or not Path(out_path).exists():
        raise SystemExit(f"locust failed (exit {answer.returncode}): see {log.name}")
    return json.loads(Path(out_path).read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------------
# Tables and checks


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def table(header, rows):
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    lines = [
        "| " + " | ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)) + " |"
        for row in [header, *rows]
    ]
    lines.insert(1, "| " + " | ".join("-" * width for width in widths) + " |")
    return "\n".join(lines)


KIND_ORDER = [
    "page",
    "search",
    "submit: quiz start",
    "submit: quiz submit",
    "submit: registration",
    "sign-in: sign-in",
    "sign-in: sign-out",
]


def kind_of(kind, page):
    return kind if kind in ("page", "search") else f"{kind}: {page}"


def report(users, result):
    records = result["records"]
    seconds = max(result["stopped"] - result["started"], 1e-9)
    by_kind = {}
    by_page = {}
    for kind, page, ms, _status, queries, ok, rendered in records:
        by_kind.setdefault(kind_of(kind, page), []).append((ms, ok))
        if kind in ("page", "search"):
            by_page.setdefault(page, []).append((queries, ok, rendered))
    rows = []
    for name in sorted(
        by_kind, key=lambda name: (KIND_ORDER.index(name) if name in KIND_ORDER else 99, name)
    ):
        times = [ms for ms, _ok in by_kind[name]]
        errors = sum(1 for _ms, ok in by_kind[name] if not ok)
        rows.append(
            [
                name,
                len(times),
                f"{percentile(times, 0.5):.0f}",
                f"{percentile(times, 0.95):.0f}",
                f"{percentile(times, 0.99):.0f}",
                f"{len(times) / seconds:.1f}",
                errors,
            ]
        )
    print(f"\n{users} users, {seconds:.0f} s: {len(records)} requests, {len(records) / seconds:.1f} req/s")
    print(table(["request kind", "requests", "p50 ms", "p95 ms", "p99 ms", "req/s", "errors"], rows))
    rows = []
    for page in sorted(by_page, key=lambda page: -len(by_page[page])):
        answered = [
            (queries, was_rendered)
            for queries, ok, was_rendered in by_page[page]
            if ok and queries is not None
        ]
        cached = [queries for queries, was_rendered in answered if not was_rendered]
        rendered = [queries for queries, was_rendered in answered if was_rendered]
        rows.append(
            [
                page,
                len(by_page[page]),
                f"{len(by_page[page]) / seconds:.1f}",
                f"{100 * len(cached) / len(answered):.0f}% ({max(cached, default=0)} queries)"
                if answered
                else "–",
                f"{percentile(rendered, 0.5):.0f}" if rendered else "–",
                max(rendered) if rendered else "–",
            ]
        )
    print()
    print(
        table(
            ["page", "requests", "req/s", "served from the cache", "queries rendered (median)", "max"], rows
        )
    )
    errors = sum(1 for record in records if not record[5])
    pages = [ms for (kind, _page, ms, *_rest) in records if kind in ("page", "search")]
    submits = [ms for (kind, page, ms, *_rest) in records if kind == "submit"]
    return {
        "errors": errors,
        "page_p95": percentile(pages, 0.95),
        "submit_p95": percentile(submits, 0.95),
    }


def checks(env, plan_path, results):
    """In a child process with Django set up: what the database holds against what was answered."""
    done = {
        "registrations": [email for result in results for email in result["registrations"]],
        "submissions": [public_id for result in results for public_id in result["submissions"]],
    }
    done_path = Path(plan_path).with_name("done.json")
    done_path.write_text(json.dumps(done), encoding="utf-8")
    answer = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, str(Path(__file__)), "--check", str(plan_path), str(done_path)],
        cwd=ROOT,
        env=env,
        check=False,
    )
    return answer.returncode == 0


def check(plan_path, done_path):
    import django

    django.setup()
    from django.db.models import Count, Q
    from wagtail.models import Page

    from events.models import Registration
    from events.sync import event_for
    from outbox.models import Message
    from quizzes.models import Attempt

    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    done = json.loads(Path(done_path).read_text(encoding="utf-8"))
    event = event_for(Page.objects.get(pk=plan["event_page_id"]).specific)
    registrations = Registration.objects.filter(event=event)
    confirmed = registrations.filter(status="confirmed").count()
    waitlisted = registrations.filter(status="waitlisted").count()
    stored = set(registrations.values_list("email", flat=True))
    answered = set(done["registrations"])

    # The worker sends each registration's email; give it a little time to catch up.
    messages = Message.objects.filter(recipient__in=stored)
    deadline = time.monotonic() + 30
    while messages.exclude(status="sent").exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    per_recipient = dict(messages.values_list("recipient").annotate(count=Count("pk")))
    unsent = messages.exclude(status="sent").count()

    attempts = Attempt.objects.filter(quiz_key=plan["quiz_key"])
    submitted = attempts.filter(status="submitted").annotate(answer_count=Count("answers"))
    public_ids = {str(public_id) for public_id in submitted.values_list("public_id", flat=True)}
    wrongly_scored = submitted.filter(Q(result_code=None) | ~Q(answer_count=plan["questions"])).count()
    codes = submitted.exclude(result_code=None).values("result_code").distinct().count()

    print(
        f"\nNothing lost: {len(answered)} registrations answered as done, {len(stored)} stored "
        f"({confirmed} confirmed for {plan['capacity']} places, {waitlisted} waitlisted); "
        f"{len(done['submissions'])} quiz submissions answered as done, "
        f"{submitted.count()} attempts submitted"
    )
    results = {
        "confirmed within capacity": confirmed <= plan["capacity"],
        "no place left empty while someone waits": waitlisted == 0 or confirmed == plan["capacity"],
        "every registration answered as done is stored": answered <= stored,
        "every registration stored is confirmed or waitlisted": confirmed + waitlisted == len(stored),
        "one email per registration": all(per_recipient.get(email) == 1 for email in stored),
        "every email sent by the worker": unsent == 0,
        "every submission answered as done is scored": set(done["submissions"]) <= public_ids,
        f"each attempt scored once ({plan['questions']} answers, one result code)": wrongly_scored == 0
        and codes == submitted.count(),
    }
    for name, passed in results.items():
        print(f"  {'ok  ' if passed else 'FAIL'} {name}")
    sys.exit(0 if all(results.values()) else 1)


# ---------------------------------------------------------------------------------------------------


def machine():
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), load average {os.getloadavg()[0]:.1f} before"


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--build":
        sys.path.insert(0, str(SCRIPTS))
        return build(sys.argv[2], "--short" in sys.argv)
    if len(sys.argv) > 1 and sys.argv[1] == "--check":
        return check(sys.argv[2], sys.argv[3])
    args = parse_args()
    sys.path.insert(0, str(SCRIPTS))
    import bench_wrk

    args.wrk = args.wrk and not args.short and bench_wrk.available()
    seconds = args.seconds or (6 if args.short else 60)
    levels = [int(users) for users in args.users.split(",")]
    began = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    database = Database(folder)
    redis = redis_url()
    env = environment(args, folder, database, redis)
    print(
        f"make bench{' (short)' if args.short else ''}: {database.describe()}, "
        f"cache: {'Redis ' + redis if redis else 'local memory (per process)'}"
    )
    print(f"machine: {machine()}")
    plan_path = folder / "plan.json"
    server = worker = logs = None
    passed = False
    try:
        database.create()
        build_site(args, env, plan_path)
        plan = json.loads(plan_path.read_text(encoding="utf-8"))
        server, worker, logs = start(env, args.port)
        print(
            f"  gunicorn (deploy/gunicorn.conf.py) and the task worker on port {args.port}; log {logs.name}"
        )
        warm_up(args.port, plan)
        outcomes, results = [], []
        for users in levels:
            result = swarm(env, args, users, seconds, plan_path, folder / f"locust-{users}.json")
            results.append(result)
            outcomes.append((users, report(users, result)))
        passed = checks(env, plan_path, results)
        errors = sum(outcome["errors"] for _users, outcome in outcomes)
        passed = passed and errors == 0
        print(f"  {'ok  ' if errors == 0 else 'FAIL'} no request answered with an error ({errors})")
        if args.wrk:
            stop(server, worker, logs)
            server = None
            bench_wrk.measure(env, args.port + 1, plan)  # a cached page against a static file
        if not args.short:
            for users, outcome in outcomes:
                if users == 50:
                    print(
                        f"\nTargets at 50 users: p95 pages {outcome['page_p95']:.0f} ms "
                        f"(under {PAGE_TARGET_MS}: "
                        f"{'met' if outcome['page_p95'] < PAGE_TARGET_MS else 'missed'}), p95 submits and "
                        f"registrations {outcome['submit_p95']:.0f} ms (under {SUBMIT_TARGET_MS}: "
                        f"{'met' if outcome['submit_p95'] < SUBMIT_TARGET_MS else 'missed'})"
                    )
    finally:
        if server is not None:
            stop(server, worker, logs)
        if not args.keep:
            database.drop()
            if redis:
                flush_redis(redis)
            shutil.rmtree(folder, ignore_errors=True)
    print(f"\nmake bench: {'passed' if passed else 'FAILED'} in {time.monotonic() - began:.0f} s")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
