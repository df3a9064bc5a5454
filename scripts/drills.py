"""The drills: PostgreSQL gone in the middle of a registration burst, then Redis stopped; the site stays up.

Creates a throwaway database `portal_drill` on the PostgreSQL server POSTGRES_URL (or DATABASE_URL)
names, starts a redis-server of its own on port 6390 (REDIS_URL points there), builds the demo home
tree, destinations, a bench event (scripts/bench_pages.py) and an account, and starts gunicorn with
deploy/gunicorn.conf.py under production settings (portal.settings.bench: plain HTTP), connections kept
60 s (DATABASE_CONN_MAX_AGE, CONN_HEALTH_CHECKS on). The server is never restarted.

PostgreSQL: `--visitors` visitors register for `--seconds`. `--outage-after` seconds in, the database
goes away as a restart looks to the site: every connection to it is terminated and new ones are
refused (ALLOW_CONNECTIONS false) for `--outage` seconds, then it accepts connections again. Other
databases on the server are not touched (a real `pg_ctlcluster restart` would stop every test run
sharing the server). Checks: no answer is a 500 or a broken connection; every answer is the "check
your email" redirect (its registration and its queued email stored) or the 503 page; no registration
without its email and no email without its registration; after the outage registrations succeed again.

Redis: the pages (home, content index, a destination, the sign-in page, search) are cached, then the
drill's redis-server is stopped. Checks: every page answers 200 (rendered without the cache) and
signing in works; once redis-server runs again, pages are served from the cache again, with the same
gunicorn processes.

    .venv/bin/python scripts/drills.py [--visitors 12] [--seconds 20] [--outage-after 6] [--outage 4]
"""

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import local_server
import requests

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
DATABASE = "portal_drill"
PORT = 8793
CAPACITY = 60


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visitors", type=int, default=12)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--outage-after", type=float, default=6)
    parser.add_argument("--outage", type=float, default=4)
    return parser.parse_args()


BUILD = """
import io, json, sys
sys.path.insert(0, "scripts")
import bench_pages
from django.contrib.auth import get_user_model
from destinations.demo import seed_destinations
from destinations.models import DestinationPage
from home.models import HomePage
from home.demo import DemoSeeder
DemoSeeder(io.StringIO()).run()
seed_destinations(io.StringIO())
home = HomePage.objects.get(locale__language_code="zh-hans", depth=2)
page, _ = bench_pages.event_pages(home, {capacity})
get_user_model().objects.create_user(email={email!r}, password={password!r}, name="演练用户")
destination = DestinationPage.objects.live().filter(locale__language_code="zh-hans").first()
print(json.dumps([page.pk, page.get_url(), destination.get_url()]))
"""
REDIS_PORT = 6390
ACCOUNT = "drill-account@example.org"
ACCOUNT_PASSWORD = secrets.token_urlsafe(12)


class Visitor(threading.Thread):
    def __init__(self, base, form_url, until):
        super().__init__()
        self.base, self.form_url, self.until = base, form_url, until
        self.answers = []  # (moment, outcome, email)

    def run(self):
        import re

        csrf = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
        while time.monotonic() < self.until:
            session = requests.Session()
            email = f"drill-{uuid.uuid4().hex[:16]}@example.org"
            try:
                form = session.get(self.form_url, timeout=30)
                if form.status_code != 200:
                    self.answers.append((time.monotonic(), f"form {form.status_code}", None, form.text))
                    time.sleep(0.2)
                    continue
                data = {
                    "csrfmiddlewaretoken": csrf.search(form.text).group(1),
                    "name": "演练访客",
                    "email": email,
                    "phone": "",
                    "organisation": "",
                }
                posted = session.post(
                    self.form_url,
                    data=data,
                    allow_redirects=False,
                    timeout=30,
                    headers={"Referer": self.form_url},
                )
                if posted.status_code == 302 and "/events/registered/" in posted.headers.get("Location", ""):
                    outcome = "registered"
                else:
                    outcome = f"post {posted.status_code}"
                self.answers.append((time.monotonic(), outcome, email, posted.text))
            except requests.RequestException as error:
                self.answers.append((time.monotonic(), f"connection {type(error).__name__}", email, ""))
            time.sleep(0.05)


def main():
    args = parse_args()
    database, admin = local_server.postgres_urls(DATABASE, "drills.py")
    folder = Path(tempfile.mkdtemp(prefix="portal-drill-"))
    env = {
        key: value for key, value in os.environ.items() if key not in ("DJANGO_SETTINGS_MODULE", "REDIS_URL")
    }
    # A Redis server of the drill's own, which it stops and starts again.
    env["REDIS_URL"] = f"redis://127.0.0.1:{REDIS_PORT}/0"
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.bench",
            "SECRET_KEY": secrets.token_urlsafe(45),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database,
            "DATABASE_CONN_MAX_AGE": "60",
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private"),
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "BENCH_STATIC": "finders",
            "LOG_LEVEL": "WARNING",
            "GUNICORN_BIND": f"127.0.0.1:{PORT}",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_THREADS": "4",
            "PYTHONPATH": str(ROOT),
        }
    )
    local_server.admin_sql(
        admin, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)", f"CREATE DATABASE {DATABASE}"
    )
    server = redis = None
    log = open(folder / "server.log", "w")  # noqa: SIM115 - closed below
    passed = False
    try:
        redis = start_redis()
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        built = subprocess.run(  # noqa: S603
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                BUILD.format(capacity=CAPACITY, email=ACCOUNT, password=ACCOUNT_PASSWORD),
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        page_id, page_url, destination_url = json.loads(built.stdout.strip().splitlines()[-1])
        server = subprocess.Popen(  # noqa: S603 - a fixed command
            [str(VENV_BIN / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "portal.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{PORT}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{base}/healthz/", timeout=30).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.3)
        workers_before = gunicorn_processes(server.pid)
        form_url = f"{base}{page_url}register/"
        requests.get(form_url, timeout=60)
        began = time.monotonic()
        visitors = [Visitor(base, form_url, began + args.seconds) for _ in range(args.visitors)]
        for visitor in visitors:
            visitor.start()
        time.sleep(args.outage_after)
        outage_began = time.monotonic()
        local_server.admin_sql(
            admin,
            f"ALTER DATABASE {DATABASE} ALLOW_CONNECTIONS false",
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{DATABASE}'",  # noqa: S608
        )
        time.sleep(args.outage)
        local_server.admin_sql(admin, f"ALTER DATABASE {DATABASE} ALLOW_CONNECTIONS true")
        outage_ended = time.monotonic()
        for visitor in visitors:
            visitor.join()
        workers_after = gunicorn_processes(server.pid)
        passed = report(
            env, page_id, visitors, began, outage_began, outage_ended, workers_before, workers_after, args
        )
        print(f"PostgreSQL drill: {'passed' if passed else 'FAILED'}")
        redis = redis_drill(base, destination_url, redis)
        redis_passed = redis[1]
        redis = redis[0]
        same = gunicorn_processes(server.pid) == workers_before
        print(
            f"  {'ok  ' if same else 'FAIL'} the same gunicorn processes throughout both drills (no restart)"
        )
        print(f"Redis drill: {'passed' if redis_passed and same else 'FAILED'}")
        passed = passed and redis_passed and same
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        if redis is not None:
            stop_redis(redis)
        log.close()
        local_server.admin_sql(admin, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    if not passed:
        print(f"  server log: {folder / 'server.log'}")
    sys.exit(0 if passed else 1)


def start_redis():
    redis = subprocess.Popen(  # noqa: S603 - a fixed command
        [
            shutil.which("redis-server") or "/usr/bin/redis-server",
            "--port",
            str(REDIS_PORT),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import redis as client

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            client.Redis(port=REDIS_PORT).ping()
            return redis
        except client.RedisError:
            time.sleep(0.1)
    raise SystemExit("The drill's redis-server did not start (port 6390 taken?).")


def stop_redis(redis):
    redis.terminate()
    try:
        redis.wait(timeout=10)
    except subprocess.TimeoutExpired:
        redis.kill()
        redis.wait()


def timed_get(session, url, **kwargs):
    began = time.perf_counter()
    response = session.get(url, timeout=30, allow_redirects=False, **kwargs)
    return response, (time.perf_counter() - began) * 1000


def sign_in(base):
    import re

    session = requests.Session()
    login = f"{base}/zh-hans/accounts/login/"
    form = session.get(login, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    posted = session.post(
        login,
        data={"csrfmiddlewaretoken": token, "login": ACCOUNT, "password": ACCOUNT_PASSWORD},
        headers={"Referer": login},
        allow_redirects=False,
        timeout=30,
    )
    portal = session.get(f"{base}/zh-hans/my/", timeout=30, allow_redirects=False)
    return posted.status_code, portal.status_code


def redis_drill(base, destination_url, redis):
    """Redis stopped: every page renders uncached and sign-in works; started again: the cache is back."""
    pages = {
        "home": "/zh-hans/",
        "content index": "/zh-hans/knowledge/",
        "destination": destination_url,
        "sign-in page": "/zh-hans/accounts/login/",
        "search": "/zh-hans/search/?q=%E8%AF%88%E9%AA%97",
    }
    anonymous = requests.Session()
    for path in pages.values():
        anonymous.get(base + path, timeout=60)
    stop_redis(redis)
    statuses, times = {}, []
    for _round in range(3):
        for name, path in pages.items():
            response, ms = timed_get(requests.Session(), base + path)
            statuses.setdefault(name, []).append(response.status_code)
            times.append(ms)
    signed_in = sign_in(base)
    redis = start_redis()
    time.sleep(3)  # the cache backend tries Redis again 2 s after a failure (home/cache_backend.py)
    # Each process (and thread) that saw Redis fail bumps the site version once when it answers again
    # (home/cache_backend.py), so a page may render a few times before it is served from the cache.
    back = {}
    for name, path in pages.items():
        if name in ("sign-in page", "search"):
            continue
        attempts = 0
        while attempts < 30:
            attempts += 1
            response, _ms = timed_get(requests.Session(), base + path)
            if response.status_code != 200 or response.headers.get("X-Bench-Rendered") == "0":
                break
        back[name] = (response.status_code, response.headers.get("X-Bench-Rendered"), attempts)
    print(
        f"Redis stopped: {sum(len(codes) for codes in statuses.values())} page requests, answers "
        f"{ {name: sorted(set(codes)) for name, codes in statuses.items()} }, median "
        f"{sorted(times)[len(times) // 2]:.0f} ms, slowest {max(times):.0f} ms; sign-in {signed_in[0]}, "
        f"My portal {signed_in[1]}"
    )
    print(f"Redis started again: each page (status, rendered, requests until served from the cache): {back}")
    checks = {
        "Redis stopped: every page answers 200 (no 500)": all(
            set(codes) == {200} for codes in statuses.values()
        ),
        "Redis stopped: sign-in works (sessions and lockouts are in the database)": signed_in == (302, 200),
        "Redis back: pages are served from the cache again, without a restart": all(
            status == 200 and rendered == "0" for status, rendered, _attempts in back.values()
        ),
    }
    for name, passed in checks.items():
        print(f"  {'ok  ' if passed else 'FAIL'} {name}")
    return redis, all(checks.values())


def gunicorn_processes(master):
    children = Path(f"/proc/{master}/task/{master}/children")
    return {master, *(int(pid) for pid in children.read_text().split())} if children.exists() else {master}


def report(env, page_id, visitors, began, outage_began, outage_ended, workers_before, workers_after, args):
    answers = sorted(
        (answer for visitor in visitors for answer in visitor.answers), key=lambda answer: answer[0]
    )
    outcomes = {}
    for _moment, outcome, _email, _body in answers:
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    registered = {email for _moment, outcome, email, _body in answers if outcome == "registered"}
    refused = {email for _moment, outcome, email, _body in answers if outcome == "post 503" and email}
    clean_503 = all("503" not in outcome or "tel:+861012308" in body for _m, outcome, _e, body in answers)
    after = [outcome for moment, outcome, _email, _body in answers if moment > outage_ended + 2]
    first_success = next(
        (moment for moment, outcome, *_ in answers if moment > outage_ended and outcome == "registered"), None
    )

    stored = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "import json; from events.models import Registration; from outbox.models import Message; "
            "from wagtail.models import Page; from events.sync import event_for; "
            f"e = event_for(Page.objects.get(pk={page_id}).specific); "
            "r = list(Registration.objects.filter(event=e).values_list('email', flat=True)); "
            "m = list(Message.objects.filter(recipient__startswith='drill-')"
            ".values_list('recipient', flat=True)); "
            "print(json.dumps([r, m]))",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    rows, messages = json.loads(stored.stdout.strip().splitlines()[-1])
    print(
        f"{args.visitors} visitors registering for {args.seconds:.0f} s; the database gone "
        f"{outage_began - began:.1f}–{outage_ended - began:.1f} s (connections terminated, new ones refused)"
    )
    print(f"answers: {dict(sorted(outcomes.items()))}")
    print(
        f"stored: {len(rows)} registrations, {len(messages)} queued emails; "
        f"503 answers whose registration had committed: {len(refused & set(rows))}"
    )
    if first_success is not None:
        print(f"first registration after the database came back: {first_success - outage_ended:.2f} s later")
    checks = {
        "no 500 and no broken connection": not any(
            outcome.endswith(" 500") or outcome.startswith("connection") for outcome in outcomes
        ),
        "every answer a registration or a 503 page": all(
            outcome in ("registered", "post 503", "form 503") for outcome in outcomes
        )
        and clean_503,
        "every registration answered as done is stored": registered <= set(rows),
        "no registration without its email, no email without its registration": sorted(rows)
        == sorted(messages),
        "registrations succeed again after the outage": bool(after)
        and all(outcome == "registered" for outcome in after),
        "the same gunicorn processes throughout (no restart)": workers_before == workers_after,
    }
    for name, passed in checks.items():
        print(f"  {'ok  ' if passed else 'FAIL'} {name}")
    return all(checks.values())


if __name__ == "__main__":
    main()
