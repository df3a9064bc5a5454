"""Service requests (服务包): an organisation asks the office for an on-site briefing, a lecture or an
exhibition; officers holding `organizations.handle_service_request` handle them in the admin.

Each change of status is a conditional update (a double click changes it once) and emails the person
who asked (or, if they have gone, the organisation's contact) once per status:
`organizations:service-request-<status>:<id>`. Scheduling makes a draft invitation-only `EventPage`
under the events index in the request's language, prefilled with the organisation, the audience and
the agreed time; once the page is published (its shared `events.Event` is made by the usual workflow),
the members the officer chooses are invited through `events.invitations.invite`, once per language.
"""

from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

import outbox
from events.invitations import invite
from events.models import EventIndexPage, EventPage, EventType
from events.sync import event_for

from .models import Membership, Organization, ServiceRequest

Status = ServiceRequest.Status


class NoEventIndexError(Exception):
    """There is no events index in the request's language to put the event under."""


def create(form, organization, user, language):
    service_request = form.save(commit=False)
    service_request.organization = organization
    service_request.requested_by = user
    service_request.language = language
    with transaction.atomic():
        service_request.save()
        form.save_m2m()
    return service_request


def recipient(service_request):
    """(email, language) of whom to tell about the request: who asked, else the organisation's contact."""
    person = service_request.requested_by
    if person is not None:
        return person.email, person.preferred_language
    return service_request.organization.contact_email, service_request.language


def tell_requester(service_request):
    email, language = recipient(service_request)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        requests_url = settings.PORTAL_BASE_URL + reverse(
            "organizations:service_requests", kwargs={"organization_id": service_request.organization_id}
        )
        context = {
            "service_request": service_request,
            "organization": service_request.organization,
            "kind": str(ServiceRequest.Kind(service_request.kind).label),
            "status": service_request.status,
            "status_text": str(Status(service_request.status).label),
            "name": service_request.requested_by.name if service_request.requested_by else "",
            "requests_url": requests_url,
        }
    outbox.send(
        email,
        "organizations/email/service_request_status",
        context,
        language=language,
        dedupe_key=f"organizations:service-request-{service_request.status}:{service_request.pk}",
    )


def change_status(service_request, status, **changes):
    """Move the request to `status` once (conditional on its current status) and tell the requester;
    returns True when this call changed it. `changes`: other fields saved in the same update."""
    with transaction.atomic():
        changed = (
            ServiceRequest.objects.filter(pk=service_request.pk, status=service_request.status)
            .exclude(status=status)
            .update(status=status, **changes)
        )
        if not changed:
            return False
        service_request.status = status
        for name, value in changes.items():
            setattr(service_request, name, value)
        tell_requester(service_request)
    return True


def event_type_for(organization):
    return EventType.CAMPUS if organization.kind == Organization.Kind.SCHOOL else EventType.COMPANY_VISIT


def draft_words(service_request, language):
    organization = service_request.organization
    with translation.override(language):
        kind = str(ServiceRequest.Kind(service_request.kind).label)
        title = _("%(kind)s at %(organization)s") % {"kind": kind, "organization": organization.name}
        summary = _(
            "%(kind)s for the people of %(organization)s, about %(count)s attending; by invitation only."
        ) % {"kind": kind, "organization": organization.name, "count": service_request.audience_size}
    return title[:255], summary[:400]


def schedule(service_request, officer, starts_at, ends_at, event_type=None):
    """Make the request's draft invitation-only event page and mark the request scheduled.

    Returns the page (the one made before, if any). Raises NoEventIndexError when there is no events index
    in the request's language."""
    if service_request.event_page_id:
        return service_request.event_page
    index = EventIndexPage.objects.filter(locale__language_code=service_request.language).first()
    if index is None:
        index = EventIndexPage.objects.first()
    if index is None:
        raise NoEventIndexError
    title, summary = draft_words(service_request, index.locale.language_code)
    with transaction.atomic():
        locked = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
        if locked.event_page_id:
            return locked.event_page
        slug = slugify(f"service-request-{service_request.pk}")
        page = EventPage(
            title=title,
            slug=slug,
            live=False,
            owner=officer,
            event_type=event_type or event_type_for(service_request.organization),
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=service_request.audience_size,
            is_private=True,
            registration_required=True,
            summary=summary,
        )
        index.add_child(instance=page)
        page.topics.set(service_request.topics.filter(locale=index.locale))
        page.save_revision(user=officer, log_action=True)
        ServiceRequest.objects.filter(pk=service_request.pk).update(event_page=page)
        service_request.event_page = page
        if service_request.status != Status.SCHEDULED:
            change_status(service_request, Status.SCHEDULED)
    return page


def published_event(service_request):
    """The shared Event of the request's page once the page is live; else None."""
    page = service_request.event_page
    if page is None or not EventPage.objects.filter(translation_key=page.translation_key, live=True).exists():
        return None
    return event_for(page)


def current_members(organization):
    return (
        Membership.objects.current()
        .filter(organization=organization)
        .select_related("user")
        .order_by("group_label", "name", "id")
    )


def invite_members(service_request, memberships, officer):
    """Invite the chosen current members to the request's published event, once per language (their
    preferred language). Returns how many addresses were invited; raises ValueError as invite() does."""
    event = published_event(service_request)
    if event is None:
        raise ValueError(_("The event page is not published yet: publish it first, then invite."))
    by_language = defaultdict(list)
    for membership in memberships:
        language = membership.user.preferred_language or settings.LANGUAGE_CODE
        by_language[language].append(membership.user.email)
    invited = 0
    with transaction.atomic():
        for language, emails in sorted(by_language.items()):
            invited += len(invite(event, emails, invited_by=officer, language=language))
    return invited
