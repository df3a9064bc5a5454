"""Staff cancel one person's registration from the event's registration list: a reason is required,
the person is emailed it in their language, the next person waiting gets the place, and who did it
and when is kept and shown (on the list and in the export)."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from events import registration as registrations
from events.models import Registration
from outbox.models import Message
from tests.accounts.factories import staff_user
from tests.concurrency import CONCURRENT, at_once
from tests.emails import send_queued
from tests.events import factories
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

REASON = "报名信息不实，名额让给其他同学。"


@pytest.fixture
def officer(db):
    return staff_user(group="Officers", name="王芳")


@pytest.fixture
def staff_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def event(home_zh):
    index = factories.EventIndexPageFactory(parent=home_zh)
    return factories.event_of(factories.EventPageFactory(parent=index, capacity=2, title="应急技能讲座"))


def register(event, email, language="zh-hans"):
    return registrations.register(
        event, name=email.split("@")[0], email=email, language=language
    ).registration


@pytest.fixture
def full(event):
    """a and b confirmed (b registered in English), w1 and w2 waiting."""
    return [
        register(event, "a@example.org"),
        register(event, "b@example.org", language="en"),
        register(event, "w1@example.org"),
        register(event, "w2@example.org"),
    ]


def cancel_url(registration, event=None):
    event_id = (event or registration.event).pk
    return reverse("events_cancel_registration", args=[event_id, registration.pk])


def post_cancel(client, registration, reason=REASON, event=None, **kwargs):
    return client.post(cancel_url(registration, event), {"reason": reason}, **kwargs)


def fresh(registration):
    return Registration.objects.get(pk=registration.pk)


def cancellation_emails(email):
    """The cancellation emails to `email`, written and sent as the worker sends them."""
    send_queued()
    return Message.objects.filter(recipient=email, dedupe_key__startswith="events:cancelled:")


def refused(response):
    """Wagtail answers PermissionDenied in its admin with a redirect to the dashboard (or a 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


# Who may


@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_without_the_permission_are_refused_and_nothing_changes(client, full, method):
    client.force_login(staff_user(group="Editors"))
    first = full[0]

    response = getattr(client, method)(cancel_url(first), {"reason": REASON} if method == "post" else None)

    assert refused(response)
    assert fresh(first).status == Registration.Status.CONFIRMED
    assert not cancellation_emails(first.email).exists()


def test_anonymous_visitors_are_sent_to_the_login(client, full):
    response = post_cancel(client, full[0])

    assert response.status_code == 302 and "login" in response["Location"]
    assert fresh(full[0]).status == Registration.Status.CONFIRMED


def test_the_permission_alone_is_enough(client, full):
    client.force_login(staff_user(permissions=["events.manage_registrations"]))

    response = post_cancel(client, full[0])

    assert response.status_code == 302
    assert fresh(full[0]).status == Registration.Status.CANCELLED


# The confirmation step


def test_the_row_offers_cancelling_a_standing_registration_only(staff_client, full):
    registrations.cancel(full[3])

    html = staff_client.get(reverse("events_registrations", args=[full[0].event_id])).content.decode()

    for standing in full[:3]:
        assert cancel_url(standing) in html
    assert cancel_url(full[3]) not in html


def test_get_asks_first_and_changes_nothing(staff_client, full):
    response = staff_client.get(cancel_url(full[0]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "a@example.org" in html and 'name="reason"' in html and "csrfmiddlewaretoken" in html
    assert fresh(full[0]).status == Registration.Status.CONFIRMED
    assert not cancellation_emails("a@example.org").exists()


def test_a_post_without_the_csrf_token_is_refused(client, officer, full):
    client.handler.enforce_csrf_checks = True
    client.force_login(officer)

    response = post_cancel(client, full[0])

    assert response.status_code == 403
    assert fresh(full[0]).status == Registration.Status.CONFIRMED


# The reason


@pytest.mark.parametrize("reason", ["", "   \n  "])
def test_a_reason_is_required_and_nothing_changes_without_one(staff_client, full, reason):
    response = post_cancel(staff_client, full[0], reason=reason)

    assert response.status_code == 400
    assert "Give the reason: the person reads it in the email." in response.content.decode()
    assert fresh(full[0]).status == Registration.Status.CONFIRMED
    assert not Message.objects.filter(dedupe_key__startswith="events:cancelled:").exists()
    assert not Message.objects.filter(dedupe_key__startswith="events:promoted:").exists()


def test_a_reason_too_long_is_refused_and_nothing_changes(staff_client, full):
    response = post_cancel(staff_client, full[0], reason="很" * 501)

    assert response.status_code == 400
    assert "Keep the reason to 500 characters or fewer (it has 501)." in response.content.decode()
    assert fresh(full[0]).status == Registration.Status.CONFIRMED
    assert not cancellation_emails("a@example.org").exists()


def test_the_refusals_are_in_chinese_for_a_chinese_officer(client, full):
    client.force_login(staff_user(group="Officers", admin_language="zh-hans"))

    missing = post_cancel(client, full[0], reason="").content.decode()
    too_long = post_cancel(client, full[0], reason="很" * 501).content.decode()

    assert "请填写取消的原因" in missing
    assert "原因最多 500 个字" in too_long
    assert fresh(full[0]).status == Registration.Status.CONFIRMED


def test_a_reason_of_exactly_the_limit_is_kept(staff_client, full):
    post_cancel(staff_client, full[0], reason="很" * 500)

    assert fresh(full[0]).cancellation_reason == "很" * 500


# Cancelling


def test_cancelling_keeps_who_when_and_why(staff_client, officer, full):
    before = timezone.now()

    response = post_cancel(staff_client, full[0], reason=f"  {REASON}\n")

    assert response.status_code == 302
    assert response["Location"] == reverse("events_registrations", args=[full[0].event_id])
    cancelled = fresh(full[0])
    assert cancelled.status == Registration.Status.CANCELLED
    assert cancelled.cancelled_by == officer
    assert cancelled.cancelled_at >= before
    assert cancelled.cancellation_reason == REASON


def test_the_person_is_emailed_the_reason_in_chinese(staff_client, full):
    post_cancel(staff_client, full[0])

    message = cancellation_emails("a@example.org").get()
    assert message.language == "zh-hans"
    assert REASON in message.body_text and REASON in message.body_html
    assert "您" in message.body_text
    assert "Dear" not in message.body_text
    assert [attachment["filename"] for attachment in message.attachments] == ["event.ics"]


def test_the_person_is_emailed_the_reason_in_english_when_they_registered_in_english(staff_client, full):
    post_cancel(staff_client, full[1], reason="Registered twice under two addresses.")

    message = cancellation_emails("b@example.org").get()
    assert message.language == "en"
    assert "The office has cancelled your registration for this event." in message.body_text
    assert "Registered twice under two addresses." in message.body_text
    assert "Registered twice under two addresses." in message.body_html


def test_the_reason_is_escaped_in_the_html_email(staff_client, full):
    post_cancel(staff_client, full[0], reason='<a href="http://x">点我</a>')

    message = cancellation_emails("a@example.org").get()
    assert '<a href="http://x">' not in message.body_html
    assert "&lt;a href=" in message.body_html
    assert '<a href="http://x">点我</a>' in message.body_text  # plain text stays as written


def test_the_first_person_waiting_gets_the_place_and_is_told(staff_client, full):
    response = post_cancel(staff_client, full[0], follow=True)

    assert fresh(full[2]).status == Registration.Status.CONFIRMED
    assert fresh(full[2]).promoted_at is not None
    assert fresh(full[3]).status == Registration.Status.WAITLISTED
    assert Message.objects.filter(
        recipient="w1@example.org", dedupe_key__startswith="events:promoted:"
    ).exists()
    assert "w1 gets the place from the waitlist" in response.content.decode()


def test_cancelling_someone_waiting_promotes_no_one(staff_client, full):
    post_cancel(staff_client, full[2])

    assert fresh(full[2]).status == Registration.Status.CANCELLED
    assert fresh(full[3]).status == Registration.Status.WAITLISTED
    assert not Message.objects.filter(dedupe_key__startswith="events:promoted:").exists()
    message = cancellation_emails("w1@example.org").get()
    assert REASON in message.body_text and message.attachments == []


def test_the_list_shows_who_cancelled_when_and_why(staff_client, full):
    post_cancel(staff_client, full[0])
    moment = timezone.make_aware(timezone.datetime(2026, 5, 6, 6, 30), datetime.UTC)
    Registration.objects.filter(pk=full[0].pk).update(cancelled_at=moment)

    html = staff_client.get(reverse("events_registrations", args=[full[0].event_id])).content.decode()

    assert "王芳, 2026-05-06 14:30" in html  # Beijing time
    assert REASON in html
    assert "All times are Beijing time (UTC+8)." in html


def test_the_list_says_when_people_cancelled_themselves(staff_client, full):
    registrations.cancel(full[0])

    html = staff_client.get(reverse("events_registrations", args=[full[0].event_id])).content.decode()

    assert "the person themselves, " in html


def test_the_export_has_who_when_and_why(staff_client, full):
    post_cancel(staff_client, full[0])
    moment = timezone.make_aware(timezone.datetime(2026, 5, 6, 6, 30), datetime.UTC)
    Registration.objects.filter(pk=full[0].pk).update(cancelled_at=moment)

    response = staff_client.get(reverse("events_registrations_csv", args=[full[0].event_id]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))

    assert rows[0][-3:] == ["Cancelled", "Cancelled by", "Reason for cancelling"]
    assert rows[1][-3:] == ["2026-05-06 14:30", "王芳", REASON]
    assert rows[2][-3:] == ["", "", ""]


# Refusals


def not_found(response):
    """The admin's 404 (Django's LocaleMiddleware first sends an unknown address to its language's
    copy, which is not found either)."""
    return response.status_code == 404


def test_a_registration_of_another_event_is_not_found(staff_client, full):
    other = RegistrationFactory(event=EventFactory(title="另一场活动"))

    assert not_found(staff_client.get(cancel_url(other, event=full[0].event), follow=True))
    assert not_found(post_cancel(staff_client, other, event=full[0].event, follow=True))
    assert not_found(post_cancel(staff_client, full[0], event=other.event, follow=True))
    assert fresh(other).status == Registration.Status.CONFIRMED
    assert fresh(full[0]).status == Registration.Status.CONFIRMED
    assert not Message.objects.filter(dedupe_key__startswith="events:cancelled:").exists()


def test_an_unknown_registration_is_not_found(staff_client, full):
    url = reverse("events_cancel_registration", args=[full[0].event_id, 999999])

    assert not_found(staff_client.post(url, {"reason": REASON}, follow=True))


def test_an_already_cancelled_registration_changes_nothing(staff_client, officer, full):
    registrations.cancel(full[0])
    before = fresh(full[0])
    messages_before = Message.objects.count()

    page = staff_client.get(cancel_url(full[0]))
    response = post_cancel(staff_client, full[0], reason="再取消一次", follow=True)

    assert "already cancelled: nothing was changed" in page.content.decode()
    assert 'name="reason"' not in page.content.decode()
    assert "already cancelled: nothing was changed" in response.content.decode()
    after = fresh(full[0])
    assert (after.cancelled_at, after.cancelled_by, after.cancellation_reason) == (
        before.cancelled_at,
        None,
        "",
    )
    assert Message.objects.count() == messages_before


def test_a_double_click_cancels_once_emails_once_promotes_once(staff_client, full):
    post_cancel(staff_client, full[0])
    post_cancel(staff_client, full[0], reason="第二次")

    assert fresh(full[0]).cancellation_reason == REASON
    assert cancellation_emails("a@example.org").count() == 1
    assert Registration.objects.filter(promoted_at__isnull=False).count() == 1
    assert fresh(full[3]).status == Registration.Status.WAITLISTED


def test_the_domain_function_refuses_an_empty_reason(full, officer):
    with pytest.raises(ValueError):
        registrations.cancel_for_person(full[0], officer, "  ")

    assert fresh(full[0]).status == Registration.Status.CONFIRMED


def test_only_post_cancels(staff_client, full):
    response = staff_client.put(cancel_url(full[0]), data=f"reason={REASON}")

    assert response.status_code == 405
    assert fresh(full[0]).status == Registration.Status.CONFIRMED


# Two requests at once (PostgreSQL)


def concurrent(test):
    """Marked as tests/concurrency.py's modules are (this one's other tests run on either engine)."""
    for mark in reversed([*CONCURRENT, pytest.mark.engine]):
        test = mark(test)
    return test


@concurrent
def test_two_officers_at_once_cancel_once_email_once_promote_once(full, officer):
    second = staff_user(group="Officers", email="second@example.org")
    people = iter([officer, second, officer, second, officer, second])

    def cancel():
        return registrations.cancel_for_person(fresh(full[0]), next(people), REASON)

    results = at_once(cancel, 6)

    assert sum(result.cancelled for result in results) == 1
    assert [result.promoted.pk for result in results if result.promoted] == [full[2].pk]
    assert cancellation_emails("a@example.org").count() == 1
    assert Message.objects.filter(dedupe_key__startswith="events:promoted:").count() == 1
    assert Registration.objects.filter(event=full[0].event, status="confirmed").count() == 2
    assert fresh(full[3]).status == Registration.Status.WAITLISTED
