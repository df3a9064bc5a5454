"""Group registration: a manager registers chosen members for a public event, one registration each
(their own email and "My events" entry) under the event's capacity and waitlist; the page shows each
outcome; invitation-only events are never offered."""

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Registration
from organizations.group_registration import Result, register_members
from tests.accounts.factories import UserFactory
from tests.events import factories as ef
from tests.organizations import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_zh):
    return ef.EventIndexPageFactory(parent=home_zh)


def page_url(organization):
    with translation.override("zh-hans"):
        return reverse("organizations:group_register", kwargs={"organization_id": organization.pk})


def test_over_capacity_the_rest_go_on_the_waitlist(client, organization, manager, index):
    event = ef.event_of(ef.EventPageFactory(parent=index, capacity=2))
    chosen = [
        f.member_of(organization, user=UserFactory(name=f"成员{n}", preferred_language=language))
        for n, language in enumerate(["zh-hans", "en", "zh-hans"])
    ]
    client.force_login(manager)
    response = client.post(page_url(organization), {"event": event.pk, "members": [m.pk for m in chosen]})
    assert response.status_code == 200
    outcomes = [outcome.result for outcome in response.context["outcomes"]]
    assert sorted(outcomes) == [Result.CONFIRMED, Result.CONFIRMED, Result.WAITLISTED]
    registrations = Registration.objects.filter(event=event)
    assert registrations.count() == 3
    assert {r.organisation for r in registrations} == {organization.name}
    assert {r.user_id for r in registrations} == {m.user_id for m in chosen}
    assert {r.language for r in registrations} == {"zh-hans", "en"}
    page = response.content.decode()
    assert 'data-outcome="waitlisted"' in page
    # Again: each is already registered, nothing changes.
    again = client.post(page_url(organization), {"event": event.pk, "members": [m.pk for m in chosen]})
    assert {o.result for o in again.context["outcomes"]} == {Result.ALREADY_REGISTERED}
    assert Registration.objects.filter(event=event).count() == 3


def test_private_events_are_not_offered_and_cannot_be_posted(client, organization, manager, index):
    public = ef.event_of(ef.EventPageFactory(parent=index, title="公开讲座"))
    private = ef.event_of(ef.EventPageFactory(parent=index, title="内部宣讲", is_private=True))
    member = f.member_of(organization)
    client.force_login(manager)
    page = client.get(page_url(organization)).content.decode()
    assert public.title in page and private.title not in page
    response = client.post(page_url(organization), {"event": private.pk, "members": [member.pk]})
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_members_of_another_organisation_are_ignored(client, organization, manager, index):
    event = ef.event_of(ef.EventPageFactory(parent=index))
    outsider = f.member_of(f.OrganizationFactory())
    client.force_login(manager)
    response = client.post(page_url(organization), {"event": event.pk, "members": [outsider.pk]})
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_everyone_in_a_group(client, organization, manager, index):
    event = ef.event_of(ef.EventPageFactory(parent=index))
    in_group = [f.member_of(organization, group_label="一班") for _ in range(2)]
    f.member_of(organization, group_label="二班")
    client.force_login(manager)
    response = client.post(
        page_url(organization) + "?group=一班", {"event": event.pk, "everyone": "1", "group": "一班"}
    )
    assert response.status_code == 200
    assert set(Registration.objects.values_list("user", flat=True)) == {m.user_id for m in in_group}


def test_a_closed_event_says_closed_for_everyone(organization, index):
    event = ef.event_of(ef.EventPageFactory(parent=index))
    members = [f.member_of(organization) for _ in range(2)]
    event.cancelled_at = event.starts_at
    event.save()
    outcomes = register_members(event, organization, members)
    assert [o.result for o in outcomes] == [Result.CLOSED, Result.CLOSED]
