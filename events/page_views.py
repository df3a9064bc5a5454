"""An event page: what, when (Beijing time), where, who speaks, for whom, places left, the registration
box and, after the event, the report. The online joining link never appears here: it goes only to
registered people (their email and "My events").

An invitation-only event answers 404 to everyone except staff who work with registrations and people
holding a valid invitation for it (the invitation link keeps its token in the session).
"""

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from .listing import EventCard
from .models import Event, Invitation
from .sync import event_for
from .templatetags.event_tags import map_link

STAFF_PERMISSIONS = ("events.manage_registrations", "events.check_in")
INVITATIONS_SESSION_KEY = "event_invitations"


def invitation_tokens(request):
    """The invitation tokens the invitation link left in this visitor's session (the newest few)."""
    tokens = request.session.get(INVITATIONS_SESSION_KEY, [])
    return [token for token in tokens if isinstance(token, str)][-20:] if isinstance(tokens, list) else []


def shared_event(page, request, preview):
    """The page's Event; for an invitation-only page, annotated with `invited` (does this session hold
    an invitation to it?) in the same query."""
    events = Event.objects.filter(translation_key=page.translation_key)
    tokens = invitation_tokens(request) if page.is_private else []
    if tokens:
        events = events.annotate(
            invited=Exists(Invitation.objects.filter(event=OuterRef("pk"), token__in=tokens))
        )
    event = events.first()
    # A preview shows a draft: it must not create the shared Event of a page never published.
    if event is None and not preview:
        event = event_for(page)
    return event


def may_see_private_event(request, event):
    """Staff who work with registrations, an editor previewing, someone invited to this event."""
    if getattr(request, "is_preview", False):
        return True
    if event is not None and getattr(event, "invited", False):
        return True
    user = request.user
    return user.is_authenticated and any(user.has_perm(name) for name in STAFF_PERMISSIONS)


def event_page(request, page):
    preview = getattr(request, "is_preview", False)
    event = shared_event(page, request, preview)
    if page.is_private and not may_see_private_event(request, event):
        raise Http404
    now = timezone.now()
    url = page.get_url(request) or ""
    card = EventCard(
        page, list(page.audiences.all()), now, cancelled_at=event.cancelled_at if event else None
    )
    response = page.render(
        request,
        context_overrides={
            "event": event,
            "card": card,
            "speakers": [block.value for block in page.speakers],
            "map_url": map_link(page),
            "is_past": card.is_past,
            # An event sits directly in its index: the index's URL is the event's without the slug.
            "index_url": url[: url.rstrip("/").rfind("/") + 1],
        },
    )
    if page.is_private:
        # Shown to some people and not others: no shared cache may keep it.
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
    return response
