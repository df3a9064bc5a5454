import pytest
from django.http import Http404
from django.test import RequestFactory

from organizations.access import managed_by, managed_organization
from organizations.models import Organization
from tests.accounts.factories import UserFactory, staff_user
from tests.organizations import factories as f


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_only_current_managers_open_an_organisation(organization, manager):
    assert managed_organization(request_for(manager), organization.pk) == organization
    member = f.member_of(organization).user
    other_manager = f.manager_of(f.OrganizationFactory()).user
    for person in (member, other_manager, UserFactory()):
        with pytest.raises(Http404):
            managed_organization(request_for(person), organization.pk)
    assert list(managed_by(manager)) == [organization]


def test_an_ended_manager_or_a_pending_organisation_gets_nothing(organization, manager):
    membership = manager.memberships.get()
    membership.ended_at = membership.joined_at
    membership.save()
    with pytest.raises(Http404):
        managed_organization(request_for(manager), organization.pk)
    pending = f.OrganizationFactory(status=Organization.Status.PENDING)
    applicant = f.manager_of(pending).user
    with pytest.raises(Http404):
        managed_organization(request_for(applicant), pending.pk)


def test_officers_with_view_all_read_any_dashboard_but_do_not_manage(organization):
    officer = staff_user(permissions=["organizations.view_all"])
    assert managed_organization(request_for(officer), organization.pk, read_only=True) == organization
    with pytest.raises(Http404):
        managed_organization(request_for(officer), organization.pk)
