"""A cached page against a static file on the same gunicorn, under `wrk -t2 -c16` (`make bench`).

The issue's yardstick for "a cached hit costs next to nothing": a page served from the page cache
should reach at least 0.95× the requests per second of a static file that WhiteNoise serves, on the
same server in the same run. `make bench` (full mode, when `wrk` is installed) starts a second
gunicorn for it, as the issue measured: 2 sync workers, production settings, no request limit (a
worker restarting mid-run would cost whichever address was measured then), then measures the static
CSS file, the cached home page and a cached article in turn, three rounds of 10 s each, and prints
each one's median req/s and its ratio to the static file's.
"""

import re
import shutil
import statistics
import subprocess
import time
import urllib.request

import local_server

RATIO_TARGET = 0.95
ROUNDS = 3
SECONDS = 10
STYLESHEET = re.compile(r'<link[^>]+rel="stylesheet"[^>]+href="(/static/[^"]+\.css)"')
REQUESTS_PER_SECOND = re.compile(r"Requests/sec:\s+([\d.]+)")
NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")


def available():
    return shutil.which("wrk") is not None


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as answer:  # noqa: S310 - our own local server
        return answer.status, answer.headers, answer.read().decode("utf-8", "replace")


def addresses(base, plan):
    """(name, path) of the static stylesheet the home page links, the home page and an article."""
    _status, _headers, home = fetch(f"{base}/zh-hans/")
    stylesheet = STYLESHEET.search(home)
    if not stylesheet:
        raise SystemExit("The home page links no stylesheet under /static/.")
    return [
        ("static CSS file (WhiteNoise)", stylesheet.group(1)),
        ("cached home /zh-hans/", "/zh-hans/"),
        ("cached article", plan["pages"]["article"][0]),
    ]


def warm(base, path):
    """Each process has the page in its cache (local memory: one cache per gunicorn process)."""
    for _ in range(20):
        status, _headers, _body = fetch(f"{base}{path}")
        if status != 200:
            raise SystemExit(f"{path} answered {status}.")


def wrk(base, path):
    answer = subprocess.run(  # noqa: S603 - a fixed command
        ["wrk", "-t2", "-c16", f"-d{SECONDS}s", f"{base}{path}"],  # noqa: S607 - wrk from PATH
        capture_output=True,
        text=True,
        check=True,
    )
    rate = REQUESTS_PER_SECOND.search(answer.stdout)
    failed = NON_2XX.search(answer.stdout)
    if not rate or failed:
        raise SystemExit(f"wrk on {path}: no rate or non-2xx answers\n{answer.stdout}")
    return float(rate.group(1))


def compare(port, plan):
    """Runs the rounds on the gunicorn at `port` and prints the table; True when every cached page
    reaches RATIO_TARGET of the static file's median rate."""
    base = f"http://127.0.0.1:{port}"
    targets = addresses(base, plan)
    for _name, path in targets:
        warm(base, path)
    rates = {path: [] for _name, path in targets}
    for _ in range(ROUNDS):
        for _name, path in targets:
            rates[path].append(wrk(base, path))
            time.sleep(1)
    static = statistics.median(rates[targets[0][1]])
    print(f"\nA cached page against a static file (wrk -t2 -c16, {ROUNDS} × {SECONDS} s each, in turn):\n")
    print("| request | req/s, each round | median req/s | against the static file |")
    print("| --- | --- | --- | --- |")
    met = True
    for name, path in targets:
        median = statistics.median(rates[path])
        ratio = median / static
        if path != targets[0][1]:
            met = met and ratio >= RATIO_TARGET
        rounds = ", ".join(f"{rate:,.0f}" for rate in rates[path])
        print(f"| {name} | {rounds} | {median:,.0f} | {ratio:.2f}× |")
    verdict = "met" if met else "missed"
    print(f"\nTarget: each cached page at least {RATIO_TARGET}× the static file's rate: {verdict}")
    return met


def measure(env, port, plan):
    """`compare` on a gunicorn of its own as the issue measured: production settings (no query-count
    header), 2 sync workers, no request limit."""
    env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECURE_SSL_REDIRECT": "0"}
    server = local_server.start_server(env, port, workers=2)
    try:
        return compare(port, plan)
    finally:
        local_server.stop_server(server)
