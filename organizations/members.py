"""An organisation's people: who is current, invited or waiting for a guardian's consent, and what a
manager may change (group and number, role, age, consent, removal).

Under 14 is recorded, never guessed (issue 17): a school member is under 14 when the membership's
`under_14` flag is set, or when its `birth_year` says they may still be 13 in the current Beijing year.
With a year only, a child born in 2012 may be 13 or 14 during 2026: they count as under 14 until the
year ends (consent asked for once too often, never once too rarely).

A membership becomes current (`joined_at` set) only once it has an account and, for a school member
under 14, a guardian's consent is recorded; then `enrol_new_member` gives them the organisation's
assignments.
"""

from django.db import transaction
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from .assignments import enrol_new_member
from .models import Membership, Organization

UNDER_14_AGE = 14


class MemberStatus:
    ACTIVE = "active"
    INVITED = "invited"
    AWAITING_CONSENT = "awaiting-consent"

    @staticmethod
    def labels():
        return {
            MemberStatus.ACTIVE: _("Active"),
            MemberStatus.INVITED: _("Invited"),
            MemberStatus.AWAITING_CONSENT: _("Awaiting guardian consent"),
        }


class MembershipError(Exception):
    """A change a manager may not make; the message says why, in the reader's language."""


def beijing_year():
    return timezone.localdate().year


def under_14_q(year=None):
    """Memberships recorded as under 14 (for any organisation: callers add the school check)."""
    year = year or beijing_year()
    return Q(under_14=True) | Q(birth_year__gte=year - UNDER_14_AGE)


def is_under_14(membership, organization=None, year=None):
    """Whether the recorded age makes this school member need a guardian's consent."""
    organization = organization or membership.organization
    if organization.kind != Organization.Kind.SCHOOL:
        return False
    if membership.under_14:
        return True
    year = year or beijing_year()
    return membership.birth_year is not None and membership.birth_year >= year - UNDER_14_AGE


def needs_consent(membership, organization=None):
    return is_under_14(membership, organization) and membership.guardian_consent_at is None


def status_of(membership):
    if membership.user_id is None:
        return MemberStatus.INVITED
    if membership.joined_at is None:
        return MemberStatus.AWAITING_CONSENT
    return MemberStatus.ACTIVE


def listed(organization):
    """The organisation's memberships that have not ended (current, invited, awaiting consent), with
    a `status` annotation computed in the database."""
    return (
        Membership.objects.filter(organization=organization, ended_at__isnull=True)
        .select_related("user")
        .annotate(
            status=Case(
                When(user__isnull=True, then=Value(MemberStatus.INVITED)),
                When(joined_at__isnull=True, then=Value(MemberStatus.AWAITING_CONSENT)),
                default=Value(MemberStatus.ACTIVE),
            )
        )
    )


def search(memberships, text):
    text = (text or "").strip()[:100]
    if not text:
        return memberships
    return memberships.filter(
        Q(name__icontains=text)
        | Q(user__name__icontains=text)
        | Q(email__icontains=text)
        | Q(user__email__icontains=text)
        | Q(group_label__icontains=text)
        | Q(member_number__icontains=text)
    )


def on_becoming_current(membership):
    """Whatever the organisation gives a person who has just joined (its assignments)."""
    enrol_new_member(membership)


def activate(membership, *, now=None):
    """Set `joined_at` when the membership may be current now (an account, and consent where needed).
    Saves it; returns True when it became current."""
    if membership.joined_at is not None or membership.user_id is None or membership.ended_at is not None:
        return False
    if needs_consent(membership):
        return False
    membership.joined_at = now or timezone.now()
    membership.save(update_fields=["joined_at"])
    transaction.on_commit(lambda: on_becoming_current(membership))
    return True


def current_managers(organization, *, lock=False):
    managers = Membership.objects.managers().filter(organization=organization)
    if lock:
        managers = managers.select_for_update()
    return managers


def member_of(organization, membership_id):
    """One of the organisation's memberships that has not ended, or Membership.DoesNotExist."""
    return Membership.objects.select_related("user", "organization").get(
        pk=membership_id, organization=organization, ended_at__isnull=True
    )


def change_details(membership, *, group_label, member_number, birth_year, under_14):
    membership.group_label = group_label
    membership.member_number = member_number
    membership.birth_year = birth_year
    membership.under_14 = under_14
    membership.save(update_fields=["group_label", "member_number", "birth_year", "under_14"])
    return activate(membership)


def record_guardian_consent(membership, *, guardian_name, recorded_by, now=None):
    """A guardian's consent for a school member under 14: who consented, who recorded it, when. The
    membership becomes current if it has an account."""
    if not is_under_14(membership):
        raise MembershipError(_("This member is not recorded as under 14: no consent is needed."))
    if membership.guardian_consent_at is not None:
        raise MembershipError(_("A guardian's consent is already recorded for this member."))
    membership.guardian_name = guardian_name
    membership.guardian_consent_at = now or timezone.now()
    membership.consent_recorded_by = recorded_by
    membership.save(update_fields=["guardian_name", "guardian_consent_at", "consent_recorded_by"])
    activate(membership)


def set_role(membership, role, *, changed_by):
    """Make a current member a manager, or a manager a member (never the last manager)."""
    with transaction.atomic():
        if role == Membership.Role.MEMBER and membership.role == Membership.Role.MANAGER:
            managers = list(current_managers(membership.organization, lock=True).values_list("pk", flat=True))
            if managers == [membership.pk]:
                raise MembershipError(_("An organisation keeps at least one manager."))
        if role == Membership.Role.MANAGER and not membership.is_current and membership.user_id is not None:
            raise MembershipError(_("Only a current member can become a manager."))
        membership.role = role
        membership.save(update_fields=["role"])


def remove(membership, *, removed_by, now=None):
    """End the membership (its records stay). The last manager cannot be removed."""
    with transaction.atomic():
        if membership.role == Membership.Role.MANAGER:
            managers = list(current_managers(membership.organization, lock=True).values_list("pk", flat=True))
            if managers == [membership.pk]:
                raise MembershipError(_("An organisation keeps at least one manager: add another first."))
        updated = Membership.objects.filter(pk=membership.pk, ended_at__isnull=True).update(
            ended_at=now or timezone.now(), ended_by=removed_by, invite_token=None
        )
    return bool(updated)


def find_by_email(organization, email):
    """The organisation's open membership for `email` (an account's or an invitation's), or None."""
    email = email.strip().lower()
    return (
        Membership.objects.filter(organization=organization, ended_at__isnull=True)
        .alias(invited=Lower("email"), account=Lower("user__email"))
        .filter(Q(account=email) | Q(user__isnull=True, invited=email))
        .select_related("user")
        .first()
    )
