"""Who attended: has_attended(user_or_email, event_or_page), for other parts of the portal."""

import pytest
from django.utils import timezone

from events.attendance import attended_event_keys, has_attended
from events.models import WalkIn
from tests.events import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_zh):
    return factories.EventPageFactory(parent=factories.EventIndexPageFactory(parent=home_zh))


@pytest.fixture
def event(page):
    return factories.event_of(page)


def checked_in(event, **fields):
    return factories.RegistrationFactory(event=event, checked_in_at=timezone.now(), **fields)


def test_a_checked_in_registration_of_the_user_counts(event, make_user):
    user = make_user(email="lilei@example.org")
    checked_in(event, user=user, email="other@example.org")
    assert has_attended(user, event)


def test_a_checked_in_registration_with_the_users_email_in_another_case_counts(event, make_user):
    user = make_user(email="lilei@example.org")
    checked_in(event, email="LiLei@Example.org")
    assert has_attended(user, event)


def test_an_email_address_is_enough(event):
    checked_in(event, email="lilei@example.org")
    assert has_attended("LILEI@example.org", event)


def test_a_registration_that_was_not_checked_in_does_not_count(event):
    factories.RegistrationFactory(event=event, email="lilei@example.org")
    assert not has_attended("lilei@example.org", event)


def test_a_walk_in_with_the_email_counts(event):
    WalkIn.objects.create(event=event, name="王芳", email="Wang@example.org")
    assert has_attended("wang@example.org", event)


def test_a_walk_in_without_an_email_matches_no_one(event, make_user):
    WalkIn.objects.create(event=event, name="王芳")
    assert not has_attended("", event)
    assert not has_attended(make_user(email="wang@example.org"), event)


def test_attending_another_event_does_not_count(page, event, home_zh):
    other = factories.event_of(factories.EventPageFactory(parent=page.get_parent().specific))
    checked_in(other, email="lilei@example.org")
    assert not has_attended("lilei@example.org", event)


def test_the_event_can_be_given_as_its_page_in_either_language(page, event):
    checked_in(event, email="lilei@example.org")
    english = factories.translate(page, "en", title="Lecture")
    assert has_attended("lilei@example.org", page)
    assert has_attended("lilei@example.org", english)


def test_an_anonymous_visitor_has_attended_nothing(event):
    from django.contrib.auth.models import AnonymousUser

    assert not has_attended(AnonymousUser(), event)


def test_attended_event_keys_lists_registrations_and_walk_ins(event, home_zh, page):
    other = factories.event_of(factories.EventPageFactory(parent=page.get_parent().specific))
    checked_in(event, email="lilei@example.org")
    WalkIn.objects.create(event=other, name="李雷", email="lilei@example.org")
    assert attended_event_keys("lilei@example.org") == {event.translation_key, other.translation_key}
