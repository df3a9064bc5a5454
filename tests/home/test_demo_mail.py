"""Every room's demo people share one mail rule (home.demo): what is queued to them is withdrawn."""

import copy
from pathlib import Path

import pytest

import outbox
from home.demo import DEMO_EMAIL_DOMAIN, demo_mail_withdrawn
from outbox.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _outbox_test_templates(settings):
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], Path(__file__).parent.parent / "outbox" / "templates"]
    settings.TEMPLATES = templates


def test_mail_queued_to_demo_people_inside_the_block_is_withdrawn_and_nothing_else():
    before = outbox.send(f"early{DEMO_EMAIL_DOMAIN}", "outbox_tests/plain", {"name": "Ann"}, "en")
    with demo_mail_withdrawn():
        demo = outbox.send(f"demo-1{DEMO_EMAIL_DOMAIN}", "outbox_tests/plain", {"name": "Ann"}, "en")
        real = outbox.send("ann@example.com", "outbox_tests/plain", {"name": "Ann"}, "en")
    statuses = dict(Message.objects.values_list("pk", "status"))
    assert statuses[demo.pk] == Message.Status.CANCELLED
    assert statuses[real.pk] != Message.Status.CANCELLED
    assert statuses[before.pk] != Message.Status.CANCELLED


def test_events_demo_uses_the_shared_rule():
    from events import demo

    assert demo.demo_mail_withdrawn is demo_mail_withdrawn
    assert demo.DEMO_EMAIL_DOMAIN == "@example.org"
