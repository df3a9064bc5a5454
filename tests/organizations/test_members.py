"""The members page and a member's page: list, search, pagination, co-managers, group and number,
removal (an end date, records kept, never the last manager), under 14 and a guardian's consent."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from organizations import members
from organizations.models import Membership
from outbox.models import Message
from tests.accounts.factories import UserFactory
from tests.organizations import factories as f

pytestmark = pytest.mark.django_db


def members_url(organization, language="en"):
    return f"/{language}/my/organisations/{organization.pk}/members/"


def member_url(membership):
    return f"{members_url(membership.organization)}{membership.pk}/"


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


def test_reverse_names():
    assert reverse("organizations:members", kwargs={"organization_id": 3}).endswith(
        "/my/organisations/3/members/"
    )


def test_members_page_lists_name_group_number_role_and_status(manager_client, organization):
    f.member_of(organization, user=UserFactory(name="陈一"), group_label="一班", member_number="S001")
    Membership.objects.create(
        organization=organization, email="new@example.org", name="周二", source="import", invite_token="t"
    )
    page = manager_client.get(members_url(organization)).content.decode()
    assert "陈一" in page and "一班" in page and "S001" in page
    assert "周二" in page and "Invited" in page and "Active" in page and "Manager" in page


def test_members_page_in_chinese(manager_client, organization):
    response = manager_client.get(members_url(organization, "zh-hans"))
    assert response.status_code == 200
    assert "成员" in response.content.decode()


def test_search_finds_by_name_group_or_number(manager_client, organization):
    f.member_of(organization, user=UserFactory(name="陈一"), group_label="一班", member_number="S001")
    f.member_of(organization, user=UserFactory(name="林二"), group_label="二班")
    page = manager_client.get(members_url(organization), {"q": "S001"}).content.decode()
    assert "陈一" in page and "林二" not in page
    page = manager_client.get(members_url(organization), {"q": "二班"}).content.decode()
    assert "林二" in page and "陈一" not in page


def test_pagination_falls_back_with_a_notice(manager_client, organization):
    response = manager_client.get(members_url(organization), {"page": "99"})
    assert response.status_code == 200
    assert "not that many pages" in response.content.decode()


def test_members_page_queries_do_not_grow(manager_client, organization, django_assert_max_num_queries):
    counts = []
    for size in (3, 60):
        for n in range(len(counts) * 3, size):
            Membership.objects.create(
                organization=organization,
                email=f"p{n}@example.org",
                name=f"人{n}",
                source="import",
                invite_token=f"t{n}",
            )
        f.member_of(organization)
        manager_client.get(members_url(organization))  # warm the site caches
        with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as queries:
            assert manager_client.get(members_url(organization), {"page": "1"}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_someone_elses_organisation_is_404_and_nothing_changes(client, organization):
    other = f.OrganizationFactory()
    outsider = f.manager_of(other).user
    membership = f.member_of(organization, group_label="一班")
    client.force_login(outsider)
    assert client.get(members_url(organization)).status_code == 404
    assert client.get(member_url(membership)).status_code == 404
    assert client.post(member_url(membership), {"action": "remove"}).status_code == 404
    assert client.post(member_url(membership), {"action": "details", "group_label": "X"}).status_code == 404
    # Their own organisation's URL with our member's id: 404 too.
    assert client.post(f"{members_url(other)}{membership.pk}/", {"action": "remove"}).status_code == 404
    membership.refresh_from_db()
    assert membership.ended_at is None and membership.group_label == "一班"


def test_a_plain_member_cannot_open_the_page(client, organization):
    member = f.member_of(organization)
    client.force_login(member.user)
    assert client.get(members_url(organization)).status_code == 404


def test_change_group_and_number(manager_client, organization):
    membership = f.member_of(organization)
    response = manager_client.post(
        member_url(membership), {"action": "details", "group_label": "销售部", "member_number": "E7"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.group_label, membership.member_number) == ("销售部", "E7")


def test_remove_sets_an_end_date_and_keeps_the_row(manager_client, organization, manager):
    membership = f.member_of(organization)
    assert manager_client.post(member_url(membership), {"action": "remove"}).status_code == 302
    membership.refresh_from_db()
    assert membership.ended_at is not None and membership.ended_by == manager
    assert not membership.is_current


def test_the_last_manager_cannot_be_removed_or_demoted(manager_client, organization, manager):
    own = Membership.objects.get(organization=organization, user=manager)
    manager_client.post(member_url(own), {"action": "remove"})
    manager_client.post(member_url(own), {"action": "make-member"})
    own.refresh_from_db()
    assert own.ended_at is None and own.role == Membership.Role.MANAGER


def test_a_manager_can_leave_once_there_is_another(manager_client, organization, manager):
    f.manager_of(organization)
    own = Membership.objects.get(organization=organization, user=manager)
    response = manager_client.post(member_url(own), {"action": "remove"})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.ended_at is not None


def test_promote_a_current_member_to_manager(manager_client, organization):
    membership = f.member_of(organization)
    manager_client.post(member_url(membership), {"action": "make-manager"})
    membership.refresh_from_db()
    assert membership.role == Membership.Role.MANAGER


def test_add_manager_promotes_a_member_by_email(manager_client, organization):
    membership = f.member_of(organization, user=UserFactory(email="lead@example.org"))
    url = reverse("organizations:add_manager", kwargs={"organization_id": organization.pk})
    assert manager_client.post(url, {"email": "LEAD@example.org"}).status_code == 302
    membership.refresh_from_db()
    assert membership.role == Membership.Role.MANAGER


def test_add_manager_adds_an_account_and_tells_them(manager_client, organization):
    user = UserFactory(email="hr@example.org", preferred_language="en")
    url = reverse("organizations:add_manager", kwargs={"organization_id": organization.pk})
    manager_client.post(url, {"email": "hr@example.org"})
    membership = Membership.objects.get(organization=organization, user=user)
    assert membership.role == Membership.Role.MANAGER and membership.is_current
    message = Message.objects.get(dedupe_key=f"organizations:added:{membership.pk}")
    assert message.language == "en" and "managers" in message.body_text


def test_add_manager_invites_a_new_person_by_email(manager_client, organization):
    url = reverse("organizations:add_manager", kwargs={"organization_id": organization.pk})
    assert manager_client.post(url, {"email": "new.lead@example.org"}).status_code == 400  # a name is needed
    manager_client.post(url, {"email": "new.lead@example.org", "name": "新经理"})
    invitation = Membership.objects.get(organization=organization, email="new.lead@example.org")
    assert invitation.user is None and invitation.role == Membership.Role.MANAGER and invitation.invite_token
    assert Message.objects.filter(dedupe_key=f"organizations:invitation:{invitation.pk}").exists()


# Under 14 ----------------------------------------------------------------------------------------


@pytest.fixture
def school():
    return f.SchoolFactory()


def test_under_14_is_read_from_the_flag_or_the_birth_year_for_schools_only(school, organization):
    year = timezone.localdate().year
    assert members.is_under_14(Membership(under_14=True), school)
    assert members.is_under_14(Membership(birth_year=year - 13), school)
    assert members.is_under_14(Membership(birth_year=year - 14), school)  # may still be 13 this year
    assert not members.is_under_14(Membership(birth_year=year - 15), school)
    assert not members.is_under_14(Membership(), school)  # nothing recorded: never guessed
    assert not members.is_under_14(Membership(under_14=True), organization)  # a company


def test_guardian_consent_makes_the_member_current(client, school):
    manager = f.manager_of(school).user
    kid = UserFactory(name="小明")
    membership = Membership.objects.create(
        organization=school, user=kid, email=kid.email, source="join-link", under_14=True
    )
    assert members.status_of(membership) == members.MemberStatus.AWAITING_CONSENT
    client.force_login(manager)
    page = client.get(member_url(membership)).content.decode()
    assert "Awaiting guardian consent" in page
    assert (
        client.post(member_url(membership), {"action": "consent", "guardian_name": "王女士"}).status_code
        == 400
    )
    response = client.post(
        member_url(membership), {"action": "consent", "guardian_name": "王女士", "confirmed": "on"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.guardian_name == "王女士" and membership.consent_recorded_by == manager
    assert membership.guardian_consent_at is not None and membership.is_current


def test_marking_a_current_member_under_14_keeps_them_current(client, school):
    manager = f.manager_of(school).user
    membership = f.member_of(school)
    client.force_login(manager)
    client.post(
        member_url(membership),
        {"action": "details", "group_label": "初一", "birth_year": timezone.localdate().year - 12},
    )
    membership.refresh_from_db()
    assert membership.birth_year == timezone.localdate().year - 12 and membership.is_current


def test_a_birth_year_in_the_future_is_refused(client, school):
    manager = f.manager_of(school).user
    membership = f.member_of(school)
    client.force_login(manager)
    response = client.post(
        member_url(membership), {"action": "details", "birth_year": timezone.localdate().year + 1}
    )
    assert response.status_code == 400
    membership.refresh_from_db()
    assert membership.birth_year is None


def test_consent_is_refused_for_a_member_not_under_14(school):
    manager = f.manager_of(school)
    membership = f.member_of(school)
    with pytest.raises(members.MembershipError):
        members.record_guardian_consent(membership, guardian_name="王", recorded_by=manager.user)


def test_recording_an_under_14_flag_on_an_invitation_holds_it_at_sign_up(school):
    kid = UserFactory(email="kid@example.org")
    membership = Membership.objects.create(
        organization=school,
        email="kid@example.org",
        name="小明",
        source="import",
        invite_token="tok",
        under_14=True,
    )
    from organizations import invitations

    accepted = invitations.accept(membership, kid)
    assert accepted.user == kid and accepted.joined_at is None
    members.record_guardian_consent(
        accepted, guardian_name="李先生", recorded_by=None, now=timezone.now() - datetime.timedelta(minutes=1)
    )
    accepted.refresh_from_db()
    assert accepted.is_current
