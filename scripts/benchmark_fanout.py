"""Time and memory to email one safety alert to 10,000 confirmed subscribers; queries per batch.

Runs in a throwaway SQLite database (deleted afterwards) with the locmem email backend and the
immediate task backend, so "total" covers both queueing the outbox rows and delivering them:
    .venv/bin/python scripts/benchmark_fanout.py [--subscribers 10000]
"""

import argparse
import contextlib
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
SCRATCH = tempfile.mkdtemp(prefix="portal-fanout-bench-")
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"  # locmem email, immediate tasks
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH}/bench.db"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

import outbox.sending  # noqa: E402
from destinations import fanout as fanouts  # noqa: E402
from destinations.levels import Region, RiskLevel  # noqa: E402
from destinations.models import (  # noqa: E402
    AlertFanout,
    AlertIndexPage,
    AlertSubscription,
    Destination,
    FollowedDestination,
    SafetyAlertPage,
)
from outbox.delivery import deliver_many  # noqa: E402
from outbox.models import Message  # noqa: E402

settings.DEBUG = False  # no query log growing in memory; CaptureQueriesContext turns it on itself


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def make_subscribers(count, places):
    now = timezone.now()
    subscriptions = AlertSubscription.objects.bulk_create(
        [
            AlertSubscription(
                email=f"traveller{n}@example.org",
                language="en" if n % 3 == 0 else "zh-hans",
                all_destinations=n % 4 == 0,
                confirmed_at=now,
            )
            for n in range(count)
        ],
        batch_size=1000,
    )
    # Everyone follows the benchmark's alert: a quarter through "all destinations", the others
    # through France plus one more destination (so the query must not send anyone two emails).
    through = FollowedDestination
    rows = []
    for n, sub in enumerate(subscriptions):
        if not sub.all_destinations:
            rows.append(through(subscription_id=sub.pk, destination_id=places[0].pk))
            rows.append(through(subscription_id=sub.pk, destination_id=places[1 + n % (len(places) - 1)].pk))
    through.objects.bulk_create(rows, batch_size=1000)


def new_alert(index, place, title):
    page = SafetyAlertPage(
        title=title,
        slug=f"bench-{SafetyAlertPage.objects.count() + 1}",
        level=RiskLevel.TRAVEL_WITH_CAUTION,
        summary="近期当地治安形势严峻，请谨慎前往，注意防范盗抢。",
        body=[("paragraph", "<p>请密切关注当地安全形势。</p>")],
        source="中国驻当地使馆",
    )
    page.destinations = [place]
    index.add_child(instance=page)
    return page


def publish_and_measure(index, place, title):
    mail.outbox = []
    page = new_alert(index, place, title)
    start = time.perf_counter()
    page.save_revision().publish()  # page_published -> fan-out task -> outbox rows -> delivery tasks
    seconds = time.perf_counter() - start
    fanout = AlertFanout.objects.get(alert_key=page.translation_key)
    return seconds, fanout


@contextlib.contextmanager
def deferred_delivery():
    """Outbox rows are queued as usual but their delivery tasks are collected, not run."""
    batches = []
    real_enqueue = outbox.sending.enqueue_batch_delivery
    outbox.sending.enqueue_batch_delivery = batches.append
    try:
        yield batches
    finally:
        outbox.sending.enqueue_batch_delivery = real_enqueue


def queries_per_batch(index, place):
    """Queries of one steady-state batch of the fan-out task, and of delivering it."""
    page = new_alert(index, place, "Batch query count")
    queued_batches = []
    real_run, real_enqueue = fanouts.queue_run, outbox.sending.enqueue_batch_delivery
    fanouts.queue_run = lambda fanout: None
    outbox.sending.enqueue_batch_delivery = queued_batches.append
    try:
        page.save_revision().publish()
        fanout = AlertFanout.objects.get(alert_key=page.translation_key)
        AlertFanout.objects.filter(pk=fanout.pk).update(status=AlertFanout.Status.SENDING)
        mailing = fanouts.Mailing.for_fanout(fanout)
        subscribers = fanouts.fanout_subscribers(fanout)
        with CaptureQueriesContext(connection) as first:
            _status, after = fanouts.run_batch(fanout, subscribers, mailing, fanouts.BATCH_SIZE)
        with CaptureQueriesContext(connection) as steady:
            fanouts.run_batch(fanout, subscribers, mailing, fanouts.BATCH_SIZE, after)
    finally:
        fanouts.queue_run, outbox.sending.enqueue_batch_delivery = real_run, real_enqueue
    with CaptureQueriesContext(connection) as delivery:
        deliver_many(queued_batches[-1])
    kinds = {}
    for query in steady.captured_queries:
        kind = query["sql"].split()[0].upper()
        kinds[kind] = kinds.get(kind, 0) + 1
    return len(first), len(steady), kinds, len(delivery), len(queued_batches[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--subscribers", type=int, default=10_000)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    home = Page.objects.get(depth=1).get_children().first()
    index = home.add_child(instance=AlertIndexPage(title="安全提醒", slug="alerts-bench"))
    places = [
        Destination.objects.create(country=code, region=Region.EUROPE, risk_level=RiskLevel.PAY_ATTENTION)
        for code in ("FR", "DE", "IT", "ES")
    ]
    start = time.perf_counter()
    make_subscribers(args.subscribers, places)
    print(f"Created {args.subscribers:,} confirmed subscribers in {time.perf_counter() - start:.1f} s")
    everyone = fanouts.subscribers_of([place.pk for place in places]).count()
    print(f"Database: SQLite ({connection.vendor}), batch size {fanouts.BATCH_SIZE}")

    rss_before = rss_mb()
    seconds, fanout = publish_and_measure(index, places[0], "One alert to everyone of France")
    sent = Message.objects.filter(status=Message.Status.SENT).count()
    print(
        f"\nFan-out of one alert to {fanout.recipients:,} recipients (of {everyone:,} subscribers): "
        f"{seconds:.1f} s total (queueing + delivery through locmem), {fanout.sent:,} queued, {sent:,} sent, "
        f"{len(mail.outbox):,} in mail.outbox"
    )
    print(f"  peak RSS of the process: {rss_mb():.0f} MB (before the fan-out {rss_before:.0f} MB)")

    # The same fan-out in two steps: queueing the outbox rows (the fan-out task), then delivering them.
    with deferred_delivery() as batches:
        seconds_queue, fanout = publish_and_measure(index, places[0], "Second alert, queued only")
    start = time.perf_counter()
    for batch in batches:
        deliver_many(batch)
    seconds_deliver = time.perf_counter() - start
    print(
        f"  split: queueing {fanout.sent:,} emails in {len(batches)} batches took {seconds_queue:.1f} s; "
        f"delivering them (one task per batch, locmem) {seconds_deliver:.1f} s"
    )
    mail.outbox = []

    with deferred_delivery():
        tracemalloc.start()
        seconds_traced, fanout = publish_and_measure(index, places[0], "Third alert, memory traced")
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(
        f"  peak Python memory of the fan-out task for {fanout.sent:,} emails (tracemalloc, delivery not "
        f"included): {peak / 1024 / 1024:.1f} MB ({seconds_traced:.1f} s with tracing)"
    )

    first, steady, kinds, delivery, size = queries_per_batch(index, places[0])
    print(
        f"\nQueries per fan-out batch of {size} subscribers: {first} for the first batch, "
        f"{steady} for a later batch {kinds}\n  (SQLite: Django splits each INSERT at 999 parameters; "
        f"PostgreSQL inserts each table in one statement); delivering one batch: {delivery} queries "
        f"({delivery / size:.1f} per email: claim, read, mark sent)"
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        import shutil

        connection.close()
        shutil.rmtree(SCRATCH, ignore_errors=True)
