"""Calendar files: valid iCalendar with TZID=Asia/Shanghai, one stable UID per event in every language,
a higher SEQUENCE after a change, METHOD:CANCEL when the event is cancelled."""

import base64
import datetime
import zoneinfo

import icalendar
import pytest
from django.utils import timezone

from events import calendar
from events import registration as registrations
from events.notifications import event_changed
from outbox.models import Message
from tests.emails import send_queued
from tests.events import factories

pytestmark = pytest.mark.django_db

BEIJING = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture
def index(home_zh):
    return factories.EventIndexPageFactory(parent=home_zh)


@pytest.fixture
def page(index):
    starts = datetime.datetime(2030, 5, 20, 14, 0, tzinfo=BEIJING)
    return factories.EventPageFactory(
        parent=index,
        starts_at=starts,
        hours=2,
        capacity=10,
        title="出境安全讲座",
        venue="市民中心",
        address="北京市东城区示例路 1 号",
    )


@pytest.fixture
def registration(page):
    event = factories.event_of(page)
    return registrations.register(
        event, name="李雷", email="lilei@example.org", language="zh-hans"
    ).registration


def parse(ics_bytes):
    return icalendar.Calendar.from_ical(ics_bytes)


def only_event(parsed):
    (vevent,) = parsed.walk("VEVENT")
    return vevent


def attached_calendar(message):
    ics = next(item for item in message.attachments if item["filename"] == "event.ics")
    return parse(base64.b64decode(ics["content_base64"]))


def test_the_registration_calendar_file_has_the_right_times_in_beijing_time(registration):
    vevent = only_event(parse(calendar.registration_ics(registration)))
    assert vevent.get("dtstart").params["TZID"] == "Asia/Shanghai"
    assert vevent.get("dtend").params["TZID"] == "Asia/Shanghai"
    assert vevent.decoded("dtstart") == datetime.datetime(2030, 5, 20, 14, 0, tzinfo=BEIJING)
    assert vevent.decoded("dtend") == datetime.datetime(2030, 5, 20, 16, 0, tzinfo=BEIJING)
    assert vevent.decoded("dtstart").astimezone(datetime.UTC).hour == 6


def test_the_calendar_file_describes_the_event(registration):
    vevent = only_event(parse(calendar.registration_ics(registration)))
    assert str(vevent.get("summary")) == "出境安全讲座"
    assert str(vevent.get("location")) == "市民中心, 北京市东城区示例路 1 号"
    assert str(vevent.get("url")).startswith("https://portal.example.org/zh-hans/")
    assert vevent.get("status") == "CONFIRMED"


def test_the_calendar_file_has_the_calendar_headers_and_the_time_zone(registration):
    parsed = parse(calendar.registration_ics(registration))
    assert parsed.get("version") == "2.0"
    assert parsed.get("prodid")
    assert parsed.get("method") == "REQUEST"
    (zone,) = parsed.walk("VTIMEZONE")
    assert zone.get("tzid") == "Asia/Shanghai"


def test_a_request_names_the_organiser_and_the_attendee(registration):
    vevent = only_event(parse(calendar.registration_ics(registration)))
    assert str(vevent.get("attendee")) == "mailto:lilei@example.org"
    assert str(vevent.get("organizer")).startswith("mailto:")


def test_the_uid_is_the_same_for_every_registrant_and_language(page, registration):
    english = factories.translate(page, "en", title="Travel safety lecture")
    other = registrations.register(
        factories.event_of(english), name="Ann", email="ann@example.org", language="en"
    ).registration
    mine = only_event(parse(calendar.registration_ics(registration)))
    theirs = only_event(parse(calendar.registration_ics(other)))
    assert mine.get("uid") == theirs.get("uid") == f"event-{page.translation_key}@portal.example.org"
    assert str(theirs.get("summary")) == "Travel safety lecture"


def test_the_online_joining_link_is_in_a_registrants_calendar_file(index):
    page = factories.EventPageFactory(
        parent=index, event_type="online", online_url="https://meeting.example.cn/j/7"
    )
    registration = registrations.register(
        factories.event_of(page), name="李雷", email="lilei@example.org", language="zh-hans"
    ).registration
    vevent = only_event(parse(calendar.registration_ics(registration)))
    assert "https://meeting.example.cn/j/7" in str(vevent.get("description"))


def test_a_change_of_time_sends_an_update_with_the_same_uid_and_a_higher_sequence(page, registration):
    send_queued()
    before = only_event(
        attached_calendar(Message.objects.get(dedupe_key=f"events:confirmed:{registration.pk}"))
    )
    page.starts_at += datetime.timedelta(hours=1)
    page.ends_at += datetime.timedelta(hours=1)
    page.save_revision().publish()
    event_changed(registration.event)

    update = attached_calendar(Message.objects.get(dedupe_key=f"events:changed:{registration.pk}:1"))
    after = only_event(update)
    assert after.get("uid") == before.get("uid")
    assert after.get("sequence") > before.get("sequence")
    assert after.decoded("dtstart") == datetime.datetime(2030, 5, 20, 15, 0, tzinfo=BEIJING)
    assert update.get("method") == "REQUEST"


def test_a_cancelled_event_sends_method_cancel_with_the_same_uid(registration):
    uid = only_event(parse(calendar.registration_ics(registration))).get("uid")
    registrations.cancel_event(registration.event)
    update = attached_calendar(Message.objects.get(dedupe_key=f"events:event-cancelled:{registration.pk}"))
    assert update.get("method") == "CANCEL"
    vevent = only_event(update)
    assert vevent.get("uid") == uid
    assert vevent.get("status") == "CANCELLED"
    assert vevent.get("sequence") == 1


def test_the_calendar_file_keeps_working_after_the_page_is_deleted(page, registration):
    page.delete()
    registration.refresh_from_db()
    vevent = only_event(parse(calendar.registration_ics(registration)))
    assert str(vevent.get("summary")) == "出境安全讲座"
    assert vevent.decoded("dtstart") == datetime.datetime(2030, 5, 20, 14, 0, tzinfo=BEIJING)


def test_build_vevent_converts_any_time_zone_to_beijing_time():
    starts = datetime.datetime(2030, 1, 1, 23, 30, tzinfo=datetime.UTC)
    vevent = calendar.build_vevent(
        uid="event-x@portal.example.org",
        sequence=3,
        summary="Lecture",
        description="",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        location="",
    )
    parsed = only_event(parse(calendar.calendar_bytes([vevent])))
    assert parsed.decoded("dtstart") == datetime.datetime(2030, 1, 2, 7, 30, tzinfo=BEIJING)
    assert parsed.get("dtstart").params["TZID"] == "Asia/Shanghai"
    assert parsed.get("sequence") == 3


def test_calendar_bytes_publishes_by_default_and_can_be_named():
    now = timezone.now()
    vevent = calendar.build_vevent(
        uid="u@x",
        sequence=0,
        summary="s",
        description="d",
        starts_at=now,
        ends_at=now,
        location="l",
        url="https://x/",
    )
    parsed = parse(calendar.calendar_bytes([vevent, vevent], name="活动"))
    assert parsed.get("method") == "PUBLISH"
    assert str(parsed.get("x-wr-calname")) == "活动"
    assert len(parsed.walk("VEVENT")) == 2
