"""Contexts for the organisations room's emails in tests/outbox/test_every_email.py, one builder per
template (``organizations/email/<name>``): ``CONTEXTS[name](language, full) -> (context, data)``, where
`data` lists the strings the context carries (names, titles) that the language checks leave out.
Each part of the room adds its own emails' builders here."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from organizations.applications import decision_context
from organizations.models import Organization, ServiceRequest
from tests.accounts.factories import UserFactory
from tests.organizations import factories as f

CONTEXTS = {}


def builder(*names):
    def register(function):
        for name in names:
            CONTEXTS[name] = function
        return function

    return register


def _applicant(language, full):
    name = ("王经理", "Wang Li")[language == "en"]
    return UserFactory(name=name if full else "", preferred_language=language)


@builder("approved", "rejected")
def decision(language, full, name):
    status = Organization.Status.APPROVED if name == "approved" else Organization.Status.REJECTED
    applicant = _applicant(language, full)
    reason = ("营业执照信息已核实。", "The licence was checked.")[language == "en"]
    contact = ("王经理", "Wang Li")[language == "en"]
    organization = f.OrganizationFactory(
        name="海通贸易有限公司",
        applicant=applicant,
        contact_name=contact,
        status=status,
        decision_reason=reason if full else "",
    )
    return decision_context(organization, language), [organization.name, applicant.name, contact, reason]


@builder("service_request_status")
def service_request_status(language, full, name):
    requester = _applicant(language, full)
    organization = f.OrganizationFactory(name="海通贸易有限公司")
    status = ServiceRequest.Status.SCHEDULED if full else ServiceRequest.Status.DECLINED
    row = ServiceRequest.objects.create(
        organization=organization,
        requested_by=requester,
        kind=ServiceRequest.Kind.BRIEFING,
        preferred_dates="三月下旬",
        audience_size=40,
        language=language,
        status=status,
    )
    with translation.override(language):
        url = settings.PORTAL_BASE_URL + reverse(
            "organizations:service_requests", kwargs={"organization_id": organization.pk}
        )
        context = {
            "service_request": row,
            "organization": organization,
            "kind": str(ServiceRequest.Kind(row.kind).label),
            "status": row.status,
            "status_text": str(ServiceRequest.Status(row.status).label),
            "name": requester.name,
            "requests_url": url,
        }
    return context, [organization.name, requester.name, row.preferred_dates]


@builder("assignment_reminder")
def assignment_reminder(language, full, name):
    """The dashboard part's reminder: a course (full) or a quiz, due in a week, tomorrow or overdue."""
    import datetime

    from training.completion import beijing_today

    title = ("外派员工行前安全课", "Safety before a posting abroad")[language == "en"]
    organization_name = "海通贸易有限公司"
    context = {
        "organization_name": organization_name,
        "title": title,
        "due_on": beijing_today() + datetime.timedelta(days=7 if full else -2),
        "days_left": 7 if full else -2,
        "kind": "due-in-7-days" if full else "overdue",
        "is_quiz": not full,
        "url": f"{settings.PORTAL_BASE_URL}/{language}/courses/posting/",
    }
    return context, [organization_name, title]


@builder("member_invitation", "member_added")
def member_email(language, full, name):
    """The members part: an invitation to sign up (full: as a manager) or "you were added"; the name
    missing in the bare variant. organizations/invitations.py fills the name and link in after
    rendering; here they are rendered directly, which reads the same."""
    organization = f.OrganizationFactory(name="海通贸易有限公司")
    member_name = ("张三", "Zhang San")[language == "en"] if full else ""
    context = {
        "organization": organization,
        "member_name": member_name,
        "link": f"{settings.PORTAL_BASE_URL}/{language}/my/organisations/invitation/abc/",
        "as_manager": full,
    }
    return context, [organization.name, member_name]
