"""Demo events for `seed_demo`: both languages, every type, a full one with a waitlist, safe to run twice."""

import datetime
import io

import pytest
from django.core import mail
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, Revision

from events.demo import seed_events
from events.districts import BY_VALUE
from events.models import Event, EventIndexPage, EventPage, EventType, Invitation, Registration
from events.staff_lists import attended, events_with_counts
from home.demo import SEED_DEMO_CONTENT, load_demo_data
from outbox.models import Message
from tests.shared_data import made_once

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seeded once for the module (rolled back after it); each test's changes are rolled back after it."""
    with made_once(django_db_blocker, lambda: seed_events(io.StringIO())) as made:
        yield made


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, Revision, Event, Registration, Invitation, Message)
    }


def demo_pages(locale):
    return EventPage.objects.live().filter(locale=locale)


def test_seed_demo_runs_the_events_seeder():
    assert seed_events in hooks.get_hooks(SEED_DEMO_CONTENT)


def test_events_index_sits_under_each_home_page_in_the_menu(seeded, home_zh, home_en):
    for home in (home_zh, home_en):
        index = EventIndexPage.objects.child_of(home).live().get(slug="events")
        assert index.show_in_menus
        assert index.intro


def test_at_least_eight_events_of_every_type_in_each_language(seeded, zh, en):
    for locale in (zh, en):
        pages = demo_pages(locale)
        assert pages.count() >= 8
        assert set(pages.values_list("event_type", flat=True)) == set(EventType.values)


def test_english_pages_are_translations_with_their_own_text(seeded, zh, en):
    for chinese in demo_pages(zh):
        english = EventPage.objects.live().get(locale=en, translation_key=chinese.translation_key)
        assert english.starts_at == chinese.starts_at and english.capacity == chinese.capacity
        assert english.title != chinese.title and english.summary != chinese.summary
        assert english.venue != chinese.venue
        assert [block.value["name"] for block in english.speakers] != [
            block.value["name"] for block in chinese.speakers
        ]


def test_some_events_are_upcoming_and_some_past(seeded, zh):
    now = timezone.now()
    pages = demo_pages(zh)
    assert pages.filter(starts_at__gt=now).count() >= 4
    assert pages.filter(ends_at__lt=now).count() >= 3


def test_upcoming_events_are_dated_from_today_in_beijing(seeded, zh):
    spec = next(spec for spec in load_demo_data("events", "events")["events"] if spec["day"] > 0)
    page = EventPage.objects.get(locale=zh, slug=spec["slug"])
    starts = timezone.localtime(page.starts_at)
    assert starts.date() == timezone.localdate() + datetime.timedelta(days=spec["day"])
    assert starts.strftime("%H:%M") == spec["start"]
    assert str(starts.tzinfo) == "Asia/Shanghai"


def test_past_events_have_a_report_in_both_languages_some_with_a_photo(seeded, zh, en):
    now = timezone.now()
    for locale in (zh, en):
        past = list(demo_pages(locale).filter(ends_at__lt=now))
        assert past and all(len(page.report) > 0 for page in past)
        photos = [block for page in past for block in page.report if block.block_type == "image"]
        assert photos and all(block.value["alt_text"] for block in photos)


def test_one_upcoming_event_is_full_with_a_waitlist_filled_in_both_languages(seeded):
    upcoming = Event.objects.filter(capacity__isnull=False, starts_at__gt=timezone.now())
    full = [event for event in upcoming if event.registrations.exists()]
    assert len(full) == 1
    event = full[0]
    registrations = event.registrations.all()
    confirmed = registrations.filter(status=Registration.Status.CONFIRMED)
    assert confirmed.count() == event.capacity == 3
    assert registrations.filter(status=Registration.Status.WAITLISTED).count() == 2
    assert set(registrations.values_list("language", flat=True)) == {"zh-hans", "en"}


def past_specs():
    return [spec for spec in load_demo_data("events", "events")["events"] if spec["day"] < 0]


def report_text(slug, locale):
    """The words of the after-event report of the demo event `slug`, in `locale`."""
    chinese = EventPage.objects.get(locale__language_code="zh-hans", slug=slug)
    page = EventPage.objects.get(locale=locale, translation_key=chinese.translation_key)
    return " ".join(str(block.value) for block in page.report if block.block_type == "paragraph")


def test_every_past_event_has_attendance_to_match_its_report():
    assert past_specs() and all(spec.get("attendance") for spec in past_specs())


@pytest.mark.parametrize("spec", past_specs(), ids=lambda spec: spec["slug"])
def test_a_past_events_attendance_is_what_its_report_says(seeded, zh, en, spec):
    numbers = spec["attendance"]
    chinese = EventPage.objects.get(locale=zh, slug=spec["slug"])
    counted = events_with_counts().get(translation_key=chinese.translation_key)

    assert attended(counted) == numbers["checked_in"] + numbers["walk_ins"]
    assert (counted.checked_in_count, counted.walk_in_count) == (numbers["checked_in"], numbers["walk_ins"])
    assert counted.confirmed_count + counted.waitlisted_count == numbers["registered"]
    if "report_says" in numbers:  # "about 600", "almost 900": within 2 %
        assert abs(attended(counted) - numbers["report_says"]) <= numbers["report_says"] * 0.02
        for locale in (zh, en):
            assert str(numbers["report_says"]) in report_text(spec["slug"], locale)
    if "organisations" in numbers and spec["type"] == EventType.COMPANY_VISIT:  # "from 12 companies"
        came_from = set(
            counted.registrations.filter(checked_in_at__isnull=False).values_list("organisation", flat=True)
        )
        assert len(came_from) == len(numbers["organisations"])
        for locale in (zh, en):
            assert str(len(came_from)) in report_text(spec["slug"], locale)


def test_past_attendance_is_dated_on_the_event_day(seeded):
    now = timezone.now()
    for event in Event.objects.filter(ends_at__lt=now):
        registrations = event.registrations.all()
        assert all(registration.created_at < event.starts_at for registration in registrations)
        checked_in = [r.checked_in_at for r in registrations if r.checked_in_at] + [
            walk_in.checked_in_at for walk_in in event.walk_ins.all()
        ]
        assert checked_in and all(
            abs(when - event.starts_at) < datetime.timedelta(hours=1) for when in checked_in
        )


def test_demo_registrants_have_example_org_addresses(seeded):
    emails = list(Registration.objects.values_list("email", flat=True))
    assert emails and all(email.endswith("@example.org") for email in emails)


def test_exactly_one_private_event_a_company_visit(seeded, zh, en):
    for locale in (zh, en):
        private = demo_pages(locale).filter(is_private=True)
        assert [page.event_type for page in private] == [EventType.COMPANY_VISIT]
    assert Event.objects.filter(is_private=True).count() == 1


def test_online_sessions_have_a_joining_link_and_no_map(seeded, zh):
    online = demo_pages(zh).filter(event_type=EventType.ONLINE)
    assert online.exists()
    for page in online:
        assert page.online_url.startswith("https://") and page.map_url == ""


def test_places_are_in_beijing_districts_with_amap_links(seeded, zh):
    in_person = demo_pages(zh).exclude(event_type=EventType.ONLINE)
    for page in in_person:
        assert page.district in BY_VALUE
        assert page.map_url.startswith("https://uri.amap.com/marker?position=116.")
        assert "&name=" in page.map_url
    assert len({page.district for page in in_person}) >= 4


def test_every_event_has_speakers_and_audiences(seeded, zh, en):
    for locale in (zh, en):
        for page in demo_pages(locale).prefetch_related("audiences"):
            assert len(page.speakers) >= 1
            assert page.audiences.all(), page.slug


@pytest.mark.engine  # real commits
@pytest.mark.django_db(transaction=True)
def test_seeding_delivers_no_email(rebuild_site):
    """Committed for real, so what the outbox and publishing do on commit runs as in `seed_demo`."""
    seed_events(io.StringIO())
    assert Registration.objects.exists() and Invitation.objects.exists()
    assert mail.outbox == []
    assert not Message.objects.filter(status=Message.Status.PENDING).exists()


def test_second_run_changes_nothing(seeded):
    before = counts()
    seed_events(io.StringIO())
    assert counts() == before


def test_second_run_is_quick(seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        seed_events(io.StringIO())


def test_second_run_keeps_an_editors_changes(seeded, zh):
    page = EventPage.objects.get(locale=zh, slug="dongcheng-community-exhibition")
    page.title = "社区宣传展（已改期）"
    page.save_revision().publish()
    seed_events(io.StringIO())
    assert EventPage.objects.get(pk=page.pk).title == "社区宣传展（已改期）"
    assert EventPage.objects.filter(locale=zh, slug__startswith="dongcheng-community-exhibition").count() == 1


def test_second_run_registers_nobody_again_after_a_cancellation(seeded):
    registration = Registration.objects.filter(
        status=Registration.Status.CONFIRMED, event__starts_at__gt=timezone.now()
    ).first()
    Registration.objects.filter(pk=registration.pk).update(
        status=Registration.Status.CANCELLED, cancelled_at=timezone.now()
    )
    before = Registration.objects.count()
    seed_events(io.StringIO())
    assert Registration.objects.count() == before


def test_a_deleted_translation_is_made_again(seeded, zh, en):
    chinese = EventPage.objects.get(locale=zh, slug="online-phone-scams")
    EventPage.objects.get(locale=en, translation_key=chinese.translation_key).delete()
    seed_events(io.StringIO())
    assert EventPage.objects.live().filter(locale=en, translation_key=chinese.translation_key).exists()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_demo_event_pages_open(client, seeded, language):
    assert client.get(f"/{language}/events/").status_code == 200
    assert client.get(f"/{language}/events/emergency-skills-lecture/").status_code == 200
