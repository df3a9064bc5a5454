"""CPU and SQL queries per uncached public page, in-process, under production settings (DEBUG off).

Builds the demo site (`seed_demo`) in a scratch SQLite database once (kept for the next run; pass
--fresh to rebuild), then renders every public page type through Django's test client with the
anonymous page cache left out (what is measured is the render, not a cache hit). For each page it
prints the queries on a cold cache (as after a publish: the site version bumped, so every header,
footer and route kept per site version is built again) and warm (the request after), and the CPU
milliseconds per warm request (`time.process_time`, the median of --rounds rounds of --requests
requests each).

    .venv/bin/python scripts/bench_cpu_pages.py [--requests 30] [--rounds 5] [--only article]
        [--profile article] [--fresh] [--json out.json]

`--profile NAME` prints cProfile's top functions (cumulative) for that page instead.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = Path(os.environ.get("BENCH_DATABASE", "/tmp/portal-bench-cpu.sqlite3"))  # noqa: S108 (a scratch file)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30, help="requests per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="page names to measure (default: all)")
    parser.add_argument("--profile", help="print cProfile's top functions for this page")
    parser.add_argument("--fresh", action="store_true", help="rebuild the scratch database")
    parser.add_argument("--json", help="also write the figures to this file")
    return parser.parse_args()


def setup(fresh):
    """Production settings on a scratch SQLite database, plain static storage (no collectstatic). Tasks
    (emails, PDFs) are queued in the database as in production and never run here."""
    if fresh and DATABASE.exists():
        DATABASE.unlink()
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-key-" + "x" * 40),
            "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": f"sqlite:///{DATABASE}",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "ERROR",
        }
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    settings.STORAGES  # noqa: B018 (read before changing it, so the lazy settings are loaded)
    settings.STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    # What is measured is the render: the anonymous page cache (any middleware named for it) is left out.
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if "pagecache" not in name.lower().replace("_", "")
    ]
    django.setup()
    seeded = DATABASE.exists() and DATABASE.stat().st_size > 0
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if not seeded:
        with open(os.devnull, "w") as quiet:
            call_command("seed_demo", stdout=quiet)


def pages():
    """One public page of every type, in Chinese unless the name says English."""
    from wagtail.models import Locale, Page

    from destinations.models import DestinationIndexPage, DestinationPage, SafetyAlertPage
    from events.models import EventIndexPage, EventPage
    from home.models import ArticlePage, CaseStudyPage, ContentIndexPage, StandardPage
    from quizzes.models import QuizPage
    from training.models import CoursePage, LessonPage

    zh = Locale.objects.get(language_code="zh-hans")
    en = Locale.objects.get(language_code="en")

    def url(model, locale=zh, **filters):
        page = model.objects.live().public().filter(locale=locale, **filters).order_by("path").first()
        return page.url if page else None

    from django.utils import timezone

    found = {
        "home": "/zh-hans/",
        "home-en": "/en/",
        "standard": url(StandardPage),
        "content-index": url(ContentIndexPage),
        "article": url(ArticlePage),
        "article-en": url(ArticlePage, en),
        "case-study": url(CaseStudyPage),
        "destination-index": url(DestinationIndexPage),
        "destination": url(DestinationPage),
        "alert": url(SafetyAlertPage),
        "event-index": url(EventIndexPage),
        "event": url(EventPage, starts_at__gt=timezone.now()),
        "quiz": url(QuizPage),
        "course": url(CoursePage),
        "lesson": url(LessonPage),
        "search": "/zh-hans/search/?q=诈骗",
        "sitemap": "/sitemap.xml",
    }
    assert Page  # noqa: S101 (imported for the models' registration only)
    return {name: path for name, path in found.items() if path}


def cold_cache():
    """As after a publish: everything kept per site version is built again (home/site_cache.py)."""
    from home import site_cache

    site_cache.site_changed()


def count_queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return len(queries.captured_queries)


def cpu_ms(client, path, requests, rounds):
    samples = []
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(requests):
            client.get(path)
        samples.append((time.process_time() - start) * 1000 / requests)
    return statistics.median(samples)


def measure(name, path, requests, rounds):
    from django.test import Client

    client = Client()
    client.get(path)  # Python-level warm-up (imports, template loading)
    cold_cache()
    cold = count_queries(client, path)
    warm = count_queries(client, path)
    cpu = cpu_ms(client, path, requests, rounds)
    return {"page": name, "path": path, "cold": cold, "warm": warm, "cpu_ms": cpu}


def profile(path):
    import cProfile
    import pstats

    from django.test import Client

    client = Client()
    client.get(path)
    client.get(path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(50):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(60)
    stats.sort_stats("tottime").print_stats(30)


def main():
    args = parse_args()
    setup(args.fresh)
    found = pages()
    if args.profile:
        profile(found[args.profile])
        return
    names = args.only or list(found)
    results = [measure(name, found[name], args.requests, args.rounds) for name in names if name in found]
    print(f"{'page':<18} {'cold q':>6} {'warm q':>6} {'CPU ms':>7}  path")
    for row in results:
        print(f"{row['page']:<18} {row['cold']:>6} {row['warm']:>6} {row['cpu_ms']:>7.2f}  {row['path']}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
