"""Emails to registrants after the fact: a change of time or place, and a message from the office."""

import datetime

import pytest

from events import registration as registrations
from events.notifications import event_changed, message_registrants
from outbox.models import Message
from tests.emails import send_queued
from tests.events import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_zh):
    return factories.EventIndexPageFactory(parent=home_zh)


@pytest.fixture
def page(index):
    return factories.EventPageFactory(parent=index, capacity=2, title="社区安全展览")


@pytest.fixture
def event(page):
    return factories.event_of(page)


def register(event, email, language="zh-hans"):
    return registrations.register(
        event, name=email.split("@")[0], email=email, language=language
    ).registration


def move(page, hours=1):
    page.starts_at += datetime.timedelta(hours=hours)
    page.ends_at += datetime.timedelta(hours=hours)
    page.save_revision().publish()


def changed_messages():
    return Message.objects.filter(dedupe_key__startswith="events:changed:")


def test_a_change_of_time_emails_the_confirmed_registrants(page, event):
    register(event, "a@example.org")
    register(event, "b@example.org")
    register(event, "waiting@example.org")
    registrations.cancel(register(event, "gone@example.org"))
    move(page)
    event_changed(event)
    assert sorted(changed_messages().values_list("recipient", flat=True)) == [
        "a@example.org",
        "b@example.org",
    ]


def test_publishing_a_new_time_emails_registrants_once_the_change_is_committed(
    page, event, django_capture_on_commit_callbacks
):
    register(event, "a@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        move(page)
    assert list(changed_messages().values_list("recipient", flat=True)) == ["a@example.org"]


def test_the_same_change_is_emailed_once(page, event):
    register(event, "a@example.org")
    move(page)
    event_changed(event)
    event_changed(event)
    assert changed_messages().count() == 1


def test_a_second_change_is_emailed_again(page, event):
    register(event, "a@example.org")
    move(page)
    event_changed(event)
    move(page)
    event_changed(event)
    assert sorted(changed_messages().values_list("dedupe_key", flat=True))[-1].endswith(":2")
    assert changed_messages().count() == 2


def test_the_change_email_shows_the_new_time_in_beijing_time(page, event):
    register(event, "a@example.org")
    move(page, hours=3)
    event_changed(event)
    page.refresh_from_db()
    new_start = page.starts_at.astimezone(datetime.timezone(datetime.timedelta(hours=8)))
    assert new_start.strftime("%Y-%m-%d %H:%M") in changed_messages().get().body_text


def test_each_registrant_gets_the_change_in_their_language(page, event):
    factories.translate(page, "en", title="Community safety exhibition")
    register(event, "zh@example.org")
    register(event, "en@example.org", language="en")
    move(page)
    event_changed(event)
    english = changed_messages().get(recipient="en@example.org")
    chinese = changed_messages().get(recipient="zh@example.org")
    assert english.language == "en"
    assert "Community safety exhibition" in english.subject
    assert "社区安全展览" in chinese.subject


def test_without_a_live_translation_the_email_uses_the_source_language_page(event):
    register(event, "en@example.org", language="en")
    send_queued()
    message = Message.objects.get(recipient="en@example.org")
    assert "社区安全展览" in message.subject
    assert message.language == "en"


def test_message_registrants_writes_to_every_confirmed_registrant(event, make_user):
    register(event, "a@example.org")
    register(event, "b@example.org")
    register(event, "waiting@example.org")
    office = make_user(email="office@example.org")
    sent = message_registrants(event, "地点变更提醒", "请从东门进入。", office)
    assert sent == 2
    messages = Message.objects.filter(dedupe_key__startswith="events:message:")
    assert sorted(messages.values_list("recipient", flat=True)) == ["a@example.org", "b@example.org"]
    assert messages.first().subject == "地点变更提醒"
    assert "请从东门进入。" in messages.first().body_text


def test_the_same_message_sent_twice_is_emailed_once(event):
    register(event, "a@example.org")
    assert message_registrants(event, "提醒", "请带身份证。", None) == 1
    assert message_registrants(event, "提醒", "请带身份证。", None) == 0


def test_an_empty_message_is_refused(event):
    register(event, "a@example.org")
    with pytest.raises(ValueError):
        message_registrants(event, "提醒", "  ", None)
    assert not Message.objects.filter(dedupe_key__startswith="events:message:").exists()
