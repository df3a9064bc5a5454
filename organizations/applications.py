"""Applying for an organisation and the office's decision.

A signed-in person applies (organizations/application_views.py); an officer holding
`organizations.approve_organization` approves or rejects the application with a reason in the admin
(organizations/admin_views.py). Deciding is a conditional update on the status, so a double click or
two officers at once decide once; approving makes the applicant the organisation's first manager in the
same transaction, and the applicant is emailed in their preferred language (outbox, one message per
decision: `organizations:approved:<id>` / `organizations:rejected:<id>`).
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

import outbox

from .models import Membership, Organization

Status = Organization.Status


def applicant_language(organization):
    applicant = organization.applicant
    language = getattr(applicant, "preferred_language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def decision_context(organization, language):
    with translation.override(language):
        applications_url = settings.PORTAL_BASE_URL + reverse("organizations:applications")
        dashboard_url = ""
        if organization.is_approved:
            try:
                dashboard_url = settings.PORTAL_BASE_URL + reverse(
                    "organizations:dashboard", kwargs={"organization_id": organization.pk}
                )
            except Exception:  # the dashboard part may not be built yet
                dashboard_url = ""
        kind = str(Organization.Kind(organization.kind).label)
    applicant = organization.applicant
    return {
        "organization": organization,
        "kind": kind,
        "name": (applicant.name if applicant else "") or organization.contact_name,
        "reason": organization.decision_reason,
        "applications_url": applications_url,
        "dashboard_url": dashboard_url or applications_url,
    }


def _decide(organization_id, status, officer, reason):
    """Set a pending application's decision once; returns the organisation, or None when it was
    already decided (nothing changed)."""
    now = timezone.now()
    changed = Organization.objects.filter(pk=organization_id, status=Status.PENDING).update(
        status=status, decided_at=now, decided_by=officer, decision_reason=reason
    )
    if not changed:
        return None
    return Organization.objects.select_related("applicant").get(pk=organization_id)


def _tell_applicant(organization, template):
    email = organization.applicant.email if organization.applicant else organization.contact_email
    language = applicant_language(organization)
    outbox.send(
        email,
        f"organizations/email/{template}",
        decision_context(organization, language),
        language=language,
        dedupe_key=f"organizations:{template}:{organization.pk}",
    )


@transaction.atomic
def approve(organization_id, officer, reason=""):
    """Approve a pending application: its applicant becomes the first manager; None if already decided."""
    organization = _decide(organization_id, Status.APPROVED, officer, reason)
    if organization is None:
        return None
    applicant = organization.applicant
    if applicant is not None:
        live = Membership.objects.filter(organization=organization, user=applicant, ended_at__isnull=True)
        if not live.update(role=Membership.Role.MANAGER, joined_at=timezone.now()):
            Membership.objects.create(
                organization=organization,
                user=applicant,
                email=applicant.email,
                name=applicant.name,
                role=Membership.Role.MANAGER,
                source=Membership.Source.APPLICATION,
                joined_at=timezone.now(),
            )
    _tell_applicant(organization, "approved")
    return organization


@transaction.atomic
def reject(organization_id, officer, reason):
    """Reject a pending application with a reason; None if already decided."""
    organization = _decide(organization_id, Status.REJECTED, officer, reason)
    if organization is None:
        return None
    _tell_applicant(organization, "rejected")
    return organization
