"""Invitations to private events: invite(event, emails)."""

import pytest
from django.utils import translation

from events import registration as registrations
from events.invitations import invite
from events.models import Invitation
from outbox.models import Message
from tests.events import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(home_zh):
    index = factories.EventIndexPageFactory(parent=home_zh)
    return factories.event_of(
        factories.EventPageFactory(parent=index, is_private=True, title="走进企业：海外安全培训")
    )


def test_invite_creates_an_invitation_per_address(event, make_user):
    office = make_user(email="office@example.org")
    invitations = invite(event, ["a@example.org", "b@example.org"], invited_by=office)
    assert [invitation.email for invitation in invitations] == ["a@example.org", "b@example.org"]
    assert all(invitation.invited_by == office for invitation in invitations)
    assert Invitation.objects.filter(event=event).count() == 2


def test_each_invited_address_gets_its_personal_registration_link(event):
    (invitation,) = invite(event, ["a@example.org"])
    message = Message.objects.get(recipient="a@example.org")
    assert f"https://portal.example.org/zh-hans/events/invitation/{invitation.token}/" in message.body_text
    assert "走进企业：海外安全培训" in message.subject


def test_the_invitation_email_can_be_in_english(event):
    invite(event, ["a@example.org"], language="en")
    message = Message.objects.get(recipient="a@example.org")
    assert message.language == "en"
    assert "/en/events/invitation/" in message.body_text


def test_duplicates_in_any_letter_case_are_invited_once(event):
    invitations = invite(event, ["a@example.org", "A@Example.org", " a@example.org "])
    assert len(invitations) == 1
    assert Message.objects.filter(recipient__iexact="a@example.org").count() == 1


def test_inviting_again_reuses_the_invitation_and_its_link(event):
    (first,) = invite(event, ["a@example.org"])
    (again,) = invite(event, ["A@EXAMPLE.ORG"])
    assert again == first
    assert again.token == first.token
    assert Invitation.objects.count() == 1


def test_addresses_can_be_given_as_text_one_a_line_or_with_commas(event):
    invitations = invite(event, "a@example.org\nb@example.org, c@example.org；d@example.org")
    assert len(invitations) == 4


def test_an_invalid_address_invites_nobody_and_names_it(event):
    with translation.override("en"), pytest.raises(ValueError) as error:
        invite(event, ["a@example.org", "not-an-address", "b@example"])
    assert "not-an-address" in str(error.value)
    assert "b@example" in str(error.value)
    assert not Invitation.objects.exists()
    assert not Message.objects.exists()


def test_an_invited_person_can_register_with_their_invitation(event):
    (invitation,) = invite(event, ["a@example.org"])
    result = registrations.register(
        event, name="王经理", email="a@example.org", language="zh-hans", invitation=invitation
    )
    assert result.outcome == "confirmed"
