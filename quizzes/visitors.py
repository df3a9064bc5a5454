"""Who is asking: a signed-in user, or a guest known by a random token kept in the session data (given
to the account when that browser signs in or up: quizzes/receivers.py), and the attempts they own.
"""

import secrets
from dataclasses import dataclass

from django.db.models import Q

from .models.attempts import Attempt

GUEST_SESSION_KEY = "quizzes_guest_token"


class AttemptNotFoundError(Exception):
    """No attempt with that public id belongs to this visitor (someone else's looks like a missing one)."""


@dataclass(frozen=True)
class Owner:
    user: object = None
    guest_token: str = ""

    @property
    def filter(self):
        if self.user is not None:
            return Q(user=self.user)
        return Q(user__isnull=True, guest_token=self.guest_token)

    def owns(self, attempt):
        if self.user is not None:
            return attempt.user_id == self.user.pk
        return attempt.user_id is None and bool(self.guest_token) and attempt.guest_token == self.guest_token


def owner_of(request, create=False):
    """The request's owner: the signed-in user, or the guest token in the session (made when `create`).
    None for a guest without a token (they have no attempts)."""
    if request.user.is_authenticated:
        return Owner(user=request.user)
    token = request.session.get(GUEST_SESSION_KEY)
    if not token and create:
        token = request.session[GUEST_SESSION_KEY] = secrets.token_urlsafe(24)
    return Owner(guest_token=token) if token else None


def attempt_for(request, public_id):
    """The request's own attempt with this public id; raises AttemptNotFoundError for any other."""
    owner = owner_of(request)
    try:
        attempt = Attempt.objects.get(public_id=public_id)
    except (Attempt.DoesNotExist, ValueError, TypeError) as error:
        raise AttemptNotFoundError from error
    if owner is None or not owner.owns(attempt):
        raise AttemptNotFoundError
    return attempt
