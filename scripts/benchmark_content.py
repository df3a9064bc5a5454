"""Median response times of the awareness pages, with the demo data and with 1,000 more articles.

Usage (a scratch database; nothing else is touched):
    DATABASE_URL=sqlite:////tmp/bench.db .venv/bin/python scripts/benchmark_content.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/portal-bench.db")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from home.models import ArticlePage, CaseStudyPage, ContentIndexPage, Topic  # noqa: E402

RUNS = 20
settings.ALLOWED_HOSTS = ["*"]


def measure(client, url):
    """Median milliseconds over RUNS requests (query counts are pinned by the test suite)."""
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def report(label, client, urls):
    print(f"\n{label}")
    for name, url in urls.items():
        print(f"  {name:<10} median {measure(client, url):6.1f} ms  {url}")


def main():
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    zh = Locale.objects.get(language_code="zh-hans")
    index = ContentIndexPage.objects.filter(locale=zh).first()
    article = ArticlePage.objects.live().filter(locale=zh).first()
    case = CaseStudyPage.objects.live().filter(locale=zh).first()
    urls = {
        "home": "/zh-hans/",
        "index": index.url,
        "article": article.url,
        "case": case.url,
        "search": "/zh-hans/search/?q=诈骗",
    }
    client = Client()
    report(f"Demo data ({ArticlePage.objects.count()} articles)", client, urls)

    topic = Topic.objects.filter(locale=zh).first()
    start = time.perf_counter()
    existing = ArticlePage.objects.filter(slug__startswith="bench-").count()
    for n in range(existing, 1000):
        page = ArticlePage(
            title=f"海外安全提示第 {n} 期：防范电信诈骗与人身安全",
            slug=f"bench-{n}",
            summary="留学生和出境旅客如何识别冒充使领馆的诈骗电话",
            body=[
                (
                    "paragraph",
                    f"<p>第 {n} 期：接到自称使领馆或公检法的电话，要求转账时，请立即挂断并报警。</p>",
                )
            ],
        )
        index.add_child(instance=page)
        page.topics.set([topic])
        page.save()
    print(f"\nGenerated {1000 - existing} articles in {time.perf_counter() - start:.0f} s")
    report(f"With {ArticlePage.objects.count()} articles", client, urls)
    for query in ("诈骗", "电信诈骗", "护照丢失"):
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            results = list(ArticlePage.objects.live().filter(locale=zh).search(query)[:10])
            times.append((time.perf_counter() - start) * 1000)
        print(
            f"  search {query!r}: median {statistics.median(times):.1f} ms "
            f"for the first 10 of 1,000+ articles ({len(results)} shown)"
        )


if __name__ == "__main__":
    main()
