"""CPU per request of a page served from the page cache against a static file, in-process.

The whole WSGI application under production settings (WhiteNoise, the page cache and every
middleware) on the scratch database of scripts/bench_cpu_pages.py, called directly: no server, no
network, so what is measured is our code's cost per request, steady under a loaded machine (the
`wrk` comparison in `make bench` measures the same through gunicorn, and needs an idle machine).
With --redis URL the page cache is Redis (as in production); the CPU the redis-server process spent
meanwhile is counted too (read from /proc), so a hit's whole cost is compared.

    .venv/bin/python scripts/bench_cache_hit.py [--redis redis://127.0.0.1:6379/9] [--requests 2000]
        [--rounds 5]
"""

import argparse
import importlib
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_cpu_pages

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis", help="a Redis URL for the cache (its database is emptied)")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    return parser.parse_args()


def redis_server_pid(url):
    import redis

    return redis.Redis.from_url(url).info("server")["process_id"]


def process_cpu_seconds(pid):
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def environ(path):
    raw_path, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": raw_path.encode().decode("latin-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def request(app, path):
    status = []

    def start_response(line, headers, exc_info=None):
        status.append(line)

    answer = app(environ(path), start_response)
    body = b"".join(answer)
    if hasattr(answer, "close"):
        answer.close()
    return status[0], body


def main():
    args = parse_args()
    if args.redis:
        import redis

        redis.Redis.from_url(args.redis).flushdb()
    bench_cpu_pages.setup(fresh=False)
    from django.conf import settings

    if args.redis:
        # Settings are read when the cache is first used, after setup: as base.py sets them for REDIS_URL.
        settings.CACHES["default"] = {
            "BACKEND": "home.cache_backend.FailOpenRedisCache",
            "LOCATION": args.redis,
            "KEY_PREFIX": "portal",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    # The page cache back in (bench_cpu_pages measures renders, so its setup leaves it out).
    settings.MIDDLEWARE = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"]).MIDDLEWARE
    from django.core.wsgi import get_wsgi_application

    app = get_wsgi_application()
    from django.core.cache import cache

    print(f"cache: {type(cache).__name__} {args.redis or ''}")
    article = bench_cpu_pages.pages()["article"]
    status, home = request(app, "/zh-hans/")
    stylesheet = next(
        part.split('"')[0]
        for part in home.decode().split('rel="stylesheet" href="')[1:]
        if part.startswith("/static/")
    )
    addresses = {"static CSS file": stylesheet, "cached home": "/zh-hans/", "cached article": article}
    for path in addresses.values():
        for _ in range(3):
            status, _body = request(app, path)
            assert status.startswith("200"), (path, status)  # noqa: S101 (a benchmark's own check)
    redis_pid = redis_server_pid(args.redis) if args.redis else None
    figures = {name: [] for name in addresses}
    for _ in range(args.rounds):
        for name, path in addresses.items():
            began, began_redis = time.process_time(), process_cpu_seconds(redis_pid)
            for _ in range(args.requests):
                request(app, path)
            spent = time.process_time() - began + process_cpu_seconds(redis_pid) - began_redis
            figures[name].append(spent * 1000 / args.requests)
    static = min(figures["static CSS file"])
    counted = "ours + redis-server" if redis_pid else "ours"
    print(f"\nCPU per request, best of {args.rounds} × {args.requests} ({counted}):\n")
    print("| request | ms | against the static file |")
    print("| --- | --- | --- |")
    for name in addresses:
        best = min(figures[name])
        print(f"| {name} | {best:.3f} | {static / best:.2f}× the rate |")
    print(f"\nmedians: { {name: round(statistics.median(values), 3) for name, values in figures.items()} }")


if __name__ == "__main__":
    main()
