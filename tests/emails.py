"""Emails as they are sent. A registrant's email is written by the outbox's worker when it sends it
(outbox/composing.py), so a test that reads what one says sends what is queued first, as the worker
would."""

from io import StringIO

from django.core.management import call_command


def send_queued():
    """Send every pending email now, the way `send_outbox` (and the worker) does."""
    call_command("send_outbox", "--now", stdout=StringIO())
