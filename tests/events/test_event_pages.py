"""An event page: facts in Beijing time, the map link, no joining link, speakers, the report after the
event, invitation-only events closed to the uninvited, bounded queries."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventType, Invitation
from home.models import Audience
from tests.events import factories as f
from tests.home.factories import ImageFactory

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")
SECRET_LINK = "https://meeting.example.com/j/secret-room-123"


@pytest.fixture
def index(home_zh):
    return f.EventIndexPageFactory(parent=home_zh)


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BEIJING)


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_event_page_shows_type_time_in_beijing_with_the_zone_and_place(client, index):
    page = f.EventPageFactory(
        parent=index,
        starts_at=at(2030, 5, 20, 14),
        venue="东城区图书馆",
        address="北京市东城区交道口东大街 85 号",
    )
    copy = f.translate(page, "en", title="Lecture", venue="Dongcheng Library", address="85 Jiaodaokou St")
    html = html_of(client, copy)
    assert "Expert lecture" in html
    assert "Mon 20 May 2030, 14:00–16:00 (Beijing time, UTC+8)" in html
    assert 'datetime="2030-05-20T14:00+08:00"' in html
    assert "Dongcheng Library" in html and "85 Jiaodaokou St" in html


def test_an_event_over_midnight_says_both_dates(client, index):
    page = f.EventPageFactory(parent=index, starts_at=at(2030, 5, 20, 22), hours=3)
    copy = f.translate(page, "en")
    assert "Mon 20 May 2030, 22:00 – Tue 21 May 2030, 01:00 (Beijing time, UTC+8)" in html_of(client, copy)


def test_the_editors_map_link_is_used(client, index):
    page = f.EventPageFactory(
        parent=index, map_url="https://uri.amap.com/marker?position=116.41,39.94&name=Library"
    )
    assert 'href="https://uri.amap.com/marker?position=116.41,39.94&amp;name=Library"' in html_of(
        client, page
    )


def test_without_a_map_link_the_address_opens_in_amap(client, index):
    page = f.EventPageFactory(parent=index, address="北京市东城区示例路 1 号")
    assert 'href="https://uri.amap.com/search?keyword=' in html_of(client, page)


def test_the_online_joining_link_is_never_on_the_page(client, index):
    page = f.EventPageFactory(parent=index, event_type=EventType.ONLINE, online_url=SECRET_LINK)
    html = html_of(client, page)
    assert SECRET_LINK not in html and "secret-room" not in html
    assert 'class="event-facts__item"' in html and "event-facts" in html


def test_speakers_and_audiences_are_shown(client, index):
    page = f.EventPageFactory(
        parent=index,
        speakers=[("speaker", {"name": "王领事", "role": "领事保护中心"}), ("speaker", {"name": "李老师"})],
    )
    page.audiences.add(Audience.objects.get(slug="students"))
    page.save_revision().publish()
    html = html_of(client, page)
    assert "王领事" in html and "领事保护中心" in html and "李老师" in html
    assert str(Audience.objects.get(slug="students")) in html


def test_an_upcoming_event_has_the_registration_box(client, index):
    assert "registration-box" in html_of(client, f.EventPageFactory(parent=index, capacity=20))


def test_a_past_event_says_so_and_shows_its_report_with_photos(client, index):
    photo = ImageFactory(title="讲座现场")
    page = f.EventPageFactory(
        parent=index,
        starts_at=timezone.now() - datetime.timedelta(days=3),
        report=[
            ("paragraph", "<p>近百名居民参加了讲座。</p>"),
            ("image", {"image": photo, "alt_text": "讲座现场", "caption": "讲座现场"}),
        ],
    )
    html = html_of(client, page)
    assert "event-notice--past" in html
    assert "近百名居民参加了讲座" in html
    assert 'alt="讲座现场"' in html
    assert "registration-box" not in html


def test_the_report_waits_until_the_event_is_over(client, index):
    page = f.EventPageFactory(parent=index, report=[("paragraph", "<p>活动回顾</p>")])
    html = html_of(client, page)
    assert "活动回顾" not in html and "event-notice--past" not in html


def test_a_cancelled_event_says_so_and_takes_no_registrations(client, index):
    page = f.EventPageFactory(parent=index)
    event = f.event_of(page)
    event.cancelled_at = timezone.now()
    event.save()
    html = html_of(client, page)
    assert "event-notice--cancelled" in html
    assert "registration-box" not in html


# Invitation-only events


@pytest.fixture
def private_page(index):
    return f.EventPageFactory(parent=index, title="走进某企业", is_private=True)


def test_a_private_event_is_not_found_by_visitors(client, private_page):
    assert client.get(private_page.url).status_code == 404


def test_a_private_event_is_not_found_by_an_ordinary_signed_in_person(client, private_page, make_user):
    client.force_login(make_user())
    assert client.get(private_page.url).status_code == 404


@pytest.mark.parametrize("codename", ["check_in", "manage_registrations"])
def test_staff_see_a_private_event(client, private_page, make_user, codename):
    user = make_user()
    user.user_permissions.add(Permission.objects.get(content_type__app_label="events", codename=codename))
    client.force_login(user)
    assert client.get(private_page.url).status_code == 200


def hold_invitation(client, token):
    session = client.session
    session["event_invitations"] = [token]
    session.save()


def test_someone_holding_an_invitation_sees_the_private_event(client, private_page):
    invitation = Invitation.objects.create(event=f.event_of(private_page), email="hr@example.com")
    hold_invitation(client, invitation.token)
    response = client.get(private_page.url)
    assert response.status_code == 200
    assert "走进某企业" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_an_invitation_to_another_event_does_not_open_a_private_event(client, index, private_page):
    other = f.EventPageFactory(parent=index, is_private=True)
    invitation = Invitation.objects.create(event=f.event_of(other), email="hr@example.com")
    hold_invitation(client, invitation.token)
    assert client.get(private_page.url).status_code == 404


def test_a_made_up_invitation_token_does_not_open_a_private_event(client, private_page):
    hold_invitation(client, "not-a-real-token")
    assert client.get(private_page.url).status_code == 404


# Queries


def page_queries(client, page):
    client.get(page.url)  # menus and settings are cached after the first visit, as on any page
    with CaptureQueriesContext(connection) as captured:
        assert client.get(page.url).status_code == 200
    return len(captured.captured_queries)


def test_event_page_queries_do_not_grow_with_registrations(client, index):
    page = f.EventPageFactory(parent=index, capacity=150, speakers=[("speaker", {"name": "王领事"})])
    page.audiences.add(*Audience.objects.all())
    page.save_revision().publish()
    none = page_queries(client, page)
    event = f.event_of(page)
    for number in range(200):
        f.RegistrationFactory(event=event, status="confirmed" if number < 150 else "waitlisted")
    assert page_queries(client, page) == none


def test_event_page_renders_within_the_page_query_budget(client, index, django_assert_max_num_queries):
    page = f.EventPageFactory(parent=index, capacity=10)
    for _ in range(12):
        f.RegistrationFactory(event=f.event_of(page), status="confirmed")
    client.get(page.url)
    with django_assert_max_num_queries(15):
        client.get(page.url)


def test_a_private_event_page_for_an_invited_person_stays_within_the_budget(
    client, private_page, django_assert_max_num_queries
):
    invitation = Invitation.objects.create(event=f.event_of(private_page), email="hr@example.com")
    hold_invitation(client, invitation.token)
    client.get(private_page.url)
    with django_assert_max_num_queries(15):
        assert client.get(private_page.url).status_code == 200
