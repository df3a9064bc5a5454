"""The shared Event behind an event page in every language: created once, kept in step, never lost."""

import ast
import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from events.models import Event, EventIndexPage, EventPage, Registration
from events.sync import event_for, sync_event
from home.models import HomePage

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_zh):
    return factories.EventIndexPageFactory(parent=home_zh)


def test_publishing_an_event_page_creates_its_shared_event(index):
    page = factories.EventPageFactory(parent=index, capacity=30, title="走进高校：行前安全教育")
    event = Event.objects.get(translation_key=page.translation_key)
    assert event.title == "走进高校：行前安全教育"
    assert event.capacity == 30
    assert event.starts_at == page.starts_at


def test_both_languages_share_one_event(index):
    page = factories.EventPageFactory(parent=index, capacity=10)
    english = factories.translate(page, "en", title="Campus session")
    assert event_for(english) == event_for(page)
    assert Event.objects.filter(translation_key=page.translation_key).count() == 1


def test_moving_the_time_raises_the_calendar_sequence(index):
    page = factories.EventPageFactory(parent=index)
    page.starts_at += datetime.timedelta(hours=1)
    page.ends_at += datetime.timedelta(hours=1)
    event, calendar_changed = sync_event(page)
    assert calendar_changed
    assert event.sequence == 1
    assert event.starts_at == page.starts_at


def test_a_new_summary_does_not_touch_the_calendar(index):
    page = factories.EventPageFactory(parent=index)
    page.summary = "新的简介"
    event, calendar_changed = sync_event(page)
    assert not calendar_changed
    assert event.sequence == 0


def test_deleting_the_page_keeps_the_event_and_its_registrations(index):
    page = factories.EventPageFactory(parent=index)
    event = event_for(page)
    Registration.objects.create(
        event=event, name="王同学", email="wang@example.org", language="zh-hans", status="confirmed"
    )
    page.delete()
    event.refresh_from_db()
    assert event.registrations.count() == 1


def test_the_end_must_come_after_the_start():
    starts = datetime.datetime(2026, 12, 1, 14, tzinfo=datetime.UTC)
    page = EventPage(title="x", slug="x", event_type="lecture", summary="x", starts_at=starts, ends_at=starts)
    with pytest.raises(ValidationError):
        page.clean()


def test_registration_closes_by_the_start():
    starts = datetime.datetime(2026, 12, 1, 14, tzinfo=datetime.UTC)
    page = EventPage(
        title="x",
        slug="x",
        event_type="lecture",
        summary="x",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        registration_closes_at=starts + datetime.timedelta(minutes=5),
    )
    with pytest.raises(ValidationError):
        page.clean()


def test_check_in_codes_are_short_and_unambiguous():
    from events.models import new_check_in_code as new_code

    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(code) == 8 and not set(code) & set("0O1I") for code in codes)


def test_events_imports_none_of_the_rooms_above_it():
    """DESIGN.md: training and organisations use events, never the other way round."""
    forbidden = {"training", "organizations", "destinations", "quizzes"}
    for path in (Path(__file__).resolve().parents[2] / "events").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            assert not {name.split(".")[0] for name in names} & forbidden, f"{path} imports {names}"


class TestPageTree(WagtailPageTestCase):
    def test_page_types_are_declared(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())


def test_publishing_the_translation_is_not_a_change_of_place(index):
    page = factories.EventPageFactory(parent=index, venue="社区活动中心", title="领事保护讲座")
    factories.translate(page, "en", title="Consular protection talk", venue="Community centre")
    event = event_for(page)
    assert event.sequence == 0
    assert event.title == "领事保护讲座"
    assert event.venue == "社区活动中心"
