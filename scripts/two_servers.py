"""Two gunicorn servers over one PostgreSQL and one Redis: what one does, the other shows at once.

Creates a throwaway database `portal_two_servers` on the PostgreSQL server POSTGRES_URL (or
DATABASE_URL) names and uses Redis database TWO_SERVERS_REDIS_DB (10 unless set) of REDIS_URL's server
(redis://127.0.0.1:6379 unless set), emptied before and after. Builds the demo home tree and an
admin, starts gunicorn twice (ports 8791 and 8792, production settings as `make bench` serves them,
deploy/gunicorn.conf.py), then checks:

1. the cache is shared: a page rendered through A is served through B from the cache (0 queries);
2. an editor unpublishes that page through A's admin: B answers 404 at once, the next request;
3. rate limits are shared: sign-in attempts from one address through A use up the address's ceiling,
   and B then refuses that address too (429).

    .venv/bin/python scripts/two_servers.py      (CI runs it: .ci/run)

Exit status 0 when every check holds. The database is dropped afterwards.
"""

import os
import re
import secrets
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import local_server
import requests

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
DATABASE = "portal_two_servers"
PORTS = (8791, 8792)
ADMIN_EMAIL = "two-servers-admin@example.org"
ADMIN_PASSWORD = secrets.token_urlsafe(16)
LOGINS_PER_ADDRESS = 3
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def urls():
    database, admin = local_server.postgres_urls(DATABASE, "two_servers.py")
    redis_parts = urllib.parse.urlsplit(os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0")
    redis = urllib.parse.urlunsplit(
        redis_parts._replace(path=f"/{os.environ.get('TWO_SERVERS_REDIS_DB', '10')}")
    )
    return database, admin, redis


def flush(redis_url):
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def environment(database, redis, folder):
    env = {key: value for key, value in os.environ.items() if key not in ("DJANGO_SETTINGS_MODULE",)}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.bench",
            "SECRET_KEY": secrets.token_urlsafe(45),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database,
            "DATABASE_CONN_MAX_AGE": "60",
            "REDIS_URL": redis,
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private"),
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "PORTAL_TASK_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "TRUSTED_PROXY_COUNT": "1",
            "ACCOUNT_LOGINS_PER_ADDRESS_PER_HOUR": str(LOGINS_PER_ADDRESS),
            "BENCH_STATIC": "finders",
            "LOG_LEVEL": "WARNING",
            "GUNICORN_WORKERS": "1",
            "GUNICORN_THREADS": "2",
            "DEMO_ADMIN_EMAIL": ADMIN_EMAIL,
            "DEMO_ADMIN_PASSWORD": ADMIN_PASSWORD,
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


BUILD = """
import io
from django.contrib.auth import get_user_model
from home.demo import DemoSeeder
DemoSeeder(io.StringIO()).run()
get_user_model().objects.create_superuser(email={email!r}, password={password!r}, name="Two servers")
"""


def start(env, port, log):
    server = subprocess.Popen(  # noqa: S603 - a fixed command
        [str(VENV_BIN / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "portal.wsgi"],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz/", timeout=30).status_code == 200:
                return server
        except requests.RequestException:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn on port {port} did not start: see {log.name}")


def queries(response):
    return int(response.headers.get("X-Bench-Queries", "-1"))


def run_checks(page_path, page_id):
    a, b = (f"http://127.0.0.1:{port}" for port in PORTS)
    results = {}
    # Both servers behind one host name, as nginx's upstream sends them (the page cache's key holds it).
    anonymous = requests.Session()
    anonymous.headers["Host"] = "localhost"

    first = anonymous.get(a + page_path, timeout=30)
    through_b = anonymous.get(b + page_path, timeout=30)
    print(
        f"  {page_path}: A {first.status_code} ({queries(first)} queries), "
        f"then B {through_b.status_code} ({queries(through_b)} queries)"
    )
    results["a page rendered through A is served through B from the shared cache"] = (
        first.status_code == 200 and through_b.status_code == 200 and queries(through_b) == 0
    )

    editor = requests.Session()
    login = editor.get(f"{a}/admin/login/", timeout=30)
    token = CSRF_INPUT.search(login.text).group(1)
    signed_in = editor.post(
        f"{a}/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": ADMIN_EMAIL, "password": ADMIN_PASSWORD},
        headers={"Referer": f"{a}/admin/login/"},
        allow_redirects=False,
        timeout=30,
    )
    confirm = editor.get(f"{a}/admin/pages/{page_id}/unpublish/", timeout=30)
    token = CSRF_INPUT.search(confirm.text).group(1)
    unpublished = editor.post(
        f"{a}/admin/pages/{page_id}/unpublish/",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": f"{a}/admin/pages/{page_id}/unpublish/"},
        allow_redirects=False,
        timeout=30,
    )
    began = time.perf_counter()
    after = anonymous.get(b + page_path, timeout=30)
    print(
        f"  editor signed in through A ({signed_in.status_code}), "
        f"unpublished the page ({unpublished.status_code}); "
        f"B's next answer: {after.status_code} (in {1000 * (time.perf_counter() - began):.0f} ms)"
    )
    results["unpublished through A: B answers 404 at once"] = (
        signed_in.status_code == 302 and after.status_code == 404
    )

    address = {"X-Forwarded-For": "10.20.30.40"}
    statuses = []
    for number in range(LOGINS_PER_ADDRESS):
        visitor = requests.Session()
        form = visitor.get(f"{a}/zh-hans/accounts/login/", headers=address, timeout=30)
        token = CSRF_INPUT.search(form.text).group(1)
        answer = visitor.post(
            f"{a}/zh-hans/accounts/login/",
            data={
                "csrfmiddlewaretoken": token,
                "login": f"nobody-{number}@example.org",
                "password": "wrong-password",
            },
            headers={**address, "Referer": f"{a}/zh-hans/accounts/login/"},
            allow_redirects=False,
            timeout=30,
        )
        statuses.append(answer.status_code)
    visitor = requests.Session()
    form = visitor.get(f"{b}/zh-hans/accounts/login/", headers=address, timeout=30)
    token = CSRF_INPUT.search(form.text).group(1)
    refused = visitor.post(
        f"{b}/zh-hans/accounts/login/",
        data={"csrfmiddlewaretoken": token, "login": "nobody-else@example.org", "password": "wrong-password"},
        headers={**address, "Referer": f"{b}/zh-hans/accounts/login/"},
        allow_redirects=False,
        timeout=30,
    )
    print(
        f"  {LOGINS_PER_ADDRESS} sign-in attempts from one address through A: {statuses}; "
        f"the next through B: {refused.status_code}"
    )
    results[
        f"rate limits shared: after {LOGINS_PER_ADDRESS} sign-ins through A, B refuses the address (429)"
    ] = all(status != 429 for status in statuses) and refused.status_code == 429
    for name, passed in results.items():
        print(f"  {'ok  ' if passed else 'FAIL'} {name}")
    return all(results.values())


def main():
    import tempfile

    began = time.monotonic()
    database, admin, redis = urls()
    folder = Path(tempfile.mkdtemp(prefix="portal-two-servers-"))
    env = environment(database, redis, folder)
    print(
        f"two servers: PostgreSQL database {DATABASE}, Redis {redis}, "
        f"gunicorn on ports {PORTS[0]} and {PORTS[1]}"
    )
    local_server.admin_sql(admin, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    local_server.admin_sql(admin, f"CREATE DATABASE {DATABASE}")
    flush(redis)
    servers = []
    passed = False
    log = open(folder / "servers.log", "w")  # noqa: SIM115 - closed below
    try:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        script = BUILD.format(email=ADMIN_EMAIL, password=ADMIN_PASSWORD)
        subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True)  # noqa: S603
        found = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                "from home.models import StandardPage; "
                "page = StandardPage.objects.live().filter(locale__language_code='zh-hans').first(); "
                "print(page.pk, page.get_url())",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        page_id, page_path = found.stdout.split()[-2:]
        print(f"  built in {time.monotonic() - began:.0f} s")
        servers = [start(env, port, log) for port in PORTS]
        passed = run_checks(page_path, page_id)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        log.close()
        local_server.admin_sql(admin, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        flush(redis)
        if passed:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
        else:
            print(f"  server log: {folder / 'servers.log'}")
    print(f"two servers: {'passed' if passed else 'FAILED'} in {time.monotonic() - began:.0f} s")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
