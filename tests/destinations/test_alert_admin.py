"""Staff screens about alert emails: preview, test email, sendings with a stop button, counts and CSV."""

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from destinations import fanout as fanouts
from destinations.models import AlertDelivery, AlertFanout
from outbox.models import Message
from tests.accounts.factories import staff_user
from tests.destinations import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def france(db):
    return factories.DestinationFactory(country="FR")


@pytest.fixture
def alert_page(home_zh, france):
    return factories.SafetyAlertPageFactory(
        parent=factories.AlertIndexPageFactory(parent=home_zh), destinations=[france], title="巴黎治安提醒"
    )


@pytest.fixture
def superuser(make_user):
    return make_user(is_staff=True, is_superuser=True, email="chief@example.org")


def refused(response):
    """Wagtail answers PermissionDenied in its admin with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def queued_fanout(alert_page, count=3):
    for number in range(count):
        factories.AlertSubscriptionFactory(
            email=f"person{number}@example.org", destinations=list(alert_page.destinations.all())
        )
    fanout = fanouts.start_alert_fanout(alert_page)
    return fanout


def test_the_preview_shows_the_email_and_how_many_people_will_get_it(client, superuser, alert_page, france):
    factories.AlertSubscriptionFactory(email="a@example.org", destinations=[france])
    factories.AlertSubscriptionFactory(email="b@example.org", language="en")
    factories.AlertSubscriptionFactory(email="c@example.org", destinations=[france], confirmed=False)
    client.force_login(superuser)

    response = client.get(reverse("destinations_alert_email_preview", args=[alert_page.pk]))

    assert response.status_code == 200
    assert response.context["recipients"] == 2
    assert "巴黎治安提醒" in response.context["subject"]
    assert "巴黎治安提醒" in response.content.decode()


def test_the_preview_works_for_a_draft(client, superuser, alert_page):
    alert_page.title = "草稿标题"
    alert_page.save_revision()
    client.force_login(superuser)

    response = client.get(reverse("destinations_alert_email_preview", args=[alert_page.pk]) + "?language=en")

    assert response.status_code == 200
    assert "草稿标题" in response.context["subject"]


def test_a_test_email_goes_to_the_member_of_staff_only(client, superuser, alert_page, france, run_on_commit):
    factories.AlertSubscriptionFactory(email="a@example.org", destinations=[france])
    client.force_login(superuser)

    with run_on_commit():
        response = client.post(
            reverse("destinations_alert_email_preview", args=[alert_page.pk]), {"language": "zh-hans"}
        )

    assert response.status_code == 302
    [email] = mail.outbox
    assert email.to == ["chief@example.org"]
    assert "巴黎治安提醒" in email.subject
    assert AlertDelivery.objects.count() == 0


def test_people_who_cannot_edit_the_alert_cannot_preview_it(client, make_user, alert_page):
    client.force_login(staff_user(permissions=["destinations.view_alertfanout"], admin_language="zh-hans"))

    response = client.get(reverse("destinations_alert_email_preview", args=[alert_page.pk]))

    assert refused(response)


def test_the_alert_editor_offers_the_email_preview(client, superuser, alert_page):
    client.force_login(superuser)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[alert_page.pk]))

    assert reverse("destinations_alert_email_preview", args=[alert_page.pk]) in response.content.decode()


def test_the_stop_button_stops_a_sending(client, make_user, alert_page):
    fanout = queued_fanout(alert_page)
    client.force_login(
        staff_user(
            permissions=["destinations.view_alertfanout", "destinations.change_alertfanout"],
            admin_language="zh-hans",
        )
    )

    page = client.get(reverse("destinations_fanouts:detail", args=[fanout.pk]))
    assert reverse("destinations_fanouts:stop", args=[fanout.pk]) in page.content.decode()
    response = client.post(reverse("destinations_fanouts:stop", args=[fanout.pk]))

    assert response.status_code == 302
    fanout.refresh_from_db()
    assert fanout.status == AlertFanout.Status.STOPPED
    assert fanouts.run_fanout(fanout.pk) == AlertFanout.Status.STOPPED
    assert Message.objects.count() == 0


def test_stopping_needs_the_change_permission_and_a_post(client, make_user, alert_page):
    fanout = queued_fanout(alert_page)
    client.force_login(staff_user(permissions=["destinations.view_alertfanout"], admin_language="zh-hans"))

    page = client.get(reverse("destinations_fanouts:detail", args=[fanout.pk]))
    assert page.status_code == 200
    assert reverse("destinations_fanouts:stop", args=[fanout.pk]) not in page.content.decode()
    assert refused(client.post(reverse("destinations_fanouts:stop", args=[fanout.pk])))

    client.force_login(staff_user(permissions=["destinations.change_alertfanout"], admin_language="zh-hans"))
    assert client.get(reverse("destinations_fanouts:stop", args=[fanout.pk])).status_code == 405
    fanout.refresh_from_db()
    assert fanout.status == AlertFanout.Status.QUEUED


def test_sendings_need_the_view_permission(client, make_user, alert_page):
    fanout = queued_fanout(alert_page)
    client.force_login(staff_user(admin_language="zh-hans"))

    assert refused(client.get(reverse("destinations_fanouts:index")))
    assert refused(client.get(reverse("destinations_fanouts:detail", args=[fanout.pk])))


def test_the_report_counts_confirmed_subscribers_per_destination(client, make_user, france):
    japan = factories.DestinationFactory(country="JP", region="asia")
    factories.AlertSubscriptionFactory(email="a@example.org", destinations=[france, japan])
    factories.AlertSubscriptionFactory(email="b@example.org", destinations=[france])
    factories.AlertSubscriptionFactory(email="c@example.org", destinations=[france], confirmed=False)
    factories.AlertSubscriptionFactory(email="d@example.org")
    client.force_login(
        staff_user(permissions=["destinations.view_alertsubscription"], admin_language="zh-hans")
    )

    response = client.get(reverse("destinations_subscribers:index"))

    assert response.status_code == 200
    counts = {row["code"]: row["subscribers"] for row in response.context["rows"]}
    assert counts["FR"] == 2
    assert counts["JP"] == 1
    assert response.context["totals"]["all_destinations"] == 1
    assert "a@example.org" not in response.content.decode()


def test_the_report_needs_the_view_permission(client, make_user):
    client.force_login(staff_user(permissions=["destinations.view_alertfanout"], admin_language="zh-hans"))

    assert refused(client.get(reverse("destinations_subscribers:index")))


def test_the_csv_exports_have_counts_and_no_addresses(client, make_user, alert_page, france, run_on_commit):
    factories.AlertSubscriptionFactory(email="secret.person@example.org", destinations=[france])
    with run_on_commit():
        fanouts.start_alert_fanout(alert_page)
    AlertFanout.objects.update(title="=HYPERLINK(evil)")
    client.force_login(
        staff_user(
            permissions=["destinations.view_alertsubscription", "destinations.view_alertfanout"],
            admin_language="zh-hans",
        )
    )

    subscribers = csv_export(client, reverse("destinations_subscribers:index"))
    sendings = csv_export(client, reverse("destinations_fanouts:index"))

    [france_row] = [row for row in subscribers if row[:1] == ["FR"]]
    assert france_row[2] == "1"
    [alert_row] = [row for row in sendings if row[:1] == ["'=HYPERLINK(evil)"]]
    assert alert_row[3] == "1"
    assert not any(cell.startswith("=") for row in subscribers + sendings for cell in row)


def csv_export(client, url):
    response = client.get(url + "?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert body.startswith("\ufeff")
    assert "@example.org" not in body
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))


@pytest.mark.parametrize("list_name", ["destinations_fanouts", "destinations_subscribers"])
def test_the_lists_results_and_exports_need_their_view_permission(client, make_user, list_name):
    client.force_login(staff_user(permissions=["destinations.change_alertfanout"], admin_language="zh-hans"))

    assert refused(client.get(reverse(f"{list_name}:index_results")))
    assert refused(client.get(reverse(f"{list_name}:index") + "?export=xlsx"))


def test_sendings_can_be_filtered_by_status_and_searched_by_title(client, make_user, alert_page):
    fanout = queued_fanout(alert_page)
    client.force_login(staff_user(permissions=["destinations.view_alertfanout"], admin_language="zh-hans"))
    url = reverse("destinations_fanouts:index")

    assert fanout.title in client.get(url, {"status": "queued", "q": "巴黎"}).content.decode()
    assert fanout.title not in client.get(url, {"status": "stopped"}).content.decode()
    assert fanout.title not in client.get(url, {"q": "东京"}).content.decode()


def test_the_report_lists_destinations_by_name_in_the_readers_language(client, make_user, france):
    factories.DestinationFactory(country="JP", region="asia")
    factories.DestinationFactory(country="DE")
    officer = staff_user(permissions=["destinations.view_alertsubscription"], admin_language="zh-hans")
    client.force_login(officer)
    url = reverse("destinations_subscribers:index")

    chinese = [row["code"] for row in client.get(url).context["rows"]]
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "en"
    profile.save()
    english = [row["code"] for row in client.get(url).context["rows"]]

    assert chinese == ["DE", "FR", "JP"]  # deguo, faguo, riben
    assert english == ["FR", "DE", "JP"]
