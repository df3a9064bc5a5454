"""Who is asking: a signed-in user, or a guest known by a random token kept in a cookie of its own
(given to the account when that browser signs in or up: quizzes/receivers.py), and the attempts they own.

The guest's token is its own cookie rather than a key in the session so that a guest (a crowd at an
exhibition stand) has no session at all: no session row is written when they start a quiz, and none is
read on every answer sheet they open or send. A token kept in the session by an earlier release is
still read.
"""

import re
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from .models.attempts import Attempt

GUEST_COOKIE = "quizzes_guest"
GUEST_SESSION_KEY = "quizzes_guest_token"  # where releases before the cookie kept it
GUEST_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")


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


def guest_token(request):
    """This browser's guest token: its cookie (anything not shaped like a token is no token), else what
    an earlier release kept in the session (read only when the browser has a session)."""
    token = request.COOKIES.get(GUEST_COOKIE, "")
    if GUEST_TOKEN.fullmatch(token):
        return token
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return request.session.get(GUEST_SESSION_KEY) or ""
    return ""


def guest_token_to_claim(request):
    """The guest token of a browser signing in or up, for its attempts to go to the account; no longer
    kept in the session, where an earlier release kept it."""
    token = guest_token(request)
    request.session.pop(GUEST_SESSION_KEY, None)
    return token


def owner_of(request, create=False):
    """The request's owner: the signed-in user, or the browser's guest token (made when `create`; the
    response then carries it: `keep_guest_token`). None for a guest without a token (they have no
    attempts)."""
    if request.user.is_authenticated:
        return Owner(user=request.user)
    token = guest_token(request)
    if not token and create:
        token = request.new_guest_token = secrets.token_urlsafe(32)
    return Owner(guest_token=token) if token else None


def keep_guest_token(request, response):
    """Give the browser the guest token `owner_of(create=True)` made for this request, if it made one:
    as private as the session cookie, and kept as long."""
    token = getattr(request, "new_guest_token", None)
    if token:
        response.set_cookie(
            GUEST_COOKIE,
            token,
            max_age=settings.SESSION_COOKIE_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite=settings.SESSION_COOKIE_SAMESITE,
        )
    return response


def attempt_for(request, public_id, lock=False):
    """The request's own attempt with this public id; raises AttemptNotFoundError for any other. With
    `lock` (inside a transaction), its row stays locked until the transaction ends."""
    owner = owner_of(request)
    rows = Attempt.objects.select_for_update() if lock else Attempt.objects
    try:
        attempt = rows.get(public_id=public_id)
    except (Attempt.DoesNotExist, ValueError, TypeError) as error:
        raise AttemptNotFoundError from error
    if owner is None or not owner.owns(attempt):
        raise AttemptNotFoundError
    return attempt
