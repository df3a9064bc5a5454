"""Inviting people who have no account yet, and telling people with one that they were added.

Nobody is given an account behind their back: sign-up records consent to the privacy notice
(accounts/adapter.py). An invitation is a membership without a user, holding the email, the name and a
random `invite_token`; its email links to /<language>/my/organisations/invitation/<token>/, which keeps
the token in the session and sends the person to sign-up with their address filled in. When they sign
up (allauth's `user_signed_up`) or sign in holding the token, the invitation gets the account and, unless
a guardian's consent is still needed, becomes current.

Invitations go out in one batch (`outbox.queue_messages`: one INSERT, one task). A new person's language
is not known: the inviting manager's is the best guess (the email says, in that language, that they can
choose their own at sign-up). A batch renders each language once with placeholders, then fills in each
person's name and link, so 10,000 invitations cost two renders, not 10,000.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.html import escape

import outbox
from home.codes import new_token
from home.links import absolute_reverse

from .members import activate, find_by_email
from .models import Membership

INVITATION_TEMPLATE = "organizations/email/member_invitation"
ADDED_TEMPLATE = "organizations/email/member_added"
INVITE_SESSION_KEY = "organizations_invite_token"

# Placeholders a template prints as they are (no filter); filled per recipient after rendering.
NAME_SLOT = "@@member-name@@"
LINK_SLOT = "@@member-link@@"


def invitation_url(language, token):
    return absolute_reverse(language, "organizations:invitation", token=token)


def _language(language):
    languages = dict(settings.LANGUAGES)
    return language if language in languages else settings.LANGUAGE_CODE


def _batch(memberships, template, language_of, link_of, dedupe_key_of, extra=None):
    """One message per membership, each language rendered once with the slots filled per person."""
    rendered = {}
    messages = []
    for membership in memberships:
        language = _language(language_of(membership))
        name = membership.name or (membership.user.name if membership.user_id else "")
        key = (language, membership.role, bool(name))
        if key not in rendered:
            context = {
                "organization": membership.organization,
                "member_name": NAME_SLOT if name else "",
                "link": LINK_SLOT,
                "as_manager": membership.role == Membership.Role.MANAGER,
                **(extra or {}),
            }
            rendered[key] = outbox.render_email(template, context, language)
        subject, text, html = rendered[key]
        link = link_of(membership, language)
        messages.append(
            {
                "to": membership.user.email if membership.user_id else membership.email,
                "subject": subject,
                "body_text": text.replace(NAME_SLOT, name).replace(LINK_SLOT, link),
                "body_html": html.replace(NAME_SLOT, escape(name)).replace(LINK_SLOT, escape(link)),
                "language": language,
                "dedupe_key": dedupe_key_of(membership),
            }
        )
    return outbox.queue_messages(messages) if messages else []


def invite(memberships, language=None):
    """Email each invitation (memberships without a user) its sign-up link, in one batch, in
    `language` (the inviting manager's)."""
    bases = {}  # the link with a stand-in token, reversed once per language

    def link_of(membership, language):
        if language not in bases:
            bases[language] = invitation_url(language, LINK_SLOT)
        return bases[language].replace(LINK_SLOT, membership.invite_token)

    return _batch(
        memberships,
        INVITATION_TEMPLATE,
        language_of=lambda membership: language,
        link_of=link_of,
        dedupe_key_of=lambda membership: f"organizations:invitation:{membership.pk}",
    )


def tell_added(memberships):
    """Tell people with an account that they were added, each in their preferred language."""
    links = {}  # My portal's address, reversed once per language
    return _batch(
        memberships,
        ADDED_TEMPLATE,
        language_of=lambda membership: membership.user.preferred_language,
        link_of=lambda membership, language: (
            links.get(language) or links.setdefault(language, absolute_reverse(language, "my_portal"))
        ),
        dedupe_key_of=lambda membership: f"organizations:added:{membership.pk}",
    )


def open_invitation(token):
    """The invitation holding `token` (not yet accepted, not withdrawn), or None."""
    if not token:
        return None
    return (
        Membership.objects.select_related("organization")
        .filter(invite_token=token, user__isnull=True, ended_at__isnull=True)
        .first()
    )


def accept(invitation, user):
    """Give the invitation to `user`; it becomes current unless a guardian's consent is still needed.
    Returns the membership the person holds in the organisation now (a live one they already had wins:
    the invitation is then closed)."""
    with transaction.atomic():
        invitation = Membership.objects.select_for_update().filter(pk=invitation.pk).first()
        if invitation is None or invitation.user_id is not None or invitation.ended_at is not None:
            return None
        existing = (
            Membership.objects.filter(organization_id=invitation.organization_id, user=user, ended_at=None)
            .select_related("organization")
            .first()
        )
        if existing is not None:
            invitation.ended_at = timezone.now()
            invitation.invite_token = None
            invitation.save(update_fields=["ended_at", "invite_token"])
            return existing
        invitation.user = user
        invitation.invite_token = None
        invitation.name = invitation.name or user.name
        invitation.save(update_fields=["user", "invite_token", "name"])
        activate(invitation)
    return invitation


def accept_for(user, token=None):
    """On sign-up or sign-in: the invitation whose token the session holds, and every open invitation
    to the account's address once that address is verified (a token proves the mailbox too)."""
    accepted = []
    invitation = open_invitation(token)
    if invitation is not None:
        membership = accept(invitation, user)
        if membership is not None:
            accepted.append(membership)
    if user_email_verified(user):
        invitations = (
            Membership.objects.alias(address=Lower("email"))
            .filter(address=user.email.lower(), user__isnull=True, ended_at__isnull=True)
            .select_related("organization")
        )
        for invitation in invitations:
            membership = accept(invitation, user)
            if membership is not None:
                accepted.append(membership)
    return accepted


def user_email_verified(user):
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def add_person(organization, *, email, name, role, added_by, source=Membership.Source.MANAGER, user=None):
    """Add someone by email: an existing account joins now (and is told); anyone else is invited.
    Returns (membership, created)."""
    existing = find_by_email(organization, email)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            if user is not None:
                membership = Membership.objects.create(
                    organization=organization,
                    user=user,
                    email=user.email,
                    name=user.name or name,
                    role=role,
                    source=source,
                )
                activate(membership)
                tell_added([membership])
            else:
                membership = Membership.objects.create(
                    organization=organization,
                    email=email,
                    name=name,
                    role=role,
                    source=source,
                    invite_token=new_token(),
                )
                invite([membership], language=getattr(added_by, "preferred_language", None))
    except IntegrityError:  # added at the same moment by another manager
        return find_by_email(organization, email), False
    return membership, True
