"""A throwaway PostgreSQL database and a gunicorn server on it, for the load benchmarks in scripts/.

Needs PostgreSQL on 127.0.0.1 (user postgres, no password: psql -h 127.0.0.1 -U postgres).
"""

import os
import re
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c"]
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def server_environment(port, database):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "PORTAL_BASE_URL": f"http://127.0.0.1:{port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONPATH": str(ROOT),
    }


def postgres_urls(database, script):
    """(the URL of `database`, the URL of the server's maintenance database) on the PostgreSQL server
    POSTGRES_URL (or DATABASE_URL) names, for scripts that make a throwaway database of their own."""
    server = (
        os.environ.get("POSTGRES_URL")
        or os.environ.get("DATABASE_URL")
        or "postgres://postgres@127.0.0.1:5432/portal"
    )
    if not server.startswith(("postgres://", "postgresql://")):
        raise SystemExit(f"{script} needs PostgreSQL: set POSTGRES_URL to a postgres:// URL.")
    parts = urllib.parse.urlsplit(server)
    return (
        urllib.parse.urlunsplit(parts._replace(path=f"/{database}")),
        urllib.parse.urlunsplit(parts._replace(path="/postgres")),
    )


def admin_sql(admin_url, *statements):
    """Statements outside a transaction (CREATE/DROP DATABASE) on the maintenance database."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def psql(sql):
    subprocess.run([*PSQL, sql], check=True)  # noqa: S603 (our own fixed statements)


def create_database(env, database):
    drop_database(database)
    psql(f"CREATE DATABASE {database}")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0"], cwd=ROOT, env=env, check=True
    )


def setup_django(env):
    os.environ.update({key: env[key] for key in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "EMAIL_BACKEND")})
    os.environ["PORTAL_BASE_URL"] = env["PORTAL_BASE_URL"]
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def port_taken(port):
    import socket

    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def start_server(env, port, workers, threads=None):
    """gunicorn on `port` with `workers` processes of `threads` threads each (sync workers without
    `threads`), once it answers /healthz/."""
    if port_taken(port):
        raise SystemExit(f"Port {port} is in use: stop what runs there or pass --port.")
    threading = ["--worker-class", "gthread", "--threads", str(threads)] if threads else []
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "portal.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        *threading,
        "--graceful-timeout",
        "5",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 (a fixed command)
    import requests

    deadline = time.monotonic() + 90  # a worker loads Django and Wagtail on its first request
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz/", timeout=30).status_code == 200:
                return server
        except requests.RequestException:
            pass
        time.sleep(0.3)
    stop_server(server)
    raise SystemExit("The server did not start.")


def stop_server(server):
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def drop_database(database):
    psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
