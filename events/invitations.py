"""Invitations to private events: a personal registration link by email.

`invite(event, emails)` checks every address first and invites nobody when one is not valid, so the
office can correct the list and send it again without inviting anyone twice.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from . import notifications
from .models import Invitation

SEPARATORS = re.compile(r"[\s,;，；、]+")


def split_emails(emails):
    """A list of addresses from a list, or from text with one or more per line (commas work too)."""
    if isinstance(emails, str):
        emails = SEPARATORS.split(emails)
    return [email.strip() for email in emails if email and email.strip()]


def unique_emails(emails):
    """The addresses in order, each once whatever its letter case; raises ValueError for bad ones."""
    seen, unique, invalid = set(), [], []
    for email in split_emails(emails):
        try:
            validate_email(email)
        except ValidationError:
            invalid.append(email)
            continue
        if email.lower() not in seen:
            seen.add(email.lower())
            unique.append(email)
    if invalid:
        raise ValueError(
            _("These email addresses are not valid; nobody was invited: %(emails)s")
            % {"emails": ", ".join(invalid)}
        )
    return unique


def invitation_for(event, email, invited_by):
    existing = (
        Invitation.objects.alias(email_lower=Lower("email"))
        .filter(event=event, email_lower=email.lower())
        .first()
    )
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Invitation.objects.create(event=event, email=email, invited_by=invited_by)
    except IntegrityError:  # invited at the same moment by someone else
        return Invitation.objects.alias(email_lower=Lower("email")).get(
            event=event, email_lower=email.lower()
        )


def invite(event, emails, invited_by=None, language=None):
    """Invite each address (once, whatever its letter case) to `event` and email a personal link.

    An address invited before keeps its invitation (and link); it is emailed again at most once a
    day. Raises ValueError listing the addresses that are not valid, and then invites nobody.
    `language`: of the emails (default: the site's first language).
    """
    addresses = unique_emails(emails)
    language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with transaction.atomic():
        invitations = [invitation_for(event, email, invited_by) for email in addresses]
        for invitation in invitations:
            invitation.event = event
            notifications.send_invitation(invitation, language)
    return invitations
