"""Running a function in several threads at once, each on its own database connection (PostgreSQL)."""

import os
import threading

import pytest
from django.db import connection

# For modules whose tests open real concurrent connections: PostgreSQL only, one transaction per
# thread, and the site snapshot restored afterwards (see tests/conftest.py, rebuild_site).
CONCURRENT = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="needs PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("rebuild_site"),
]


def at_once(function, threads):
    """Run `function` in `threads` threads released together; return what each returned."""
    barrier = threading.Barrier(threads)
    results, errors = [], []

    def run():
        try:
            connection.ensure_connection()
            barrier.wait()
            results.append(function())
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    return results
