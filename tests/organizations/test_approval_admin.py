"""The office decides applications in the admin (organizations.approve_organization): approving makes the
applicant the first manager in the same transaction and emails them in their language (once:
organizations:approved:<id>); rejecting needs a reason, which the email gives; a double click or two
officers at once decide once; someone without the permission changes nothing. The officers' list of
organisations (filters, search, the dashboard link for view_all)."""

import pytest
from django.urls import reverse
from django.utils import translation

from organizations import applications
from organizations.models import Membership, Organization
from outbox.models import Message
from tests.accounts.factories import UserFactory, staff_user
from tests.organizations import factories as f

pytestmark = pytest.mark.django_db
Status = Organization.Status


@pytest.fixture
def application(db):
    applicant = UserFactory(name="王经理", email="wang@example.org", preferred_language="zh-hans")
    return f.OrganizationFactory(
        name="海通贸易有限公司", status=Status.PENDING, decided_at=None, applicant=applicant
    )


@pytest.fixture
def officer(client):
    user = staff_user(group="Officers")
    client.force_login(user)
    return user


def decide_url(organization):
    return reverse("organizations_admin_decide", args=[organization.pk])


def test_officers_hold_the_permissions(db):
    officer = staff_user(group="Officers")
    for name in ("approve_organization", "view_all", "handle_service_request"):
        assert officer.has_perm(f"organizations.{name}")


def test_approving_makes_the_applicant_the_first_manager_and_emails_them_in_their_language(
    client, officer, application
):
    page = client.get(decide_url(application))
    assert page.status_code == 200 and "海通贸易有限公司" in page.content.decode()
    response = client.post(decide_url(application), {"decision": "approve", "reason": ""})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.APPROVED and application.decided_by == officer
    manager = Membership.objects.get(organization=application)
    assert manager.user == application.applicant and manager.role == Membership.Role.MANAGER
    assert manager.source == Membership.Source.APPLICATION and manager.joined_at is not None
    assert manager.is_current
    message = Message.objects.get(dedupe_key=f"organizations:approved:{application.pk}")
    assert message.recipient == "wang@example.org" and message.language == "zh-hans"
    assert "海通贸易有限公司" in message.subject and "通过审核" in message.subject
    assert "王经理" in message.body_text


def test_rejecting_needs_a_reason_which_the_english_email_gives(client, officer, application):
    application.applicant.preferred_language = "en"
    application.applicant.save()
    response = client.post(decide_url(application), {"decision": "reject", "reason": "  "})
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.status == Status.PENDING and not Message.objects.exists()
    client.post(decide_url(application), {"decision": "reject", "reason": "The licence is unreadable."})
    application.refresh_from_db()
    assert application.status == Status.REJECTED
    assert application.decision_reason == "The licence is unreadable."
    assert not Membership.objects.exists()
    message = Message.objects.get(dedupe_key=f"organizations:rejected:{application.pk}")
    assert message.language == "en" and "The licence is unreadable." in message.body_text
    assert "not approved" in message.subject


def test_a_double_click_or_two_officers_decide_once(client, officer, application):
    client.post(decide_url(application), {"decision": "approve"})
    second = client.post(decide_url(application), {"decision": "reject", "reason": "late"}, follow=True)
    assert "already decided" in second.content.decode()
    application.refresh_from_db()
    assert application.status == Status.APPROVED and application.decision_reason == ""
    assert applications.approve(application.pk, staff_user(group="Officers")) is None
    assert Membership.objects.count() == 1 and Message.objects.count() == 1


@pytest.mark.parametrize("holder", ["nobody", "editor", "view_all"])
def test_without_the_permission_nothing_changes(client, application, holder):
    if holder == "nobody":
        client.force_login(UserFactory())
    elif holder == "editor":
        client.force_login(staff_user(group="Editors"))
    else:
        client.force_login(staff_user(permissions=["organizations.view_all"]))
    response = client.post(decide_url(application), {"decision": "approve"})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "login" in response["Location"] or response["Location"] == reverse("wagtailadmin_home")
    application.refresh_from_db()
    assert application.status == Status.PENDING
    assert not Membership.objects.exists() and not Message.objects.exists()


def test_an_unknown_id_is_404(client, officer):
    response = client.get(reverse("organizations_admin_decide", args=[999999]), follow=True)
    assert response.status_code == 404


def test_the_list_filters_searches_and_links_to_dashboards(client, officer, application):
    school = f.SchoolFactory(name="第一中学")
    f.member_of(school)
    url = reverse("organizations_admin")
    html = client.get(url).content.decode()
    assert "海通贸易有限公司" in html and "第一中学" in html
    assert decide_url(application) in html
    html = client.get(url, {"kind": "school"}).content.decode()
    assert "第一中学" in html and "海通贸易有限公司" not in html
    html = client.get(url, {"status": "pending"}).content.decode()
    assert "海通贸易有限公司" in html and "第一中学" not in html
    html = client.get(url, {"q": "中学"}).content.decode()
    assert "第一中学" in html and "海通贸易有限公司" not in html
    with translation.override("en"):  # the officer's admin language
        dashboard = reverse("organizations:dashboard", kwargs={"organization_id": school.pk})
    assert f'href="{dashboard}"' in client.get(url).content.decode()
    client.force_login(staff_user(permissions=["organizations.approve_organization"]))
    assert dashboard not in client.get(url).content.decode()  # without view_all: no link


def test_the_list_needs_a_permission(client, application):
    client.force_login(staff_user(group="Editors"))
    response = client.get(reverse("organizations_admin"))
    assert response.status_code in (302, 403)


def test_the_list_is_query_bounded(client, officer, django_assert_max_num_queries):
    for _n in range(3):
        f.member_of(f.OrganizationFactory())
    url = reverse("organizations_admin")
    client.get(url)
    with django_assert_max_num_queries(25) as few:
        client.get(url)
    for _n in range(10):
        f.member_of(f.OrganizationFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
