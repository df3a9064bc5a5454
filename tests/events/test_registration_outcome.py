"""What a person learns after registering: a signed-in person registering their own verified address
is told on the page (a place, or their number on the waitlist); anyone else learns it only from the
email, so the page says nothing about whether an address was registered. The waitlist email says
"waitlist" (候补) and carries a tentative calendar entry with the same UID as the others."""

import base64

import icalendar
import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import translation

from events import registration as registrations
from events.calendar import event_uid
from outbox.models import Message
from tests.emails import send_queued
from tests.events import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_zh):
    return f.EventIndexPageFactory(parent=home_zh)


@pytest.fixture
def page(index):
    return f.EventPageFactory(parent=index, capacity=1, title="应急技能讲座")


@pytest.fixture
def person(make_user):
    user = make_user(email="lilei@example.org", name="李雷")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def register(client, page, email, name="李雷"):
    response = client.post(
        page.url + "register/", {"name": name, "email": email, "phone": "", "organisation": ""}
    )
    assert response.status_code == 302
    with translation.override("zh-hans"):
        return client.get(reverse("events:registration_sent")).content.decode()


def take_the_place(page, email="first@example.org"):
    registrations.register(f.event_of(page), name="先到者", email=email, language="zh-hans")


def test_a_signed_in_person_is_told_their_place_is_confirmed(client, page, person):
    client.force_login(person)
    html = register(client, page, person.email)
    assert "您的名额已确认" in html
    assert "谢谢！您已获得“应急技能讲座”的名额。" in html


def test_a_signed_in_person_is_told_their_number_on_the_waitlist(client, page, person):
    take_the_place(page)
    registrations.register(f.event_of(page), name="候补一", email="w1@example.org", language="zh-hans")
    client.force_login(person)
    html = register(client, page, person.email)
    assert "您已进入候补名单" in html
    assert "您在候补名单上排第 2 位" in html


def test_registering_again_says_nothing_changed(client, page, person):
    client.force_login(person)
    register(client, page, person.email)
    html = register(client, page, person.email)
    assert "您此前已报名“应急技能讲座”，名额已确认" in html


def test_a_guest_page_is_the_same_whether_or_not_the_address_was_registered(client, page):
    take_the_place(page, "taken@example.org")
    registered = register(client, page, "taken@example.org")
    new = register(client, page, "new@example.org")
    assert registered == new
    assert "请查收邮件" in new
    assert "候补名单上排第" not in new and "名额已确认" not in new


def test_a_signed_in_person_registering_another_address_learns_nothing_about_it(client, page, person):
    take_the_place(page, "taken@example.org")
    client.force_login(person)
    registered = register(client, page, "taken@example.org")
    new = register(client, page, "someone@example.org")
    assert registered == new
    assert "名额已确认" not in new and "候补名单上排第" not in new


def test_an_unverified_account_address_is_not_told_on_the_page(client, page, make_user):
    # Signing up with someone else's address must not reveal whether that address is registered.
    user = make_user(email="victim@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    html = register(client, page, user.email)
    assert "名额已确认" not in html


# The waitlist emails ------------------------------------------------------------------------------


def calendar_of(message):
    (ics,) = [item for item in message.attachments if item["filename"].endswith(".ics")]
    return icalendar.Calendar.from_ical(base64.b64decode(ics["content_base64"]))


def test_the_waitlist_email_says_waitlist_and_carries_a_tentative_calendar_entry(page):
    take_the_place(page)
    event = f.event_of(page)
    registrations.register(event, name="王芳", email="wang@example.org", language="zh-hans")
    send_queued()

    message = Message.objects.get(recipient="wang@example.org")
    vevent = calendar_of(message).walk("VEVENT")[0]

    assert message.subject == "您已进入候补名单：应急技能讲座"
    assert "您已报名" not in message.subject
    assert vevent.get("uid") == event_uid(event)
    assert vevent.get("status") == "TENTATIVE"
    assert vevent.get("attendee").params["partstat"] == "TENTATIVE"
    assert str(vevent.get("summary")) == "候补：应急技能讲座"
    assert [item["filename"] for item in message.attachments] == ["event.ics"]  # no check-in code


def test_registering_again_while_waiting_says_waitlist_and_carries_the_calendar_entry(page):
    take_the_place(page)
    event = f.event_of(page)
    registrations.register(event, name="王芳", email="wang@example.org", language="zh-hans")
    registrations.register(event, name="王芳", email="wang@example.org", language="zh-hans")
    send_queued()

    again = Message.objects.get(
        recipient="wang@example.org", dedupe_key__startswith="events:already-registered:"
    )
    assert again.subject == "您已在候补名单中：应急技能讲座"
    assert calendar_of(again).walk("VEVENT")[0].get("status") == "TENTATIVE"


def test_the_promotion_confirms_the_same_calendar_entry(page):
    event = f.event_of(page)
    first = registrations.register(event, name="先到者", email="first@example.org", language="zh-hans")
    registrations.register(event, name="王芳", email="wang@example.org", language="zh-hans")
    registrations.cancel(first.registration)
    send_queued()

    promoted = Message.objects.get(recipient="wang@example.org", dedupe_key__startswith="events:promoted:")
    vevent = calendar_of(promoted).walk("VEVENT")[0]
    assert vevent.get("uid") == event_uid(event)
    assert vevent.get("status") == "CONFIRMED"
