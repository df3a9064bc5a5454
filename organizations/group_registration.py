"""A manager registers chosen members for a public event in one step: one `events.registration.register`
per member (their own registration, email and "My events" entry, under the event's capacity, waitlist
and row lock), with the organisation's name. Invitation-only events are never offered here: they are
reached through invitations (service requests).
"""

from dataclasses import dataclass

from django.db.models import Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _

from events.availability import open_public_events
from events.registration import InvitationRequired, Outcome, RegistrationClosed, register

from .models import Membership

# Members registered in one submission at most (each is a locked transaction and an email).
MAX_MEMBERS = 200


class Result:
    CONFIRMED = Outcome.CONFIRMED.value
    WAITLISTED = Outcome.WAITLISTED.value
    ALREADY_REGISTERED = Outcome.ALREADY_REGISTERED.value
    CLOSED = "closed"

    LABELS = {
        CONFIRMED: _("Confirmed"),
        WAITLISTED: _("On the waitlist"),
        ALREADY_REGISTERED: _("Already registered"),
        CLOSED: _("Registration closed"),
    }


@dataclass(frozen=True)
class MemberOutcome:
    name: str
    result: str

    @property
    def label(self):
        return Result.LABELS[self.result]


def offered_events(at=None):
    """The public events open for registration now (invitation-only ones never)."""
    return open_public_events(at)


def _members(organization):
    return (
        Membership.objects.current()
        .filter(organization=organization)
        .select_related("user")
        .annotate(shown_name=Coalesce(NullIf("user__name", Value("")), "name"))
        .order_by("group_label", "shown_name", "pk")
    )


def candidates(organization, group=None):
    """The members offered as checkboxes (of one group, or everyone): MAX_MEMBERS at most (one query)."""
    members = _members(organization)
    if group is not None:
        members = members.filter(group_label=group)
    return list(members[:MAX_MEMBERS])


def chosen_members(organization, membership_ids):
    """The organisation's current members among `membership_ids`, with their accounts (one query)."""
    return list(_members(organization).filter(pk__in=list(membership_ids)[:MAX_MEMBERS]))


def register_members(event, organization, memberships):
    """Register each member in their preferred language; [MemberOutcome] in the same order. Once
    registration closes (the event started, was cancelled, or is full with its waitlist closed), the
    rest are told "closed" too."""
    outcomes = []
    closed = False
    for membership in memberships:
        user = membership.user
        name = user.name or membership.name or user.email
        if closed:
            outcomes.append(MemberOutcome(name, Result.CLOSED))
            continue
        try:
            result = register(
                event,
                name=name,
                email=user.email,
                language=user.preferred_language,
                organisation=organization.name,
                user=user,
            )
        except (RegistrationClosed, InvitationRequired):
            closed = True
            outcomes.append(MemberOutcome(name, Result.CLOSED))
            continue
        outcomes.append(MemberOutcome(name, result.outcome.value))
    return outcomes
