"""Trip readiness (issue 16, item 6): a learner enters a trip on "My learning" (destination as an ISO
code, departure and return as Beijing dates); the page warns of a certificate that expires before the
trip ends and of a destination at "travel with caution" or higher, recommends the courses marked for
such trips, and offers the destination's safety alerts by email for the trip only."""

import datetime
from types import SimpleNamespace
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from destinations.levels import RiskLevel
from destinations.models import FollowedDestination
from destinations.subscriptions import follow_for_trip
from tests.accounts.factories import UserFactory
from tests.destinations.factories import AlertSubscriptionFactory, DestinationFactory
from tests.training import factories as f
from training.certificates import issue_certificate
from training.completion import beijing_today
from training.models import Completion, Trip
from training.trips import ALERTS_AFTER_RETURN

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"training:{name}", kwargs=kwargs)


def today():
    return beijing_today()


def trip_data(code="FR", departs=10, returns=20):
    return {
        "destination": code,
        "departs_on": (today() + departs * DAY).isoformat(),
        "returns_on": (today() + returns * DAY).isoformat(),
    }


def make_trip(user, code="FR", departs=10, returns=20):
    return Trip.objects.create(
        user=user, destination=code, departs_on=today() + departs * DAY, returns_on=today() + returns * DAY
    )


def completed(user, course, valid_until=None):
    completion = Completion.objects.create(
        user=user,
        course_key=course.translation_key,
        course_page=course,
        course_title=course.title,
        language="zh-hans",
        completed_at=timezone.now() - 3 * DAY,
        valid_until=valid_until,
        score=2,
        max_score=2,
        percent=100,
    )
    with mock.patch("training.certificates.render_certificate_later"):
        issue_certificate(completion)
    return completion


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def france(db):
    return DestinationFactory(country="FR", risk_level=RiskLevel.PAY_ATTENTION)


@pytest.fixture
def risky(db):
    return DestinationFactory(country="ML", region="africa", risk_level=RiskLevel.TRAVEL_WITH_CAUTION)


# Entering a trip --------------------------------------------------------------------------------


def test_a_trip_is_added_from_my_learning_and_shown_there(signed_in, learner, france):
    html = signed_in.get(url("my_learning")).content.decode()
    assert url("trips") in html and "csrfmiddlewaretoken" in html
    response = signed_in.post(url("trips"), trip_data())
    assert response.status_code == 302 and response["Location"] == url("my_learning")
    trip = Trip.objects.get(user=learner)
    assert (str(trip.destination), trip.returns_on) == ("FR", today() + 20 * DAY)
    html = signed_in.get(url("my_learning")).content.decode()
    assert "France" in html and "Your trip was added." in html


def test_messages_are_in_the_users_language(signed_in, france):
    signed_in.post(url("trips", "zh-hans"), trip_data())
    html = signed_in.get(url("my_learning", "zh-hans")).content.decode()
    assert "您的行程已添加。" in html and "法国" in html


def test_taiwan_is_named_as_chinas_consular_service_names_it(signed_in, learner):
    signed_in.post(url("trips"), trip_data("TW"))
    assert "Taiwan, China" in signed_in.get(url("my_learning")).content.decode()


def test_the_same_trip_sent_twice_is_one_trip(signed_in, learner):
    signed_in.post(url("trips"), trip_data())
    signed_in.post(url("trips"), trip_data())
    assert Trip.objects.filter(user=learner).count() == 1


@pytest.mark.parametrize(
    "data, field",
    [
        ({"destination": "XX"}, "destination"),
        ({"destination": "FR", "departs_on": "yesterday"}, "departs_on"),
    ],
    ids=["unknown-code", "not-a-date"],
)
def test_bad_input_is_refused(signed_in, learner, data, field):
    full = {**trip_data(), **data}
    response = signed_in.post(url("trips"), full)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Trip.objects.exists()


@pytest.mark.parametrize(
    "departs, returns, field, message",
    [
        (10, 5, "returns_on", "The return date cannot be before the departure date."),
        (-1, 5, "departs_on", "The departure date cannot be in the past (Beijing date)."),
        (800, 810, "departs_on", "Enter a departure date within the next two years."),
        (10, 800, "returns_on", "Enter a return date within the next two years."),
    ],
    ids=["return-before-departure", "departure-in-the-past", "too-far-ahead", "return-too-far"],
)
def test_dates_are_checked(signed_in, departs, returns, field, message):
    response = signed_in.post(url("trips"), trip_data(departs=departs, returns=returns))
    assert response.status_code == 400
    assert message in response.context["form"].errors[field]
    assert message in response.content.decode()
    assert not Trip.objects.exists()


def test_the_past_is_judged_by_the_beijing_date(signed_in):
    # 23:30 UTC on 1 March is 07:30 on 2 March in Beijing: 1 March is yesterday there.
    at = datetime.datetime(2030, 3, 1, 23, 30, tzinfo=datetime.UTC)
    with mock.patch("training.completion.timezone", SimpleNamespace(now=lambda: at)):
        response = signed_in.post(
            url("trips"), {"destination": "FR", "departs_on": "2030-03-01", "returns_on": "2030-03-09"}
        )
        assert response.status_code == 400
        ok = signed_in.post(
            url("trips"), {"destination": "FR", "departs_on": "2030-03-02", "returns_on": "2030-03-09"}
        )
        assert ok.status_code == 302


def test_the_forms_are_post_only_with_csrf(client, learner, france):
    trip = make_trip(learner)
    csrf_client = client.__class__(enforce_csrf_checks=True)
    csrf_client.force_login(learner)
    assert csrf_client.post(url("trips"), trip_data(departs=3)).status_code == 403
    assert csrf_client.post(url("trip_delete", trip_id=trip.pk)).status_code == 403
    assert csrf_client.post(url("trip_alerts", trip_id=trip.pk)).status_code == 403
    client.force_login(learner)
    assert client.get(url("trip_delete", trip_id=trip.pk)).status_code == 405
    assert client.get(url("trip_alerts", trip_id=trip.pk)).status_code == 405
    assert Trip.objects.count() == 1 and not FollowedDestination.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.post(url("trips"), trip_data())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Trip.objects.exists()


def test_a_trip_is_changed_and_deleted(signed_in, learner):
    trip = make_trip(learner)
    page = signed_in.get(url("trip_edit", trip_id=trip.pk))
    assert page.status_code == 200 and "Delete this trip" in page.content.decode()
    response = signed_in.post(url("trip_edit", trip_id=trip.pk), trip_data("JP", 12, 30))
    assert response.status_code == 302
    trip.refresh_from_db()
    assert (str(trip.destination), trip.returns_on) == ("JP", today() + 30 * DAY)
    signed_in.post(url("trip_delete", trip_id=trip.pk))
    assert not Trip.objects.exists()


def test_a_trip_changed_into_one_already_entered_leaves_one(signed_in, learner):
    kept = make_trip(learner, "JP", 12, 30)
    trip = make_trip(learner)
    assert signed_in.post(url("trip_edit", trip_id=trip.pk), trip_data("JP", 12, 30)).status_code == 302
    assert list(Trip.objects.filter(user=learner)) == [kept]


def test_the_trip_page_shows_the_form(signed_in):
    html = signed_in.get(url("trips")).content.decode()
    assert 'name="departs_on"' in html and 'name="returns_on"' in html and 'name="destination"' in html


def test_a_trip_under_way_keeps_its_departure_when_changed(signed_in, learner):
    trip = make_trip(learner, departs=-3, returns=5)
    data = {**trip_data(returns=9), "departs_on": trip.departs_on.isoformat()}
    assert signed_in.post(url("trip_edit", trip_id=trip.pk), data).status_code == 302
    trip.refresh_from_db()
    assert trip.returns_on == today() + 9 * DAY


def test_someone_elses_trip_is_a_404_and_nothing_changes(signed_in, learner, france):
    theirs = make_trip(UserFactory(), departs=10, returns=20)
    assert signed_in.get(url("trip_edit", trip_id=theirs.pk)).status_code == 404
    assert signed_in.post(url("trip_edit", trip_id=theirs.pk), trip_data("JP")).status_code == 404
    assert signed_in.post(url("trip_delete", trip_id=theirs.pk)).status_code == 404
    assert signed_in.post(url("trip_alerts", trip_id=theirs.pk)).status_code == 404
    theirs.refresh_from_db()
    assert str(theirs.destination) == "FR"
    assert not FollowedDestination.objects.exists() and mail.outbox == []
    response = signed_in.get(url("my_learning"))
    assert response.context["readiness"].trips == []
    assert url("trip_edit", trip_id=theirs.pk) not in response.content.decode()


# Warnings ------------------------------------------------------------------------------------------


def test_a_certificate_expiring_before_the_trip_ends_is_warned_of(signed_in, learner, index, quiz, france):
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1, title="外派人员安全课")
    completed(learner, course, valid_until=today() + 15 * DAY)
    make_trip(learner, departs=10, returns=20)
    html = signed_in.get(url("my_learning")).content.decode()
    assert "Your certificate for “外派人员安全课” is valid until" in html


def test_a_certificate_valid_past_the_trip_is_not_warned_of(signed_in, learner, index, quiz, france):
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1, title="外派人员安全课")
    completed(learner, course, valid_until=today() + 25 * DAY)
    other = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1)
    completed(learner, other)  # no expiry
    make_trip(learner, departs=10, returns=20)
    assert "is valid until" not in signed_in.get(url("my_learning")).content.decode()


def test_a_risky_destination_is_warned_of_and_the_marked_courses_recommended(
    signed_in, learner, index, quiz, risky
):
    marked = f.CoursePageFactory(parent=index, final_quiz=quiz, title="高风险地区安全课")
    marked.recommended_for_risky_trips = True
    marked.save_revision().publish()
    f.CoursePageFactory(parent=index, final_quiz=quiz, title="普通课程")
    make_trip(learner, "ML")
    html = signed_in.get(url("my_learning")).content.decode()
    assert "“Travel with caution”" in html
    assert "高风险地区安全课" in html and marked.url in html
    assert "普通课程" not in html


def test_a_destination_below_caution_recommends_nothing(signed_in, learner, index, quiz, france):
    marked = f.CoursePageFactory(parent=index, final_quiz=quiz, title="高风险地区安全课")
    marked.recommended_for_risky_trips = True
    marked.save_revision().publish()
    make_trip(learner, "FR")
    html = signed_in.get(url("my_learning")).content.decode()
    assert "高风险地区安全课" not in html and "Travel with caution" not in html


def test_a_past_trip_is_not_shown(signed_in, learner, risky):
    make_trip(learner, "ML", departs=-20, returns=-2)
    response = signed_in.get(url("my_learning"))
    assert response.context["readiness"].trips == []
    assert "Travel with caution" not in response.content.decode()


# Safety alerts for the trip --------------------------------------------------------------------


def confirm_email(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


def test_a_confirmed_account_follows_until_a_week_after_return_without_an_email(signed_in, learner, france):
    confirm_email(learner)
    trip = make_trip(learner)
    assert "Email me safety alerts for this trip" in signed_in.get(url("my_learning")).content.decode()
    signed_in.post(url("trip_alerts", trip_id=trip.pk))
    row = FollowedDestination.objects.get(subscription__email=learner.email)
    assert row.ends_on == trip.returns_on + ALERTS_AFTER_RETURN == trip.returns_on + 7 * DAY
    assert row.subscription.is_active
    assert mail.outbox == []
    html = signed_in.get(url("my_learning")).content.decode()
    assert "You get this destination's safety alerts by email until" in html
    assert "Email me safety alerts for this trip" not in html


def test_an_unconfirmed_account_gets_the_confirmation_email(signed_in, learner, france, run_on_commit):
    trip = make_trip(learner)
    with run_on_commit():
        response = signed_in.post(url("trip_alerts", trip_id=trip.pk))
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [learner.email]
    assert not FollowedDestination.objects.filter(subscription__email=learner.email).exists()


def test_a_destination_followed_for_good_stays_for_good(signed_in, learner, france):
    confirm_email(learner)
    AlertSubscriptionFactory(email=learner.email, destinations=[france])
    trip = make_trip(learner)
    html = signed_in.get(url("my_learning")).content.decode()
    assert "You get this destination's safety alerts by email." in html
    assert "Email me safety alerts for this trip" not in html
    signed_in.post(url("trip_alerts", trip_id=trip.pk))
    assert FollowedDestination.objects.get(subscription__email=learner.email).ends_on is None


def test_a_later_trip_is_offered_the_longer_alerts(signed_in, learner, france):
    follow_for_trip(learner.email, "FR", today() + 5 * DAY, language="en", confirmed=True)
    make_trip(learner, departs=10, returns=20)
    assert "Email me safety alerts for this trip" in signed_in.get(url("my_learning")).content.decode()


def test_no_offer_for_a_destination_without_alerts(signed_in, learner):
    make_trip(learner, "IS")
    assert "Email me safety alerts for this trip" not in signed_in.get(url("my_learning")).content.decode()


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


# Queries ----------------------------------------------------------------------------------------


def test_queries_do_not_grow_with_trips(signed_in, learner, index, quiz, django_assert_max_num_queries):
    """Every part at work: risky trips, a certificate, recommended courses, alerts followed."""
    marked = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1, title="高风险地区安全课")
    marked.recommended_for_risky_trips = True
    marked.save_revision().publish()
    completed(learner, f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1), today() + 5 * DAY)
    codes = ["ML", "FR", "JP", "DE", "IT", "ES", "TH", "EG", "BR", "KE"]
    for code in codes:
        DestinationFactory(country=code, risk_level=RiskLevel.DO_NOT_TRAVEL if code == "ML" else 1)
    follow_for_trip(learner.email, "FR", today() + 60 * DAY, language="en", confirmed=True)
    counts = []
    for size in (1, 10):
        for number, code in enumerate(codes[:size]):
            Trip.objects.get_or_create(
                user=learner,
                destination=code,
                departs_on=today() + (number + 1) * DAY,
                returns_on=today() + 30 * DAY,
            )
        signed_in.get(url("my_learning"))  # warm the site caches
        with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as queries:
            response = signed_in.get(url("my_learning"))
        assert response.status_code == 200
        assert len(response.context["readiness"].trips) == size
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    print(f"My learning: {counts[0]} queries with 1 and with 10 trips")
