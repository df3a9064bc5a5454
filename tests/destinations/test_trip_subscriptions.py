"""Alerts for a trip only: each destination of a subscription followed for good or until a Beijing date,
merged into the person's one subscription (destinations.subscriptions.follow_for_trip)."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from destinations import fanout as fanouts
from destinations import subscriptions
from destinations.models import AlertSubscription, FollowedDestination
from destinations.subscriptions import TripFollow, follow_for_trip
from tests.destinations import factories

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def today():
    return subscriptions.beijing_today()


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"destinations:{name}", kwargs=kwargs)


def followed(subscription):
    """{ISO code: ends_on} of what a subscription follows (ended trips included)."""
    rows = FollowedDestination.objects.filter(subscription=subscription).values_list(
        "destination__country", "ends_on"
    )
    return {str(code): ends_on for code, ends_on in rows}


def confirm_path_in(message):
    found = re.search(r"https://portal\.example\.org(/[a-z-]+/alerts/confirm/[^/\s]+/)", message.body)
    return found.group(1)


@pytest.fixture
def france(db):
    return factories.DestinationFactory(country="FR")


@pytest.fixture
def japan(db):
    return factories.DestinationFactory(country="JP", region="asia")


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


# Following for a trip -----------------------------------------------------------------------------


def test_a_confirmed_address_follows_the_destination_until_the_trip_ends_without_a_second_opt_in(
    france, run_on_commit
):
    ends = today() + 30 * DAY
    with run_on_commit():
        result = follow_for_trip("Ann@Example.org", "fr", ends, language="en", confirmed=True)

    assert (result.status, result.ends_on) == (TripFollow.FOLLOWING, ends)
    subscription = AlertSubscription.objects.get()
    assert subscription.is_active and subscription.language == "en"
    assert subscription.email == "Ann@Example.org"
    assert followed(subscription) == {"FR": ends}
    assert result.subscription == subscription
    assert mail.outbox == []


def test_an_unconfirmed_address_gets_the_usual_confirmation_and_nothing_is_followed_before_it(
    client, france, run_on_commit
):
    ends = today() + 30 * DAY
    with run_on_commit():
        result = follow_for_trip("ann@example.org", france, ends, language="en", client_address="10.0.0.1")

    assert result.status == TripFollow.CONFIRMATION_SENT
    subscription = AlertSubscription.objects.get()
    assert not subscription.is_active
    assert followed(subscription) == {}
    assert len(mail.outbox) == 1
    assert "alerts stop by themselves after" in mail.outbox[0].body

    path = confirm_path_in(mail.outbox[0])
    assert "alerts stop by themselves after" in client.get(path).content.decode()
    client.post(path)

    subscription.refresh_from_db()
    assert subscription.is_active
    assert followed(subscription) == {"FR": ends}


def test_a_trip_confirmation_merges_into_an_active_subscription_and_keeps_what_it_follows(
    client, france, japan, run_on_commit
):
    subscription = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[japan])
    ends = today() + 10 * DAY
    with run_on_commit():
        follow_for_trip("ann@example.org", france, ends, language="zh-hans")
    client.post(confirm_path_in(mail.outbox[0]))

    assert followed(subscription) == {"JP": None, "FR": ends}


def test_a_destination_followed_for_good_is_never_given_an_end_by_a_trip(france):
    subscription = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[france])

    result = follow_for_trip("ann@example.org", "FR", today() + 5 * DAY, language="en", confirmed=True)

    assert (result.status, result.ends_on) == (TripFollow.FOLLOWING, None)
    assert followed(subscription) == {"FR": None}


def test_a_later_trip_extends_the_end_and_an_earlier_one_never_shortens_it(france):
    first, later, earlier = today() + 10 * DAY, today() + 40 * DAY, today() + 20 * DAY

    follow_for_trip("ann@example.org", "FR", first, language="en", confirmed=True)
    assert follow_for_trip("ann@example.org", "FR", later, language="en", confirmed=True).ends_on == later
    assert follow_for_trip("ann@example.org", "FR", earlier, language="en", confirmed=True).ends_on == later

    assert AlertSubscription.objects.count() == 1
    assert followed(AlertSubscription.objects.get()) == {"FR": later}


def test_a_new_trip_after_an_ended_one_follows_again(france):
    subscription = factories.AlertSubscriptionFactory(
        email="ann@example.org", destinations=[], all_destinations=False
    )
    FollowedDestination.objects.create(
        subscription=subscription, destination=france, ends_on=today() - 3 * DAY
    )

    follow_for_trip("ann@example.org", "FR", today() + 9 * DAY, language="en", confirmed=True)

    assert followed(subscription) == {"FR": today() + 9 * DAY}


def test_a_subscriber_to_every_destination_stays_so(france):
    subscription = factories.AlertSubscriptionFactory(email="ann@example.org")  # all destinations

    result = follow_for_trip("ann@example.org", "FR", today() + 9 * DAY, language="en", confirmed=True)

    assert (result.status, result.ends_on) == (TripFollow.FOLLOWING, None)
    subscription.refresh_from_db()
    assert subscription.all_destinations
    assert followed(subscription) == {}


def test_an_unsubscribed_address_taking_a_trip_follows_that_destination_only(france, japan):
    subscription = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[japan])
    subscriptions.unsubscribe(subscription)

    follow_for_trip("ann@example.org", "FR", today() + 9 * DAY, language="en", confirmed=True)

    subscription.refresh_from_db()
    assert subscription.is_active
    assert followed(subscription) == {"FR": today() + 9 * DAY}


@pytest.mark.parametrize(
    "code, ends_in_days, status",
    [
        ("XK", 9, TripFollow.UNKNOWN_DESTINATION),
        ("", 9, TripFollow.UNKNOWN_DESTINATION),
        ("FR", -1, TripFollow.TRIP_OVER),
    ],
)
def test_an_unknown_destination_or_a_trip_already_over_changes_nothing(france, code, ends_in_days, status):
    result = follow_for_trip(
        "ann@example.org", code, today() + ends_in_days * DAY, language="en", confirmed=True
    )

    assert result.status == status
    assert not AlertSubscription.objects.exists()


def test_confirmation_emails_for_trips_are_rate_limited_per_address(france, run_on_commit):
    with run_on_commit():
        results = [
            follow_for_trip("ann@example.org", "FR", today() + 9 * DAY, language="en").status
            for _ in range(8)
        ]

    # Without a client address the address slot is the email's own: 3 an hour, as on the form.
    allowed = subscriptions.RATE_LIMITS.address_and_email[0]
    assert results == [TripFollow.CONFIRMATION_SENT] * allowed + [TripFollow.RATE_LIMITED] * (8 - allowed)
    assert len(mail.outbox) == allowed


# The fan-out ----------------------------------------------------------------------------------------


def test_the_fan_out_skips_a_trip_that_has_ended_and_sends_on_its_last_day(
    france, japan, home_zh, run_on_commit
):
    ended = factories.AlertSubscriptionFactory(
        email="ended@example.org", destinations=[], all_destinations=False
    )
    FollowedDestination.objects.create(subscription=ended, destination=france, ends_on=today() - DAY)
    last_day = factories.AlertSubscriptionFactory(
        email="last-day@example.org", destinations=[], all_destinations=False
    )
    FollowedDestination.objects.create(subscription=last_day, destination=france, ends_on=today())
    factories.AlertSubscriptionFactory(email="for-good@example.org", destinations=[france])
    other = factories.AlertSubscriptionFactory(
        email="other-trip@example.org", destinations=[], all_destinations=False
    )
    FollowedDestination.objects.create(subscription=other, destination=japan, ends_on=today() + DAY)
    alerts = factories.AlertIndexPageFactory(parent=home_zh)

    with run_on_commit():
        factories.SafetyAlertPageFactory(parent=alerts, destinations=[france], title="巴黎治安提醒")

    assert sorted(address for email in mail.outbox for address in email.to) == [
        "for-good@example.org",
        "last-day@example.org",
    ]


def test_a_trip_ends_by_the_beijing_date_not_the_servers(france, monkeypatch):
    # 16:30 UTC on 6 December is 00:30 on 7 December in Beijing: a trip ending on the 6th has ended.
    moment = datetime.datetime(2026, 12, 6, 16, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(subscriptions, "timezone", SimpleNamespace(now=lambda: moment))
    subscription = factories.AlertSubscriptionFactory(
        email="ann@example.org", destinations=[], all_destinations=False
    )
    FollowedDestination.objects.create(
        subscription=subscription, destination=france, ends_on=datetime.date(2026, 12, 6)
    )

    assert subscriptions.beijing_today() == datetime.date(2026, 12, 7)
    assert not fanouts.subscribers_of([france.pk]).exists()
    FollowedDestination.objects.update(ends_on=datetime.date(2026, 12, 7))
    assert list(fanouts.subscribers_of([france.pk])) == [subscription]


def test_the_subscriber_report_counts_a_trip_until_its_last_day(client, france):
    from destinations.viewsets import SubscriberReportView

    running = factories.AlertSubscriptionFactory(destinations=[], all_destinations=False)
    FollowedDestination.objects.create(subscription=running, destination=france, ends_on=today())
    ended = factories.AlertSubscriptionFactory(destinations=[], all_destinations=False)
    FollowedDestination.objects.create(subscription=ended, destination=france, ends_on=today() - DAY)
    factories.AlertSubscriptionFactory(destinations=[france])

    place = SubscriberReportView().get_queryset().get(pk=france.pk)

    assert place.subscriber_count == 2


# The subscription's pages and the subscribe form -----------------------------------------------------


def test_the_preferences_page_says_until_when_a_trip_destination_is_followed(client, france, japan):
    subscription = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[japan])
    ends = today() + 12 * DAY
    follow_for_trip("ann@example.org", "FR", ends, language="en", confirmed=True)

    html = client.get(url("preferences", token=subscription.token)).content.decode()

    with translation.override("en"):
        from django.utils.formats import date_format

        day = date_format(ends, "DATE_FORMAT")
    assert f"France (until {day})" in html
    assert "Japan (until" not in html
    assert "Followed for a trip" in html
    # Keeping it for good: the subscribe form with everything followed now ticked.
    assert "/en/alerts/subscribe/?destination=" in html


def test_the_preferences_page_in_chinese_says_until_too(client, france):
    subscription = factories.AlertSubscriptionFactory(
        email="ann@example.org", destinations=[], all_destinations=False
    )
    follow_for_trip("ann@example.org", "FR", today() + 12 * DAY, language="zh-hans", confirmed=True)

    html = client.get(url("preferences", "zh-hans", token=subscription.token)).content.decode()

    assert "截至" in html


def test_an_ended_trip_is_not_shown_as_followed(client, france):
    subscription = factories.AlertSubscriptionFactory(
        email="ann@example.org", destinations=[], all_destinations=False
    )
    FollowedDestination.objects.create(subscription=subscription, destination=france, ends_on=today() - DAY)

    response = client.get(url("preferences", token=subscription.token))

    assert response.context["form"].initial["destinations"] == []
    assert "Followed for a trip" not in response.content.decode()


def test_saving_preferences_keeps_a_trips_end_and_drops_what_was_unticked(client, france, japan):
    subscription = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[japan])
    ends = today() + 12 * DAY
    follow_for_trip("ann@example.org", "FR", ends, language="en", confirmed=True)

    client.post(url("preferences", token=subscription.token), {"destinations": ["FR"], "language": "zh-hans"})

    assert followed(subscription) == {"FR": ends}


def test_subscribing_for_good_through_the_form_clears_the_end_and_keeps_other_trips(
    client, france, japan, run_on_commit
):
    subscription = factories.AlertSubscriptionFactory(
        email="ann@example.org", destinations=[], all_destinations=False
    )
    follow_for_trip("ann@example.org", "FR", today() + 12 * DAY, language="en", confirmed=True)
    follow_for_trip("ann@example.org", "JP", today() + 20 * DAY, language="en", confirmed=True)

    with run_on_commit():
        client.post(
            url("subscribe"),
            {"email": "ann@example.org", "language": "en", "destinations": ["FR"]},
            REMOTE_ADDR="10.0.0.2",
        )
    client.post(confirm_path_in(mail.outbox[-1]))

    assert followed(subscription) == {"FR": None, "JP": today() + 20 * DAY}


def test_the_unsubscribe_link_still_stops_a_trips_alerts(client, france, home_zh, run_on_commit):
    result = follow_for_trip("ann@example.org", "FR", today() + 12 * DAY, language="en", confirmed=True)

    response = client.post(url("unsubscribe", token=result.subscription.token))

    assert response.status_code == 200
    result.subscription.refresh_from_db()
    assert not result.subscription.is_active
    alerts = factories.AlertIndexPageFactory(parent=home_zh)
    with run_on_commit():
        factories.SafetyAlertPageFactory(parent=alerts, destinations=[france])
    assert mail.outbox == []


def test_a_trip_alert_email_carries_the_usual_unsubscribe_link(france, home_zh, run_on_commit):
    result = follow_for_trip("ann@example.org", "FR", today() + 12 * DAY, language="en", confirmed=True)
    alerts = factories.AlertIndexPageFactory(parent=home_zh)

    with run_on_commit():
        factories.SafetyAlertPageFactory(parent=alerts, destinations=[france])

    (email,) = mail.outbox
    assert f"/alerts/unsubscribe/{result.subscription.token}/" in email.body
    assert "List-Unsubscribe" in email.extra_headers


def test_beijing_today_is_the_date_in_beijing():
    assert subscriptions.beijing_today(
        datetime.datetime(2026, 12, 6, 15, 59, tzinfo=datetime.UTC)
    ) == datetime.date(2026, 12, 6)
    assert subscriptions.beijing_today(timezone.now()) == timezone.localdate()


# Existing subscriptions, and two trips at once ------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("rebuild_site")
def test_the_migration_keeps_every_existing_subscriptions_destinations_followed_for_good():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = (
        ("destinations", "0004_alert_confirmation_tokens"),
        ("destinations", "0005_followed_destinations_until"),
    )
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    old = executor.loader.project_state([before]).apps
    old_destinations = old.get_model("destinations", "Destination").objects
    old_subscriptions = old.get_model("destinations", "AlertSubscription").objects
    france, japan = old_destinations.create(country="FR"), old_destinations.create(country="JP")
    ann = old_subscriptions.create(email="ann@example.org", language="en", token="t-ann")
    ann.destinations.set([france, japan])
    bob = old_subscriptions.create(email="bob@example.org", language="en", token="t-bob")
    bob.destinations.set([japan])
    try:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([after])
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    rows = FollowedDestination.objects.values_list("subscription__email", "destination__country", "ends_on")
    assert sorted((email, str(code), ends) for email, code, ends in rows) == [
        ("ann@example.org", "FR", None),
        ("ann@example.org", "JP", None),
        ("bob@example.org", "JP", None),
    ]


def concurrently(test):
    from tests.concurrency import CONCURRENT

    for mark in [*CONCURRENT, pytest.mark.engine]:
        test = mark(test)
    return test


@concurrently
def test_two_trips_followed_at_once_make_one_subscription_with_the_later_end():
    from tests.concurrency import at_once

    factories.DestinationFactory(country="FR")
    ends = [today() + 10 * DAY, today() + 30 * DAY, today() + 20 * DAY, today() + 5 * DAY]
    queue = list(ends)  # each thread takes one end date

    results = at_once(
        lambda: follow_for_trip("ann@example.org", "FR", queue.pop(), language="en", confirmed=True), 4
    )

    assert {result.status for result in results} == {TripFollow.FOLLOWING}
    subscription = AlertSubscription.objects.get()
    assert followed(subscription) == {"FR": max(ends)}
    assert subscription.is_active


def test_followed_by_says_what_an_address_gets_alerts_for_now(france, japan, django_assert_max_num_queries):
    subscription = factories.AlertSubscriptionFactory(
        email="ann@example.org", destinations=[japan], all_destinations=False
    )
    ends = today() + 9 * DAY
    follow_for_trip("ann@example.org", "FR", ends, language="en", confirmed=True)
    factories.DestinationFactory(country="DE")
    FollowedDestination.objects.create(
        subscription=subscription,
        destination=factories.DestinationFactory(country="IT"),
        ends_on=today() - DAY,
    )

    with django_assert_max_num_queries(2):
        assert subscriptions.followed_by("ANN@example.org") == (False, {"JP": None, "FR": ends})
    assert subscriptions.followed_by("nobody@example.org") == (False, {})
    subscriptions.unsubscribe(subscription)
    assert subscriptions.followed_by("ann@example.org") == (False, {})
    factories.AlertSubscriptionFactory(email="all@example.org")
    assert subscriptions.followed_by("all@example.org") == (True, {})
