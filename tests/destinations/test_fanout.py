"""Alert and change emails: once per subscriber, in their language, resumable, stoppable, unsubscribable."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from destinations import alert_email
from destinations import fanout as fanouts
from destinations.facts import facts_saved
from destinations.models import AlertDelivery, AlertFanout
from outbox.models import Message
from tests.destinations import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def france(db):
    return factories.DestinationFactory(country="FR")


@pytest.fixture
def japan(db):
    return factories.DestinationFactory(country="JP", region="asia")


@pytest.fixture
def alerts_zh(home_zh):
    return factories.AlertIndexPageFactory(parent=home_zh)


def recipients():
    return sorted(address for email in mail.outbox for address in email.to)


def emails_to(address):
    return [email for email in mail.outbox if email.to == [address]]


def publish_alert(alerts_zh, places, run_on_commit, **fields):
    with run_on_commit():
        return factories.SafetyAlertPageFactory(parent=alerts_zh, destinations=places, **fields)


def test_a_published_alert_goes_once_to_each_confirmed_subscriber_of_its_destinations(
    alerts_zh, france, japan, run_on_commit
):
    factories.AlertSubscriptionFactory(email="fr@example.org", destinations=[france])
    factories.AlertSubscriptionFactory(email="all@example.org")
    factories.AlertSubscriptionFactory(email="both@example.org", destinations=[france, japan])
    factories.AlertSubscriptionFactory(email="jp@example.org", destinations=[japan])
    factories.AlertSubscriptionFactory(
        email="unconfirmed@example.org", destinations=[france], confirmed=False
    )
    left = factories.AlertSubscriptionFactory(email="left@example.org", destinations=[france])
    left.unsubscribed_at = left.created_at
    left.save()

    publish_alert(alerts_zh, [france], run_on_commit, title="巴黎治安提醒")

    assert recipients() == ["all@example.org", "both@example.org", "fr@example.org"]
    assert all("巴黎治安提醒" in email.subject for email in mail.outbox)
    assert AlertFanout.objects.get().status == AlertFanout.Status.DONE


def test_an_unconfirmed_subscriber_gets_nothing(alerts_zh, france, run_on_commit):
    factories.AlertSubscriptionFactory(
        email="unconfirmed@example.org", destinations=[france], confirmed=False
    )

    publish_alert(alerts_zh, [france], run_on_commit)

    assert mail.outbox == []
    assert Message.objects.count() == 0


def test_each_subscriber_reads_the_alert_in_their_language_when_it_is_translated(
    home_en, alerts_zh, france, run_on_commit
):
    factories.AlertSubscriptionFactory(email="zh@example.org", language="zh-hans", destinations=[france])
    factories.AlertSubscriptionFactory(email="en@example.org", language="en", destinations=[france])
    page = factories.SafetyAlertPageFactory(
        parent=alerts_zh, destinations=[france], title="巴黎治安提醒"
    )  # fan-out not run: no commit
    factories.translate(page, "en", title="Paris safety reminder", summary="Pickpockets are active.")

    with run_on_commit():
        fanouts.start_alert_fanout(page)

    [chinese] = emails_to("zh@example.org")
    [english] = emails_to("en@example.org")
    assert "巴黎治安提醒" in chinese.subject
    assert "Paris safety reminder" in english.subject
    assert "Pickpockets are active." in english.body
    assert "https://portal.example.org/en/" in english.body
    assert english.extra_headers["Content-Language"] == "en"


def test_without_a_live_translation_the_alert_goes_in_its_source_language(alerts_zh, france, run_on_commit):
    factories.AlertSubscriptionFactory(email="en@example.org", language="en", destinations=[france])

    publish_alert(alerts_zh, [france], run_on_commit, title="巴黎治安提醒")

    [email] = mail.outbox
    assert "巴黎治安提醒" in email.subject
    assert "not available in your language yet" in email.body  # the email's own words in English
    assert "/en/alerts/unsubscribe/" in email.body


def test_publishing_again_or_publishing_the_translation_sends_nothing_new(
    home_en, alerts_zh, france, run_on_commit
):
    factories.AlertSubscriptionFactory(email="fr@example.org", destinations=[france])
    page = publish_alert(alerts_zh, [france], run_on_commit)
    assert len(mail.outbox) == 1

    with run_on_commit():
        page.title = "更新后的提醒"
        page.save_revision().publish()
        factories.translate(page, "en", title="Updated reminder")

    assert len(mail.outbox) == 1
    assert AlertDelivery.objects.count() == 1
    assert AlertFanout.objects.count() == 1


def test_an_alert_that_has_already_ended_is_not_emailed(alerts_zh, france, run_on_commit):
    import datetime

    from django.utils import timezone

    factories.AlertSubscriptionFactory(email="fr@example.org", destinations=[france])
    now = timezone.now()

    publish_alert(
        alerts_zh,
        [france],
        run_on_commit,
        valid_from=now - datetime.timedelta(days=3),
        valid_until=now - datetime.timedelta(days=1),
    )

    assert mail.outbox == []
    assert AlertFanout.objects.count() == 0


def test_a_fanout_stopped_after_one_batch_and_resumed_sends_each_subscriber_one_email(
    alerts_zh, france, run_on_commit
):
    emails = [f"person{number}@example.org" for number in range(5)]
    for email in emails:
        factories.AlertSubscriptionFactory(email=email, destinations=[france])
    page = factories.SafetyAlertPageFactory(parent=alerts_zh, destinations=[france])
    fanout = fanouts.start_alert_fanout(page)

    with run_on_commit():
        assert fanouts.run_fanout(fanout.pk, batch_size=2, max_batches=1) == AlertFanout.Status.SENDING
    assert len(mail.outbox) == 2
    with run_on_commit():
        fanouts.stop_fanout(fanout)
        assert fanouts.run_fanout(fanout.pk, batch_size=2) == AlertFanout.Status.STOPPED
    assert len(mail.outbox) == 2

    with run_on_commit():
        fanouts.resume_fanout(fanout)

    assert recipients() == sorted(emails)
    fanout.refresh_from_db()
    assert fanout.status == AlertFanout.Status.DONE
    assert fanout.sent == 5


def test_a_fanout_that_crashed_half_way_and_is_retried_sends_each_subscriber_one_email(
    alerts_zh, france, run_on_commit, monkeypatch
):
    emails = [f"person{number}@example.org" for number in range(5)]
    for email in emails:
        factories.AlertSubscriptionFactory(email=email, destinations=[france])
    page = factories.SafetyAlertPageFactory(parent=alerts_zh, destinations=[france])
    fanout = fanouts.start_alert_fanout(page)
    real_queue = fanouts.outbox.queue_messages
    calls = []

    def crash_on_the_second_batch(messages):
        calls.append(len(messages))
        if len(calls) == 2:
            raise ConnectionError("worker lost its database")
        return real_queue(messages)

    monkeypatch.setattr(fanouts.outbox, "queue_messages", crash_on_the_second_batch)
    with run_on_commit(), pytest.raises(ConnectionError):
        fanouts.run_fanout(fanout.pk, batch_size=2)
    assert len(mail.outbox) == 2
    assert AlertDelivery.objects.count() == 2  # the failed batch left nothing behind

    with run_on_commit():
        fanouts.start_alert_fanout(page)  # e.g. published again, or the task retried

    assert recipients() == sorted(emails)
    assert Message.objects.count() == 5


def test_stopping_withdraws_queued_emails_not_yet_sent_and_resuming_sends_them_once(
    alerts_zh, france, django_capture_on_commit_callbacks, run_on_commit
):
    for number in range(3):
        factories.AlertSubscriptionFactory(email=f"person{number}@example.org", destinations=[france])
    page = factories.SafetyAlertPageFactory(parent=alerts_zh, destinations=[france])
    fanout = fanouts.start_alert_fanout(page)
    with django_capture_on_commit_callbacks(execute=False):  # the delivery task never runs
        fanouts.run_fanout(fanout.pk, batch_size=2, max_batches=1)
    assert Message.objects.filter(status=Message.Status.PENDING).count() == 2

    withdrawn = fanouts.stop_fanout(fanout)

    assert withdrawn == 2
    assert Message.objects.filter(status=Message.Status.PENDING).count() == 0
    assert AlertDelivery.objects.count() == 0
    with run_on_commit():
        fanouts.resume_fanout(fanout)
    assert len(mail.outbox) == 3
    assert recipients() == [f"person{number}@example.org" for number in range(3)]


def test_alert_emails_carry_one_click_unsubscribe_headers_that_work_with_one_post(
    client, alerts_zh, france, run_on_commit
):
    subscription = factories.AlertSubscriptionFactory(
        email="fr@example.org", language="en", destinations=[france]
    )
    publish_alert(alerts_zh, [france], run_on_commit)

    [email] = mail.outbox
    with translation.override("en"):
        path = reverse("destinations:unsubscribe", kwargs={"token": subscription.token})
    assert email.extra_headers["List-Unsubscribe"] == f"<https://portal.example.org{path}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"https://portal.example.org{path}" in email.body
    [html, _mimetype] = email.alternatives[0]
    assert f"https://portal.example.org{path}" in html

    client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")

    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None


def test_a_non_minor_change_is_sent_once_to_confirmed_subscribers_in_their_language(
    home_zh, home_en, france, run_on_commit
):
    index = factories.DestinationIndexPageFactory(parent=home_zh)
    page = factories.DestinationPageFactory(parent=index, destination=france, title="法国")
    factories.translate(page, "en", title="France")
    factories.AlertSubscriptionFactory(email="zh@example.org", language="zh-hans", destinations=[france])
    factories.AlertSubscriptionFactory(email="en@example.org", language="en")
    factories.AlertSubscriptionFactory(
        email="unconfirmed@example.org", destinations=[france], confirmed=False
    )

    with run_on_commit():
        facts_saved(france, minor=False, summary_zh="报警电话已更新", summary_en="Police number updated")

    assert recipients() == ["en@example.org", "zh@example.org"]
    [chinese] = emails_to("zh@example.org")
    [english] = emails_to("en@example.org")
    assert "报警电话已更新" in chinese.body
    assert "Police number updated" in english.body
    assert "France" in english.subject
    assert f"https://portal.example.org/en/{page.get_parent().slug}/fr/" in english.body
    assert "/zh-hans/" in chinese.body


def test_a_change_links_to_the_source_page_when_the_translation_is_missing(home_zh, france, run_on_commit):
    index = factories.DestinationIndexPageFactory(parent=home_zh)
    factories.DestinationPageFactory(parent=index, destination=france)
    factories.AlertSubscriptionFactory(email="en@example.org", language="en", destinations=[france])

    with run_on_commit():
        facts_saved(france, minor=False, summary_zh="风险等级上调", summary_en="")

    [email] = mail.outbox
    assert "风险等级上调" in email.body  # the only summary there is
    assert "https://portal.example.org/zh-hans/" in email.body


def test_a_minor_change_sends_nothing(france, run_on_commit):
    factories.AlertSubscriptionFactory(email="fr@example.org", destinations=[france])

    with run_on_commit():
        facts_saved(france, minor=True, summary_zh="修正错别字")

    assert mail.outbox == []
    assert AlertFanout.objects.count() == 0


def test_the_same_change_note_is_never_sent_twice(france, run_on_commit):
    factories.AlertSubscriptionFactory(email="fr@example.org", destinations=[france])
    with run_on_commit():
        note = facts_saved(france, minor=False, summary_zh="报警电话已更新")

    with run_on_commit():
        fanouts.start_change_fanout(note)
        fanouts.resume_fanout(note.fanout)

    assert len(mail.outbox) == 1


def test_one_batch_takes_a_fixed_number_of_queries(alerts_zh, france, django_assert_max_num_queries):
    for number in range(40):
        factories.AlertSubscriptionFactory(email=f"person{number}@example.org", destinations=[france])
    page = factories.SafetyAlertPageFactory(parent=alerts_zh, destinations=[france])
    fanout = fanouts.start_alert_fanout(page)
    fanouts.run_fanout(fanout.pk, batch_size=5, max_batches=1)  # renders the email once
    fanout.refresh_from_db()
    mailing = alert_email.Mailing.for_fanout(fanout)
    mailing.render("zh-hans")
    subscribers = fanouts.fanout_subscribers(fanout)

    with django_assert_max_num_queries(10):
        fanouts.run_batch(fanout, subscribers, mailing, batch_size=30)

    assert AlertDelivery.objects.count() == 35


def test_the_preview_counts_who_would_get_a_draft_alert(alerts_zh, france, japan):
    factories.AlertSubscriptionFactory(email="fr@example.org", destinations=[france])
    factories.AlertSubscriptionFactory(email="en@example.org", language="en", destinations=[france])
    factories.AlertSubscriptionFactory(email="jp@example.org", destinations=[japan])
    page = factories.SafetyAlertPageFactory(parent=alerts_zh, destinations=[france])
    assert sum(fanouts.recipients_by_language(page).values()) == 2
    page.destinations = [japan]  # the draft moves the alert to another destination
    page.save_revision()
    draft = page.get_latest_revision_as_object()

    assert fanouts.recipients_by_language(draft) == {"zh-hans": 1, "en": 0}


def test_the_cron_command_finishes_a_fanout_left_half_way_sending_each_subscriber_once(
    alerts_zh, france, run_on_commit
):
    import io

    from django.core.management import call_command

    emails = [f"person{number}@example.org" for number in range(5)]
    for email in emails:
        factories.AlertSubscriptionFactory(email=email, destinations=[france])
    fanout = fanouts.start_alert_fanout(
        factories.SafetyAlertPageFactory(parent=alerts_zh, destinations=[france])
    )
    with run_on_commit():
        fanouts.run_fanout(fanout.pk, batch_size=2, max_batches=1)  # the worker died after one batch
    assert len(mail.outbox) == 2

    with run_on_commit():
        call_command("send_alert_fanouts", stdout=io.StringIO())
        call_command("send_alert_fanouts", stdout=io.StringIO())  # twice in a row: nothing new

    assert recipients() == sorted(emails)
    fanout.refresh_from_db()
    assert fanout.status == AlertFanout.Status.DONE
