"""Service requests (服务包): a manager asks for a briefing, lecture or exhibition and sees its status;
officers (organizations.handle_service_request) handle it in the admin, each change of status emailing
the requester once (organizations:service-request-<status>:<id>); scheduling makes a draft
invitation-only EventPage under the events index in the request's language, and once it is published
the chosen members are invited (events.Invitation rows and emails), once per language."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.models import EventPage, EventType, Invitation
from home.models import Topic
from organizations.models import ServiceRequest
from outbox.models import Message
from tests.accounts.factories import UserFactory, staff_user
from tests.events import factories as event_factories
from tests.organizations import factories as f

pytestmark = pytest.mark.django_db
Status = ServiceRequest.Status


def requests_url(organization, language="zh-hans"):
    with translation.override(language):
        return reverse("organizations:service_requests", kwargs={"organization_id": organization.pk})


def admin_url(service_request, name="organizations_service_request"):
    return reverse(name, args=[service_request.pk])


def zh_topic():
    return Topic.objects.filter(locale__language_code="zh-hans").first()


@pytest.fixture
def signed_in_manager(client, organization):
    user = f.manager_of(organization, user=UserFactory(name="王经理", preferred_language="zh-hans")).user
    client.force_login(user)
    return user


@pytest.fixture
def service_request(organization, signed_in_manager):
    row = ServiceRequest.objects.create(
        organization=organization,
        requested_by=signed_in_manager,
        kind=ServiceRequest.Kind.BRIEFING,
        preferred_dates="三月下旬工作日下午",
        audience_size=60,
        language="zh-hans",
    )
    row.topics.add(zh_topic())
    return row


@pytest.fixture
def officer(client):
    user = staff_user(group="Officers")
    client.force_login(user)
    return user


def test_a_manager_asks_for_a_service_and_sees_its_status(client, organization, signed_in_manager):
    topic = zh_topic()
    page = client.get(requests_url(organization))
    assert page.status_code == 200 and topic.name in page.content.decode()
    data = {"kind": "lecture", "preferred_dates": "4月上旬", "audience_size": "80", "topics": [topic.pk]}
    response = client.post(requests_url(organization), data)
    assert response.status_code == 302
    row = ServiceRequest.objects.get()
    assert row.organization == organization and row.requested_by == signed_in_manager
    assert row.language == "zh-hans" and list(row.topics.all()) == [topic] and row.status == Status.NEW
    html = client.get(requests_url(organization)).content.decode()
    assert "4月上旬" in html and "新申请" in html


@pytest.mark.parametrize(
    "changes",
    [
        {"audience_size": "0"},
        {"audience_size": "lots"},
        {"kind": "party"},
        {"preferred_dates": ""},
        {"topics": ["english-topic"]},
    ],
)
def test_bad_input_is_refused_and_nothing_saved(client, organization, signed_in_manager, changes):
    data = {"kind": "lecture", "preferred_dates": "4月上旬", "audience_size": "80"} | changes
    if changes.get("topics") == ["english-topic"]:
        data["topics"] = [Topic.objects.filter(locale__language_code="en").first().pk]
    assert client.post(requests_url(organization), data).status_code == 400
    assert not ServiceRequest.objects.exists()


def test_someone_elses_organisation_is_404_and_nothing_saved(client, organization, signed_in_manager):
    other = f.OrganizationFactory()
    data = {"kind": "lecture", "preferred_dates": "4月上旬", "audience_size": "80"}
    assert client.get(requests_url(other)).status_code == 404
    assert client.post(requests_url(other), data).status_code == 404
    f.member_of(other, user=signed_in_manager)  # a member, not a manager
    assert client.post(requests_url(other), data).status_code == 404
    assert not ServiceRequest.objects.exists()


def test_each_change_of_status_emails_the_requester_once(client, service_request, officer):
    url = admin_url(service_request)
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"status": "declined", "assigned_officer": officer.pk, "internal_notes": "人手不足"}
    )
    assert response.status_code == 302
    service_request.refresh_from_db()
    assert service_request.status == Status.DECLINED and service_request.assigned_officer == officer
    assert service_request.internal_notes == "人手不足"
    message = Message.objects.get(dedupe_key=f"organizations:service-request-declined:{service_request.pk}")
    assert message.language == "zh-hans" and message.recipient == service_request.requested_by.email
    assert "人手不足" not in message.body_text  # internal notes stay internal
    client.post(url, {"status": "declined", "internal_notes": "again"})  # no change of status: no email
    client.post(url, {"status": "done"})
    keys = sorted(Message.objects.values_list("dedupe_key", flat=True))
    assert keys == [
        f"organizations:service-request-declined:{service_request.pk}",
        f"organizations:service-request-done:{service_request.pk}",
    ]


def test_without_the_permission_nothing_changes(client, service_request):
    client.force_login(staff_user(group="Editors"))
    for url in (
        admin_url(service_request),
        admin_url(service_request, "organizations_service_request_invite"),
    ):
        assert client.post(url, {"status": "done", "all": "1"}).status_code in (302, 403)
    assert client.get(reverse("organizations_service_requests")).status_code in (302, 403)
    service_request.refresh_from_db()
    assert service_request.status == Status.NEW and not Message.objects.exists()


def test_an_unknown_request_is_404(client, officer):
    response = client.get(reverse("organizations_service_request", args=[999999]), follow=True)
    assert response.status_code == 404
    invite = client.post(
        reverse("organizations_service_request_invite", args=[999999]), {"all": "1"}, follow=True
    )
    assert invite.status_code == 404


def test_the_officers_list_filters_by_status(client, service_request, officer):
    url = reverse("organizations_service_requests")
    html = client.get(url).content.decode()
    assert service_request.organization.name in html and admin_url(service_request) in html
    assert service_request.organization.name not in client.get(url, {"status": "done"}).content.decode()


@pytest.fixture
def event_indexes(home_zh):
    index = event_factories.EventIndexPageFactory(parent=home_zh)
    return index


def schedule(client, service_request):
    starts = timezone.now() + datetime.timedelta(days=10)
    return client.post(
        admin_url(service_request),
        {
            "action": "schedule",
            "starts_at": timezone.localtime(starts).strftime("%Y-%m-%d %H:%M"),
            "ends_at": timezone.localtime(starts + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
            "event_type": EventType.COMPANY_VISIT,
        },
    )


def test_scheduling_makes_a_private_draft_event_page_and_invites_chosen_members_after_publishing(
    client, service_request, officer, event_indexes
):
    organization = service_request.organization
    zh_member = f.member_of(organization, user=UserFactory(preferred_language="zh-hans"))
    en_member = f.member_of(organization, user=UserFactory(preferred_language="en"))
    left_out = f.member_of(organization)
    response = schedule(client, service_request)
    service_request.refresh_from_db()
    page = EventPage.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[page.pk]
    )
    assert service_request.event_page_id == page.pk and service_request.status == Status.SCHEDULED
    assert page.is_private and not page.live and page.event_type == EventType.COMPANY_VISIT
    assert page.get_parent().pk == event_indexes.pk and page.locale.language_code == "zh-hans"
    assert organization.name in page.title and page.capacity == 60
    assert Message.objects.filter(
        dedupe_key=f"organizations:service-request-scheduled:{service_request.pk}"
    ).exists()
    assert schedule(client, service_request).status_code == 302 and EventPage.objects.count() == 1

    invite_url = admin_url(service_request, "organizations_service_request_invite")
    assert client.post(invite_url, {"member": [zh_member.pk]}).status_code == 400  # not published yet
    assert not Invitation.objects.exists()

    page.save_revision(user=officer).publish()
    listing = client.get(invite_url).content.decode()
    assert zh_member.user.email in listing and left_out.user.email in listing
    response = client.post(invite_url, {"member": [zh_member.pk, en_member.pk, "x"]})
    assert response.status_code == 302
    assert sorted(Invitation.objects.values_list("email", flat=True)) == sorted(
        [zh_member.user.email, en_member.user.email]
    )
    languages = dict(
        Message.objects.filter(recipient__in=[zh_member.user.email, en_member.user.email]).values_list(
            "recipient", "language"
        )
    )
    assert languages == {zh_member.user.email: "zh-hans", en_member.user.email: "en"}


def test_inviting_all_members_and_another_organisations_member_is_ignored(
    client, service_request, officer, event_indexes
):
    organization = service_request.organization
    members = [f.member_of(organization) for _ in range(3)]
    stranger = f.member_of(f.OrganizationFactory())
    schedule(client, service_request)
    EventPage.objects.get().save_revision(user=officer).publish()
    invite_url = admin_url(service_request, "organizations_service_request_invite")
    assert client.post(invite_url, {"member": [stranger.pk]}).status_code == 400
    assert not Invitation.objects.exists()
    client.post(invite_url, {"all": "1"})
    invited = set(Invitation.objects.values_list("email", flat=True))
    assert {m.user.email for m in members} <= invited and stranger.user.email not in invited


def test_the_managers_page_is_query_bounded(
    client, organization, signed_in_manager, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            row = ServiceRequest.objects.create(
                organization=organization,
                kind="lecture",
                preferred_dates="五月",
                audience_size=20,
                language="zh-hans",
            )
            row.topics.add(zh_topic())

    add(1)
    client.get(requests_url(organization))
    with django_assert_max_num_queries(15) as few:
        assert client.get(requests_url(organization)).status_code == 200
    add(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(requests_url(organization)).status_code == 200
