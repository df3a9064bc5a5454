"""Join links and codes (make, rotate, switch off, rate limit, joining twice), invitations accepted on
sign-up or sign-in, and racing joins on PostgreSQL."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from organizations import invitations, joining
from organizations.models import JoinLink, Membership
from tests.accounts.factories import UserFactory
from tests.organizations import factories as f


def links_url(organization):
    return f"/en/my/organisations/{organization.pk}/members/join-links/"


def join_url(link):
    return f"/en/join/{link.token}/"


@pytest.fixture
def link(organization):
    return joining.create_link(organization, "销售部")


@pytest.fixture
def person_client(client):
    person = UserFactory(name="新人")
    client.force_login(person)
    client.person = person
    return client


@pytest.mark.django_db
class TestManagingLinks:
    def test_manager_makes_a_link_for_a_group(self, client, organization, manager):
        client.force_login(manager)
        response = client.post(links_url(organization), {"action": "create", "group_label": "一班"})
        assert response.status_code == 302
        link = JoinLink.objects.get(organization=organization)
        assert link.group_label == "一班" and link.enabled and len(link.code) == joining.CODE_LENGTH
        page = client.get(links_url(organization)).content.decode()
        assert link.code in page and f"/join/{link.token}/" in page

    def test_rotate_gives_a_new_token_and_code(self, client, organization, manager, link):
        old_token, old_code = link.token, link.code
        client.force_login(manager)
        client.post(links_url(organization), {"action": "rotate", "link": link.pk})
        link.refresh_from_db()
        assert link.token != old_token and link.code != old_code
        assert joining.usable_link(token=old_token) is None and joining.usable_link(code=old_code) is None
        assert joining.usable_link(code=link.code.lower()) == link

    def test_switch_off_and_on(self, client, organization, manager, link):
        client.force_login(manager)
        client.post(links_url(organization), {"action": "off", "link": link.pk})
        assert joining.usable_link(token=link.token) is None
        client.post(links_url(organization), {"action": "on", "link": link.pk})
        assert joining.usable_link(token=link.token) == link

    def test_another_organisations_link_is_404_and_unchanged(self, client, organization, link):
        other = f.OrganizationFactory()
        client.force_login(f.manager_of(other).user)
        token = link.token
        assert client.post(links_url(other), {"action": "rotate", "link": link.pk}).status_code == 404
        assert client.post(links_url(organization), {"action": "off", "link": link.pk}).status_code == 404
        link.refresh_from_db()
        assert link.token == token and link.enabled


@pytest.mark.django_db
class TestJoining:
    def test_anonymous_is_sent_to_sign_in_and_back(self, client, link):
        response = client.get(join_url(link))
        assert response.status_code == 302 and "next=" in response["Location"]
        assert response["Location"].endswith(f"next={join_url(link)}")

    def test_joining_creates_a_current_membership_in_the_links_group(self, person_client, link):
        assert person_client.get(join_url(link)).status_code == 200
        response = person_client.post(join_url(link))
        assert response.status_code == 302
        membership = Membership.objects.get(user=person_client.person)
        assert membership.is_current and membership.group_label == "销售部"
        assert membership.source == Membership.Source.JOIN_LINK

    def test_joining_twice_says_already_a_member(self, person_client, link):
        person_client.post(join_url(link))
        response = person_client.post(join_url(link), follow=True)
        assert "already a member" in response.content.decode()
        assert Membership.objects.filter(user=person_client.person).count() == 1

    def test_a_switched_off_or_rotated_link_creates_nothing(self, person_client, link):
        old = join_url(link)
        joining.rotate(link)
        response = person_client.post(old)
        assert response.status_code == 404 and "does not work" in response.content.decode()
        joining.switch(link, False)
        assert person_client.post(join_url(link)).status_code == 404
        assert not Membership.objects.filter(user=person_client.person).exists()

    def test_the_code_form_leads_to_the_link(self, person_client, link):
        url = reverse("organizations:join_code")
        response = person_client.post(url, {"code": f" {link.code.lower()} "})
        assert response.status_code == 302 and response["Location"].endswith(f"/join/{link.token}/")
        assert person_client.post(url, {"code": "NOPE1234"}).status_code == 400

    def test_the_code_form_needs_an_account(self, client):
        assert client.get(reverse("organizations:join_code")).status_code == 302

    def test_joining_is_rate_limited(self, person_client, link, monkeypatch):
        monkeypatch.setattr(
            joining, "RATE_LIMITS", joining.RateLimits("test-join", (2, 3600), (2, 3600), (100, 3600))
        )
        for _attempt in range(2):
            person_client.post(reverse("organizations:join_code"), {"code": "WRONG123"})
        response = person_client.post(join_url(link))
        assert response.status_code == 429
        assert not Membership.objects.filter(user=person_client.person).exists()

    def test_a_school_member_under_14_waits_for_consent(self, person_client):
        school = f.SchoolFactory()
        link = joining.create_link(school)
        page = person_client.get(join_url(link)).content.decode()
        assert "under 14" in page
        person_client.post(join_url(link), {"under_14": "on"})
        membership = Membership.objects.get(user=person_client.person)
        assert membership.under_14 and membership.joined_at is None and not membership.is_current

    def test_a_company_link_asks_nothing_about_age(self, person_client, link):
        assert "under 14" not in person_client.get(join_url(link)).content.decode()
        person_client.post(join_url(link), {"under_14": "on"})
        assert not Membership.objects.get(user=person_client.person).under_14

    def test_an_open_invitation_to_the_same_address_is_taken_over(self, person_client, link):
        invited = Membership.objects.create(
            organization=link.organization,
            email=person_client.person.email.upper(),
            name="新人",
            source="import",
            invite_token="tok",
        )
        person_client.post(join_url(link))
        invited.refresh_from_db()
        assert invited.user == person_client.person and invited.is_current and invited.invite_token is None


@pytest.mark.django_db
class TestInvitations:
    @pytest.fixture
    def invitation(self, organization):
        return Membership.objects.create(
            organization=organization,
            email="new@example.org",
            name="新人",
            source="import",
            invite_token="tok-1",
        )

    def test_sign_up_from_the_invitation_activates_the_membership(self, client, invitation):
        response = client.get("/en/my/organisations/invitation/tok-1/")
        assert response.status_code == 302
        signup = response["Location"]
        assert "email=new%40example.org" in signup
        assert not get_user_model().objects.filter(email="new@example.org").exists()
        response = client.post(
            signup,
            {
                "name": "新人",
                "email": "new@example.org",
                "password1": "a-Long-passphrase-42",
                "password2": "a-Long-passphrase-42",
                "preferred_language": "en",
                "accept_privacy_notice": "on",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        user = get_user_model().objects.get(email="new@example.org")
        assert user.privacy_notice_accepted_at is not None
        invitation.refresh_from_db()
        assert invitation.user == user and invitation.is_current and invitation.invite_token is None

    def test_a_signed_in_person_accepts_at_once(self, client, invitation):
        user = UserFactory(email="someone@example.org")
        client.force_login(user)
        client.get("/en/my/organisations/invitation/tok-1/")
        invitation.refresh_from_db()
        assert invitation.user == user and invitation.is_current
        assert client.get("/en/my/organisations/invitation/tok-1/").status_code == 404

    def test_an_unverified_address_alone_does_not_claim_an_invitation(self, invitation):
        user = UserFactory(email="new@example.org")
        assert invitations.accept_for(user) == []
        invitation.refresh_from_db()
        assert invitation.user is None

    def test_a_verified_address_claims_its_invitations(self, invitation):
        from allauth.account.models import EmailAddress

        user = UserFactory(email="new@example.org")
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        assert invitations.accept_for(user) == [invitation]

    def test_a_withdrawn_invitation_cannot_be_used(self, client, invitation, manager):
        from organizations.members import remove

        remove(invitation, removed_by=manager)
        assert client.get("/en/my/organisations/invitation/tok-1/").status_code == 404


@pytest.mark.django_db
def test_a_new_current_member_is_given_the_organisations_assignments(
    person_client, link, django_capture_on_commit_callbacks
):
    from unittest import mock

    with (
        mock.patch("organizations.members.enrol_new_member") as enrol,
        django_capture_on_commit_callbacks(execute=True),
    ):
        person_client.post(join_url(link))
    membership = Membership.objects.get(user=person_client.person)
    enrol.assert_called_once_with(membership)


@pytest.mark.django_db
def test_a_member_waiting_for_consent_is_enrolled_once_it_is_recorded(django_capture_on_commit_callbacks):
    from unittest import mock

    from organizations.members import record_guardian_consent

    school = f.SchoolFactory()
    membership = joining.join(joining.create_link(school), UserFactory(), under_14=True)[0]
    with (
        mock.patch("organizations.members.enrol_new_member") as enrol,
        django_capture_on_commit_callbacks(execute=True),
    ):
        record_guardian_consent(membership, guardian_name="王女士", recorded_by=None)
    enrol.assert_called_once_with(membership)
