"""Join links and codes: one per organisation (or per group), random, rotated or switched off by a
manager; a signed-in person who holds one joins the organisation (and the link's group).

Rotating gives a new token and a new code, so every link and code given out before stops working.
Joining is rate-limited by the view (home.public_forms), keyed on the client address and the account's
email; it never creates a second live membership (the database's constraint decides a race).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.codes import new_code, new_token
from home.public_forms import RateLimits

from .members import activate, find_by_email
from .models import JoinLink, Membership, Organization

RATE_LIMITS = RateLimits(
    "organizations-join", address_and_email=(10, 3600), email=(20, 3600), address=(300, 3600)
)

CODE_LENGTH = 8
ATTEMPTS = 5


def _fresh_values():
    return {"token": new_token(), "code": new_code(CODE_LENGTH), "rotated_at": timezone.now()}


def _save_fresh(save):
    """Retry the rare clash of a random code with another link's."""
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                return save(_fresh_values())
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    return None


def create_link(organization, group_label=""):
    """The organisation's (or group's) link, made if it has none; an existing one is returned as it is."""
    group_label = group_label.strip()
    existing = JoinLink.objects.filter(organization=organization, group_label=group_label).first()
    if existing is not None:
        return existing
    try:
        return _save_fresh(
            lambda values: JoinLink.objects.create(
                organization=organization, group_label=group_label, **values
            )
        )
    except IntegrityError:  # made at the same moment by another manager
        return JoinLink.objects.get(organization=organization, group_label=group_label)


def rotate(link):
    """A new token and code (and the link switched on): the old ones stop working."""

    def save(values):
        JoinLink.objects.filter(pk=link.pk).update(enabled=True, **values)
        for name, value in values.items():
            setattr(link, name, value)
        link.enabled = True
        return link

    return _save_fresh(save)


def switch(link, enabled):
    JoinLink.objects.filter(pk=link.pk).update(enabled=enabled)
    link.enabled = enabled
    return link


def usable_link(*, token=None, code=None):
    """The enabled link of an approved organisation for `token` or `code`, or None."""
    links = JoinLink.objects.select_related("organization").filter(
        enabled=True, organization__status=Organization.Status.APPROVED
    )
    if token:
        return links.filter(token=token).first()
    code = "".join((code or "").split()).upper()
    if code:
        return links.filter(code=code).first()
    return None


def join(link, user, *, under_14=False):
    """Make `user` a member through `link`. Returns (membership, created). A person already in the
    organisation (current, or awaiting consent) gets their membership back, unchanged. An open
    invitation to their address is taken over (it becomes theirs, with the link's group if it had none).
    `under_14` (a school member says so) leaves the membership waiting for a guardian's consent."""
    organization = link.organization
    under_14 = under_14 and organization.kind == Organization.Kind.SCHOOL
    with transaction.atomic():
        existing = find_by_email(organization, user.email)
        if existing is not None and existing.user_id is not None:
            return existing, False
        if existing is not None:  # an invitation to this address
            existing.user = user
            existing.invite_token = None
            existing.group_label = existing.group_label or link.group_label
            existing.under_14 = existing.under_14 or under_14
            existing.name = existing.name or user.name
            existing.save(update_fields=["user", "invite_token", "group_label", "under_14", "name"])
            activate(existing)
            return existing, True
        try:
            with transaction.atomic():
                membership = Membership.objects.create(
                    organization=organization,
                    user=user,
                    email=user.email,
                    name=user.name,
                    group_label=link.group_label,
                    source=Membership.Source.JOIN_LINK,
                    under_14=under_14,
                )
        except IntegrityError:  # the same person joining twice at once
            return Membership.objects.get(organization=organization, user=user, ended_at__isnull=True), False
        activate(membership)
    return membership, True


def joined_message(membership, created):
    if not created:
        return _("You are already a member of %(organization)s.") % {"organization": membership.organization}
    if membership.joined_at is None:
        return _(
            "You have joined %(organization)s. Your membership starts once your school records a "
            "guardian's consent."
        ) % {"organization": membership.organization}
    return _("You have joined %(organization)s.") % {"organization": membership.organization}
