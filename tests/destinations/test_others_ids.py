"""Someone else's subscription, a bogus destination code, an alert or a sending one may not touch: the
same answer a missing one gets (404, 400 for a confirmation link, or the admin's refusal) and nothing
changed in the database.

Confirmation, preferences and unsubscribe links are bearer links (the random token reaches its address
by email), so "someone else's" here is a link carrying another subscription's id, or a token that must
touch its own subscription only. The emergency card is public and keyed by a country code: it holds nothing
personal. Complements test_subscriptions.py (tampered and unknown tokens), test_cards.py (an unknown
destination) and test_alert_admin.py (who may use the staff screens).
"""

import json
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission, Page

from destinations import cards, subscriptions
from destinations import fanout as fanouts
from destinations.models import AlertFanout, AlertSubscription, EmergencyCard
from outbox.models import Message
from tests.accounts.factories import staff_user
from tests.destinations import factories

pytestmark = pytest.mark.django_db


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"destinations:{name}", kwargs=kwargs)


def row_of(subscription):
    """Everything a request could change about a subscription, read again from the database."""
    fresh = AlertSubscription.objects.get(pk=subscription.pk)
    return {
        "email": fresh.email,
        "language": fresh.language,
        "all_destinations": fresh.all_destinations,
        "destinations": sorted(str(code) for code in fresh.destinations.values_list("country", flat=True)),
        "confirmed_at": fresh.confirmed_at,
        "unsubscribed_at": fresh.unsubscribed_at,
        "token": fresh.token,
    }


def fanout_row(fanout):
    fresh = AlertFanout.objects.get(pk=fanout.pk)
    return {"status": fresh.status, "stopped_by_id": fresh.stopped_by_id, "finished_at": fresh.finished_at}


def refused(response):
    """Wagtail answers PermissionDenied in its admin with a redirect to the dashboard (or a 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.fixture
def france(db):
    return factories.DestinationFactory(country="FR")


@pytest.fixture
def japan(db):
    return factories.DestinationFactory(country="JP", region="asia")


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


# --- confirmation links, preferences and unsubscribe -----------------------------------------------------


def confirmation_path(subscription, choices):
    link = subscriptions.confirmation_link(subscriptions.new_confirmation(subscription, choices))
    path = link.split("://", 1)[1]
    return path[path.index("/") :]


def test_a_forged_confirmation_token_is_refused_and_changes_nothing(client, france, japan):
    mine = factories.AlertSubscriptionFactory(
        email="ann@example.org", language="en", destinations=[france], confirmed=False
    )
    theirs = factories.AlertSubscriptionFactory(
        email="bob@example.org", language="zh-hans", destinations=[japan], confirmed=False
    )
    genuine = confirmation_path(theirs, subscriptions.Choices(language="en", all_destinations=True))
    before = [row_of(mine), row_of(theirs)]
    token = genuine.rstrip("/").rsplit("/", 1)[1]

    for forged in (token[:-1] + ("A" if token[-1] != "A" else "B"), str(theirs.pk), token.lower()):
        response = client.post(url("confirm", token=forged))
        assert response.status_code == 400
        assert "bob@example.org" not in response.content.decode()

    assert [row_of(mine), row_of(theirs)] == before


def test_a_confirmation_link_whose_subscription_was_deleted_is_not_valid(client, france):
    gone = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[france], confirmed=False)
    path = confirmation_path(gone, subscriptions.Choices(language="en", all_destinations=True))
    other = factories.AlertSubscriptionFactory(
        email="bob@example.org", destinations=[france], confirmed=False
    )
    before = row_of(other)
    gone.delete()

    response = client.post(path)

    assert response.status_code == 400
    assert row_of(other) == before


def test_a_genuine_confirmation_link_confirms_its_own_subscription_only(client, france, japan):
    mine = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[france], confirmed=False)
    theirs = factories.AlertSubscriptionFactory(
        email="bob@example.org", destinations=[japan], confirmed=False
    )
    before = row_of(theirs)
    path = confirmation_path(mine, subscriptions.Choices(language="en", codes=("FR", "JP")))

    response = client.post(path)

    assert response.status_code == 200
    assert row_of(mine)["confirmed_at"] is not None
    assert row_of(mine)["destinations"] == ["FR", "JP"]
    assert row_of(theirs) == before


def test_preferences_posted_to_an_unknown_token_change_no_subscription(client, france, japan):
    subscription = factories.AlertSubscriptionFactory(
        email="ann@example.org", language="zh-hans", destinations=[france]
    )
    before = row_of(subscription)
    altered = subscription.token[:-1] + ("A" if subscription.token[-1] != "A" else "B")

    for token in (altered, "no-such-token", str(subscription.pk)):
        response = client.post(
            url("preferences", token=token),
            {"destinations": ["JP"], "language": "en", "all_destinations": "on"},
        )
        assert response.status_code == 404

    assert row_of(subscription) == before


def test_a_confirmation_link_is_not_a_preferences_or_unsubscribe_token(client, france):
    subscription = factories.AlertSubscriptionFactory(
        email="ann@example.org", destinations=[france], confirmed=False
    )
    before = row_of(subscription)
    token = confirmation_path(subscription, subscriptions.Choices(language="en", all_destinations=True))
    token = token.rstrip("/").rsplit("/", 1)[1]

    assert (
        client.post(url("preferences", token=token), {"language": "en", "all_destinations": "on"}).status_code
        == 404
    )
    assert client.post(url("unsubscribe", token=token)).status_code == 404
    assert row_of(subscription) == before


def test_a_subscription_token_does_not_open_a_confirmation_link(client, france):
    subscription = factories.AlertSubscriptionFactory(
        email="ann@example.org", destinations=[france], confirmed=False
    )
    before = row_of(subscription)

    response = client.post(url("confirm", token=subscription.token))

    assert response.status_code == 400
    assert row_of(subscription) == before


def test_unsubscribing_and_changing_preferences_with_one_token_leave_every_other_subscription_alone(
    client, france, japan
):
    mine = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[france])
    theirs = factories.AlertSubscriptionFactory(email="bob@example.org", destinations=[france])
    before = row_of(theirs)

    client.post(url("preferences", token=mine.token), {"destinations": ["JP"], "language": "en"})
    client.post(url("unsubscribe", token=mine.token))

    assert row_of(mine)["unsubscribed_at"] is not None
    assert row_of(theirs) == before


def test_a_preferences_page_shows_its_own_subscription_only(client, france, japan):
    mine = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[france])
    factories.AlertSubscriptionFactory(email="bob@example.org", destinations=[japan])

    html = client.get(url("preferences", token=mine.token)).content.decode()

    assert "bob@example.org" not in html


# --- the emergency card: a destination code ---------------------------------------------------------------


def fake_pdf(context):
    """Instead of WeasyPrint: the very values the card would print."""
    return b"%PDF-fake\n" + json.dumps(context, sort_keys=True, ensure_ascii=False).encode()


@pytest.fixture
def place(db):
    """Luxembourg: not among the demo destinations, so the test owns its facts."""
    return factories.DestinationFactory(
        country="LU", police_number="113", ambulance_number="112", fire_number="114"
    )


def test_the_emergency_card_holds_nothing_personal_and_is_the_same_for_everyone(client, make_user, place):
    person = make_user(email="lilei@example.org", name="李雷", preferred_language="en")
    card_url = "/en/destinations/lu/emergency-card.pdf"
    with mock.patch.object(cards, "render_card_pdf", side_effect=fake_pdf):
        as_guest = client.get(card_url)
        guest_body = b"".join(as_guest.streaming_content)
        client.force_login(person)
        as_person = client.get(card_url)
        person_body = b"".join(as_person.streaming_content)

    assert as_guest.status_code == as_person.status_code == 200
    assert person_body == guest_body
    assert as_person["ETag"] == as_guest["ETag"]
    printed = person_body.decode()
    assert "李雷" not in printed and "lilei@example.org" not in printed
    assert str(person.pk) not in json.loads(printed.split("\n", 1)[1]).values()
    assert "Set-Cookie" not in as_guest  # a public, cacheable file: nothing of the visitor's in it
    assert EmergencyCard.objects.filter(destination=place, language="en").count() == 1


@pytest.mark.parametrize("code", ["zz", "xx", "lux", "l1", "1u", "LU%20", "%2e%2e"])
def test_a_card_url_with_a_bogus_code_is_404_and_renders_no_card(client, place, code):
    with mock.patch.object(cards, "render_card_pdf", side_effect=AssertionError("rendered a card")):
        response = client.get(f"/zh-hans/destinations/{code}/emergency-card.pdf")

    assert response.status_code == 404
    assert not EmergencyCard.objects.exists()


def test_a_card_for_one_destination_shows_only_that_destinations_facts(client, place):
    other = factories.DestinationFactory(
        country="MT", police_number="191", ambulance_number="196", fire_number="199"
    )
    with mock.patch.object(cards, "render_card_pdf", side_effect=fake_pdf):
        body = b"".join(client.get("/en/destinations/lu/emergency-card.pdf").streaming_content).decode()

    printed = json.loads(body.split("\n", 1)[1])
    assert printed["code"] == "LU"
    assert (printed["police"], printed["ambulance"], printed["fire"]) == ("113", "112", "114")
    assert not EmergencyCard.objects.filter(destination=other).exists()


# --- staff screens that take an alert page id or a sending id --------------------------------------------


@pytest.fixture
def alert_index(home_zh):
    return factories.AlertIndexPageFactory(parent=home_zh)


@pytest.fixture
def alert_page(alert_index, france):
    return factories.SafetyAlertPageFactory(parent=alert_index, destinations=[france], title="巴黎治安提醒")


def test_a_test_email_of_an_alert_one_may_not_edit_is_refused_and_sends_nothing(
    client, make_user, alert_page, run_on_commit
):
    client.force_login(
        staff_user(
            permissions=["destinations.view_alertfanout", "destinations.change_alertfanout"],
            admin_language="zh-hans",
        )
    )

    with run_on_commit():
        response = client.post(
            reverse("destinations_alert_email_preview", args=[alert_page.pk]), {"language": "en"}
        )

    assert refused(response)
    assert not Message.objects.exists()
    assert mail.outbox == []


def test_an_editor_of_one_alert_index_cannot_preview_or_test_an_alert_under_another(
    client, make_user, home_zh, alert_page, france, run_on_commit
):
    own_index = factories.AlertIndexPageFactory(parent=home_zh, slug="own-alerts", title="本处提醒")
    own_alert = factories.SafetyAlertPageFactory(
        parent=own_index, destinations=[france], title="本处的提醒", slug="own-alert"
    )
    group = Group.objects.create(name="Alert editors of one index")
    GroupPagePermission.objects.create(
        group=group,
        page=Page.objects.get(pk=own_index.pk),
        permission=Permission.objects.get(codename="change_page"),
    )
    user = staff_user(admin_language="zh-hans")
    user.groups.add(group)
    client.force_login(user)
    assert client.get(reverse("destinations_alert_email_preview", args=[own_alert.pk])).status_code == 200

    with run_on_commit():
        shown = client.get(reverse("destinations_alert_email_preview", args=[alert_page.pk]))
        tested = client.post(
            reverse("destinations_alert_email_preview", args=[alert_page.pk]), {"language": "en"}
        )

    assert refused(shown) and refused(tested)
    assert not Message.objects.exists()
    assert mail.outbox == []


def test_the_email_preview_of_a_page_that_is_not_an_alert_is_404_and_sends_nothing(
    client, make_user, home_zh, run_on_commit
):
    client.force_login(make_user(is_staff=True, is_superuser=True, email="chief@example.org"))

    with run_on_commit():
        for page_id in (home_zh.pk, 999999):
            assert (
                client.get(
                    reverse("destinations_alert_email_preview", args=[page_id]), follow=True
                ).status_code
                == 404
            )
            assert (
                client.post(
                    reverse("destinations_alert_email_preview", args=[page_id]),
                    {"language": "en"},
                    follow=True,
                ).status_code
                == 404
            )

    assert not Message.objects.exists()


def queued_fanout(alert_page, count=2):
    for number in range(count):
        factories.AlertSubscriptionFactory(
            email=f"person{number}@example.org", destinations=list(alert_page.destinations.all())
        )
    return fanouts.start_alert_fanout(alert_page)


def test_resuming_a_sending_needs_the_change_permission_and_changes_nothing(client, make_user, alert_page):
    fanout = queued_fanout(alert_page)
    fanouts.stop_fanout(fanout)
    before = fanout_row(fanout)
    assert before["status"] == AlertFanout.Status.STOPPED
    client.force_login(staff_user(permissions=["destinations.view_alertfanout"], admin_language="zh-hans"))

    assert refused(client.post(reverse("destinations_fanouts:resume", args=[fanout.pk])))
    assert fanout_row(fanout) == before
    assert not Message.objects.exists()


@pytest.mark.parametrize(
    "name", ["destinations_fanouts:stop", "destinations_fanouts:resume", "destinations_fanouts:detail"]
)
def test_a_missing_sending_is_404_and_no_other_sending_changes(client, make_user, alert_page, name):
    fanout = queued_fanout(alert_page)
    before = fanout_row(fanout)
    client.force_login(
        staff_user(
            permissions=["destinations.view_alertfanout", "destinations.change_alertfanout"],
            admin_language="zh-hans",
        )
    )
    method = client.get if name == "destinations_fanouts:detail" else client.post

    assert method(reverse(name, args=[fanout.pk + 1000]), follow=True).status_code == 404
    assert fanout_row(fanout) == before


def test_someone_without_the_view_permission_cannot_stop_or_resume_a_sending(client, make_user, alert_page):
    fanout = queued_fanout(alert_page)
    before = fanout_row(fanout)
    client.force_login(staff_user(admin_language="zh-hans"))

    assert refused(client.post(reverse("destinations_fanouts:stop", args=[fanout.pk])))
    assert refused(client.post(reverse("destinations_fanouts:resume", args=[fanout.pk])))
    assert fanout_row(fanout) == before
