"""Who works with registrations, which invitations this browser holds, and whose address is whose.

Staff with either permission may see an invitation-only event and register anyone for it. An
invitation link keeps its token in the visitor's session (the newest few), so the event page and its
registration form know the visitor was invited.
"""

from allauth.account.models import EmailAddress

from .models.records import Invitation

STAFF_PERMISSIONS = ("events.manage_registrations", "events.check_in")
INVITATIONS_SESSION_KEY = "event_invitations"
INVITATIONS_KEPT = 20


def is_own_address(user, email):
    """Whether `email` is one of the signed-in person's verified addresses (an unverified one proves
    nothing about who owns it)."""
    if user is None or not user.is_authenticated:
        return False
    return EmailAddress.objects.filter(user=user, verified=True, email__iexact=email.strip()).exists()


def is_staff(user):
    """Staff who work with registrations (the superuser holds every permission)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and any(user.has_perm(name) for name in STAFF_PERMISSIONS)
    )


def invitation_tokens(request):
    """The invitation tokens the invitation links left in this visitor's session (the newest few)."""
    tokens = request.session.get(INVITATIONS_SESSION_KEY) or []
    if not isinstance(tokens, list):
        return []
    return [token for token in tokens if isinstance(token, str)][-INVITATIONS_KEPT:]


def remember_invitation(request, token):
    """Keep an opened invitation's token in the session, the newest last."""
    kept = [kept for kept in invitation_tokens(request) if kept != token]
    request.session[INVITATIONS_SESSION_KEY] = kept[-(INVITATIONS_KEPT - 1) :] + [token]


def invitation_in_session(request, event):
    """The invitation to `event` whose link this browser opened, if any."""
    tokens = invitation_tokens(request)
    if not tokens:
        return None
    return Invitation.objects.filter(event=event, token__in=tokens).first()
