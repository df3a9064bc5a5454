"""The registration form of an event page: the same "check your email" page whatever the outcome,
closed registration, invitation-only events, bad input, rate limits, bounded queries."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Invitation, Registration
from outbox.models import Message
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    RegistrationFactory,
    event_of,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_zh):
    return EventIndexPageFactory(parent=home_zh)


@pytest.fixture
def page(index):
    return EventPageFactory(parent=index, capacity=10, title="海外安全讲座")


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


REGISTER_QUERIES = 17


def form_url(page):
    return page.url + "register/"


def sent_url(language="zh-hans"):
    with translation.override(language):
        return reverse("events:registration_sent")


def fill(name="李雷", email="lilei@example.org", phone="", organisation=""):
    return {"name": name, "email": email, "phone": phone, "organisation": organisation}


def post(client, page, address="10.0.0.1", **fields):
    return client.post(form_url(page), fill(**fields), REMOTE_ADDR=address)


def live(page):
    return Registration.objects.filter(event=event_of(page)).exclude(status=Registration.Status.CANCELLED)


def dedupe_keys_to(email):
    return list(Message.objects.filter(recipient__iexact=email).values_list("dedupe_key", flat=True))


# The form


def test_the_form_page_shows_the_form_with_places_left(client, page):
    response = client.get(form_url(page))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="email"' in html
    assert 'name="name"' in html
    assert "海外安全讲座" in html
    # A form carries a CSRF token: never kept by a browser or a proxy (the page cache's rule).
    assert response["Cache-Control"] == "private, no-store"


def test_a_signed_in_persons_name_and_email_are_prefilled(client, page, make_user):
    user = make_user(email="hanmeimei@example.org", name="韩梅梅")
    client.force_login(user)

    form = client.get(form_url(page)).context["form"]

    assert form.initial == {"name": "韩梅梅", "email": "hanmeimei@example.org"}


def test_a_signed_in_persons_registration_is_linked_to_their_account(client, page, make_user, run_on_commit):
    user = make_user(email="hanmeimei@example.org")
    client.force_login(user)

    with run_on_commit():
        post(client, page, email="hanmeimei@example.org")

    assert live(page).get().user == user


def test_the_form_page_renders_in_bounded_queries(client, page, django_assert_max_num_queries):
    for _number in range(20):
        RegistrationFactory(event=event_of(page))
    client.get(form_url(page))  # the site's menus are cached after the first visitor

    with django_assert_max_num_queries(15):
        response = client.get(form_url(page))

    assert response.status_code == 200


def test_the_form_pages_queries_do_not_grow_with_registrations(client, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(form_url(page))
    with CaptureQueriesContext(connection) as few:
        client.get(form_url(page))
    for _number in range(30):
        RegistrationFactory(event=event_of(page))
    with CaptureQueriesContext(connection) as many:
        client.get(form_url(page))

    assert len(many) == len(few)


def test_registering_costs_a_bounded_number_of_queries_and_renders_no_email(
    client, page, django_assert_max_num_queries
):
    client.get(form_url(page))
    for number in range(8):
        RegistrationFactory(event=event_of(page), email=f"someone{number}@example.org")

    # The page, its Event with its counts, then under the lock: the Event, this address's
    # registration, the counts, the INSERT of the registration and of its email (each in a savepoint
    # for its unique key), and the session that remembers what the next page says.
    with django_assert_max_num_queries(REGISTER_QUERIES):
        response = post(client, page)

    assert response.status_code == 302
    (message,) = Message.objects.filter(recipient="lilei@example.org")
    assert message.body_text == ""  # written by the worker when it sends it


# Outcomes: one page for all


def test_registering_confirms_and_redirects_to_the_check_your_email_page(client, page, run_on_commit):
    with run_on_commit():
        response = post(client, page)

    assert response.status_code == 302
    assert response["Location"] == sent_url()
    registration = live(page).get()
    assert registration.status == Registration.Status.CONFIRMED
    assert (registration.name, registration.email, registration.language) == (
        "李雷",
        "lilei@example.org",
        "zh-hans",
    )
    sent = client.get(response["Location"])
    assert "海外安全讲座" in sent.content.decode()


def test_the_english_page_registers_for_the_same_event_in_english(client, page, run_on_commit):
    english = translate(page, "en", title="Overseas safety lecture")

    with run_on_commit():
        response = post(client, english, email="amy@example.org")

    assert response["Location"] == sent_url("en")
    registration = Registration.objects.get(email="amy@example.org")
    assert registration.event == event_of(page)
    assert registration.language == "en"


def test_a_duplicate_email_in_other_letter_case_shows_the_same_page_and_gets_an_already_registered_email(
    client, page, run_on_commit
):
    with run_on_commit():
        first = post(client, page, email="lilei@example.org")
    first_page = client.get(first["Location"]).content

    with run_on_commit():
        second = post(client, page, email="LiLei@Example.ORG", address="10.0.0.2")

    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert client.get(second["Location"]).content == first_page
    assert live(page).count() == 1
    assert any(key.startswith("events:already-registered:") for key in dedupe_keys_to("lilei@example.org"))


def test_a_waitlisted_registration_shows_the_same_page_as_a_confirmed_one(client, index, run_on_commit):
    full = EventPageFactory(parent=index, capacity=1, title="满员讲座")
    with run_on_commit():
        first = post(client, full, email="first@example.org")
    first_page = client.get(first["Location"]).content

    with run_on_commit():
        second = post(client, full, email="second@example.org")

    assert Registration.objects.get(email="second@example.org").status == Registration.Status.WAITLISTED
    assert second["Location"] == first["Location"]
    assert client.get(second["Location"]).content == first_page


def test_a_double_submission_registers_once(client, page, run_on_commit):
    with run_on_commit():
        post(client, page)
        again = post(client, page)

    assert again.status_code == 302
    assert live(page).count() == 1


def test_someone_who_cancelled_can_register_again_through_the_form(client, page, run_on_commit):
    from events.registration import cancel

    with run_on_commit():
        post(client, page)
        cancel(live(page).get())
        response = post(client, page)

    assert response.status_code == 302
    registrations = Registration.objects.filter(event=event_of(page))
    assert sorted(registrations.values_list("status", flat=True)) == ["cancelled", "confirmed"]


# Closed registration


def test_registration_after_closing_shows_the_message_and_no_form(client, index):
    closed = EventPageFactory(
        parent=index, registration_closes_at=timezone.now() - datetime.timedelta(hours=1)
    )

    response = client.get(form_url(closed))

    assert response.status_code == 200
    assert response.context["form"] is None
    assert response.context["closed_reason"] == "closed"
    assert 'name="email"' not in response.content.decode()


def test_posting_after_closing_registers_nobody(client, index, run_on_commit):
    closed = EventPageFactory(
        parent=index, registration_closes_at=timezone.now() - datetime.timedelta(hours=1)
    )

    with run_on_commit():
        response = post(client, closed)

    assert response.status_code == 200
    assert response.context["closed_reason"] == "closed"
    assert not Registration.objects.exists()
    assert not Message.objects.exists()


def test_registration_not_open_yet_says_when_it_opens(client, index):
    opens = timezone.now() + datetime.timedelta(hours=5)
    later = EventPageFactory(
        parent=index, registration_opens_at=opens, starts_at=opens + datetime.timedelta(days=2)
    )

    with translation.override("en"):
        response = client.get(form_url(later))

    assert response.context["closed_reason"] == "not_open_yet"
    assert timezone.localtime(opens).strftime("%Y-%m-%d %H:%M") in response.content.decode()


def test_registration_for_an_event_that_has_started_is_closed(client, index):
    started = EventPageFactory(parent=index, starts_at=timezone.now() - datetime.timedelta(minutes=10))

    response = client.get(form_url(started))

    assert response.context["closed_reason"] == "started"


def test_registration_for_a_cancelled_event_is_closed(client, page):
    from events.registration import cancel_event

    cancel_event(event_of(page))

    response = client.get(form_url(page))

    assert response.context["closed_reason"] == "cancelled"


# Invitation-only events


@pytest.fixture
def private_page(index):
    return EventPageFactory(parent=index, is_private=True, title="走进示例企业")


def test_a_private_event_is_closed_to_the_uninvited(client, private_page, run_on_commit):
    assert client.get(form_url(private_page)).status_code == 404
    with run_on_commit():
        assert post(client, private_page).status_code == 404
    assert not Registration.objects.exists()


def test_a_private_event_opens_to_an_invitation_prefilled_with_the_invited_email(
    client, private_page, run_on_commit
):
    invitation = Invitation.objects.create(event=event_of(private_page), email="guest@example.com")
    with translation.override("zh-hans"):
        followed = client.get(reverse("events:invitation", args=[invitation.token]))
    assert followed["Location"] == form_url(private_page)

    form = client.get(form_url(private_page)).context["form"]
    assert form.initial["email"] == "guest@example.com"
    with run_on_commit():
        response = post(client, private_page, email="guest@example.com")

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.invitation == invitation


def test_an_invitation_to_another_event_does_not_open_a_private_event(client, index, private_page):
    other = EventPageFactory(parent=index, is_private=True)
    invitation = Invitation.objects.create(event=event_of(other), email="guest@example.com")
    client.get(reverse("events:invitation", args=[invitation.token]))

    assert client.get(form_url(private_page)).status_code == 404


def test_an_invitation_used_with_another_email_registers_nobody(client, private_page, run_on_commit):
    invitation = Invitation.objects.create(event=event_of(private_page), email="guest@example.com")
    client.get(reverse("events:invitation", args=[invitation.token]))

    with run_on_commit():
        response = post(client, private_page, email="someone.else@example.com")

    assert response.status_code == 403
    assert "guest@example.com" in response.content.decode()
    assert not Registration.objects.exists()


def test_staff_may_open_a_private_events_form(client, private_page, make_user):
    officer = make_user(email="officer@example.org")
    officer.groups.add(Group.objects.get(name="Officers"))
    client.force_login(officer)

    assert client.get(form_url(private_page)).status_code == 200


# Bad input


@pytest.fixture
def english(page):
    return translate(page, "en", title="Overseas safety lecture")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": ""}, "name", "Please enter your name."),
        ({"name": "   "}, "name", "Please enter your name."),
        ({"email": ""}, "email", "Please enter your email address."),
        ({"email": "not-an-address"}, "email", "Please enter a valid email address"),
        ({"email": "a" * 250 + "@example.org"}, "email", "This email address is too long."),
        ({"name": "李" * 101}, "name", "Please shorten your name to 100 characters."),
        ({"name": "李\ufffd雷"}, "name", "could not be read"),
        ({"organisation": "公司\ue000"}, "organisation", "could not be read"),
        ({"phone": "call me"}, "phone", "+86 138 0000 0000"),
    ],
)
def test_bad_input_redisplays_with_a_clear_message_and_registers_nobody(
    client, english, fields, field, message, run_on_commit
):
    with run_on_commit():
        response = post(client, english, **fields)

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Registration.objects.exists()
    assert not Message.objects.exists()


@pytest.mark.engine  # PostgreSQL refuses a NUL byte in a row
@pytest.mark.engine  # a NUL byte reaching the database is an error on PostgreSQL
def test_control_characters_are_dropped_and_the_registration_kept(client, page, run_on_commit):
    with run_on_commit():
        response = post(
            client, page, name="李\x00雷\x1b", email="\x07lilei@example.org", organisation="某\t公司\n"
        )

    assert response.status_code == 302
    registration = live(page).get()
    assert (registration.name, registration.email, registration.organisation) == (
        "李雷",
        "lilei@example.org",
        "某 公司",
    )


def test_bad_input_keeps_what_was_typed(client, english):
    response = post(client, english, name="Li Lei", email="not-an-address", organisation="Example School")

    html = response.content.decode()
    assert 'value="Li Lei"' in html
    assert 'value="Example School"' in html


def test_undecodable_bytes_in_a_post_are_refused(client, page, run_on_commit):
    body = b"name=%E6%9D%8E%FF%FE&email=lilei%40example.org&phone=&organisation="

    with run_on_commit():
        response = client.post(
            form_url(page), body, content_type="application/x-www-form-urlencoded", REMOTE_ADDR="10.0.0.1"
        )

    assert response.status_code == 400
    assert "name" in response.context["form"].errors
    assert not Registration.objects.exists()


# Rate limits


def test_too_many_attempts_from_one_address_and_email_are_refused_politely(client, page, run_on_commit):
    with run_on_commit():
        for _attempt in range(5):
            assert post(client, page).status_code == 302
        Registration.objects.all().delete()
        Message.objects.all().delete()
        response = post(client, page)

    assert response.status_code == 429
    assert response.context["rate_limited"]
    assert not Registration.objects.exists()
    assert not Message.objects.exists()


def test_people_sharing_one_address_each_register(client, page, run_on_commit):
    with run_on_commit():
        responses = [post(client, page, email=f"student{number}@example.edu") for number in range(8)]

    assert all(response.status_code == 302 for response in responses)
    assert live(page).count() == 8
