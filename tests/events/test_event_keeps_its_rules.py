"""The shared Event keeps what registration needs: its rules (synchronised from the page), whether any
copy of its page is live, and who cancelled (an event or a registration) and when."""

import datetime

import pytest
from django.utils import timezone

from events import registration as registrations
from events.models import Event, Registration
from outbox.models import Message
from tests.accounts.factories import UserFactory
from tests.events import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_zh):
    return factories.EventPageFactory(
        parent=factories.EventIndexPageFactory(parent=home_zh), capacity=5, title="行前安全讲座"
    )


def register(event, email="hanmeimei@example.org"):
    return registrations.register(event, name="韩梅梅", email=email, language="zh-hans")


def test_the_registration_window_is_kept_on_the_event_when_the_page_is_published(page):
    opens = timezone.now() + datetime.timedelta(days=2)
    page.registration_opens_at = opens
    page.save_revision().publish()

    event = Event.objects.get(translation_key=page.translation_key)
    assert event.registration_opens_at == opens and event.registration_required
    with pytest.raises(registrations.RegistrationClosed):
        register(event)
    assert not Registration.objects.exists()


def test_an_unpublished_translation_leaves_registration_open(page):
    english = factories.translate(page, title="Pre-departure safety talk")
    english.unpublish()

    event = Event.objects.get(translation_key=page.translation_key)
    assert event.has_live_page
    assert register(event).registration.status == Registration.Status.CONFIRMED


def test_with_every_copy_unpublished_registration_closes_and_reopens_on_publishing(page):
    page.unpublish()
    event = Event.objects.get(translation_key=page.translation_key)
    assert not event.has_live_page
    with pytest.raises(registrations.RegistrationClosed):
        register(event)

    page.save_revision().publish()
    event.refresh_from_db()
    assert event.has_live_page
    assert register(event).registration.status == Registration.Status.CONFIRMED


def test_who_cancelled_a_registration_is_kept(page):
    staff = UserFactory()
    registration = register(factories.event_of(page)).registration

    registrations.cancel(registration, by_user=staff)

    registration.refresh_from_db()
    assert registration.cancelled_by == staff and registration.cancelled_at is not None


def test_who_cancelled_the_event_is_kept_and_everyone_is_told(page):
    staff = UserFactory()
    event = factories.event_of(page)
    register(event, "one@example.org")
    register(event, "two@example.org")
    before = Message.objects.count()

    registrations.cancel_event(event, by_user=staff)

    event.refresh_from_db()
    assert event.cancelled_by == staff and event.cancelled_at is not None
    assert Message.objects.count() - before == 2
