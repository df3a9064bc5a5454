"""Data that is slow to make (a demo seeder, a translated tree), made once for a module's tests.

``made_once(django_db_blocker, make)`` is the body of a module-scoped fixture: it opens a
transaction, runs ``make()``, hands the fixture its result, and rolls everything back after the
module's last test. Each test still runs in its own savepoint (pytest-django's ``db``), rolled back
after it, so a test that changes the data leaves it as made for the next one, and no row reaches
the other modules. What ``make()`` sends or leaves for the commit is kept on the result, since
pytest-django empties ``mail.outbox`` before each test: ``result.mail`` (the emails it sent),
``result.on_commit`` (the callbacks waiting for a commit that never comes, as in any test).

Only for ordinary (rolled-back) tests: pytest-django runs the transactional ones after all the
others, once every module fixture is rolled back, and a transactional test must not ask for one.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Made:
    value: Any = None
    mail: list = field(default_factory=list)
    on_commit: list = field(default_factory=list)


@contextmanager
def made_once(django_db_blocker, make):
    from django.core import mail
    from django.db import DEFAULT_DB_ALIAS, connections, transaction
    from django.test import TestCase

    with django_db_blocker.unblock():
        connection = connections[DEFAULT_DB_ALIAS]
        assert not connection.in_atomic_block, "made_once runs outside any test's transaction"
        outer = transaction.atomic(using=DEFAULT_DB_ALIAS)
        outer.__enter__()
        try:
            sent_before = len(mail.outbox)
            with TestCase.captureOnCommitCallbacks(using=DEFAULT_DB_ALIAS) as callbacks:
                value = make()
            yield Made(value=value, mail=mail.outbox[sent_before:], on_commit=list(callbacks))
        finally:
            transaction.set_rollback(True, using=DEFAULT_DB_ALIAS)
            outer.__exit__(None, None, None)
