"""Applying for an organisation: the form (credit code checked by its GB 32100 check digit and stored
normalised, required for companies; phone in E.164), rate-limited; the applicant's list of applications."""

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from organizations import application_views
from organizations.application_forms import ApplicationForm
from organizations.models import Organization
from tests.accounts.factories import UserFactory
from tests.organizations import factories as f

pytestmark = pytest.mark.django_db


def url(name, language="en"):
    with translation.override(language):
        return reverse(f"organizations:{name}")


def form_data(**changes):
    data = {
        "kind": "company",
        "name": "海通贸易有限公司",
        "credit_code": f.credit_code(7),
        "contact_name": "王经理",
        "contact_email": "hr@example.org",
        "contact_phone": "+862161234567",
    }
    return data | changes


@pytest.fixture
def applicant(client):
    user = UserFactory(name="王经理", preferred_language="zh-hans")
    client.force_login(user)
    return user


def test_signing_in_is_needed(client):
    response = client.get(url("apply"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_form_is_shown_in_both_languages(client, applicant):
    assert "Unified social credit code" in client.get(url("apply")).content.decode()
    assert client.get(url("apply", "zh-hans")).status_code == 200


def test_an_application_is_saved_pending_with_the_code_normalised(client, applicant):
    code = f.credit_code(7)
    spaced = f"{code[:6]} {code[6:12]}-{code[12:].lower()}"
    response = client.post(url("apply"), form_data(credit_code=spaced))
    assert response.status_code == 302 and response["Location"] == url("applications")
    organization = Organization.objects.get()
    assert organization.credit_code == code
    assert organization.status == Organization.Status.PENDING and organization.applicant == applicant
    html = client.get(url("applications")).content.decode()
    assert "海通贸易有限公司" in html and "Awaiting approval" in html


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"credit_code": ""}, "credit_code", "A company gives its unified social credit code."),
        ({"credit_code": f.credit_code(7)[:-1] + "X"}, "credit_code", "does not match"),
        ({"credit_code": "1234"}, "credit_code", "has 18 characters"),
        ({"credit_code": f.credit_code(7)[:-2] + "IO"}, "credit_code", "only digits and capital letters"),
        ({"contact_phone": "021 6123 4567"}, "contact_phone", "E.164"),
        ({"contact_email": "not-an-email"}, "contact_email", "valid email"),
        ({"kind": "club"}, "kind", "valid choice"),
        ({"name": ""}, "name", "required"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(client, applicant, changes, field, message):
    response = client.post(url("apply"), form_data(**changes))
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert not Organization.objects.exists()


def test_a_school_needs_no_credit_code(client, applicant):
    response = client.post(url("apply"), form_data(kind="school", name="第一中学", credit_code=""))
    assert response.status_code == 302
    assert Organization.objects.get().credit_code == ""


def test_a_code_already_applied_for_is_refused_but_a_rejected_one_may_apply_again(client, applicant):
    f.OrganizationFactory(credit_code=f.credit_code(7), status=Organization.Status.PENDING)
    response = client.post(url("apply"), form_data())
    assert response.status_code == 400 and "applied already" in str(response.context["form"].errors)
    Organization.objects.update(status=Organization.Status.REJECTED)
    assert client.post(url("apply"), form_data()).status_code == 302
    assert Organization.objects.count() == 2


def test_applying_is_rate_limited(client, applicant, monkeypatch):
    monkeypatch.setattr(
        application_views,
        "RATE_LIMITS",
        application_views.RateLimits("organizations-apply-test", (2, 60), (2, 60), (2, 60)),
    )
    codes = [f.credit_code(n) for n in (11, 12, 13)]
    statuses = [client.post(url("apply"), form_data(credit_code=code)).status_code for code in codes]
    assert statuses == [302, 302, 429]
    assert Organization.objects.count() == 2


def test_the_applications_page_shows_only_ones_own_with_the_reason_of_a_rejection(client, applicant):
    f.OrganizationFactory(
        name="被拒公司",
        applicant=applicant,
        status=Organization.Status.REJECTED,
        decision_reason="证照不清晰",
    )
    f.OrganizationFactory(name="别人的公司", applicant=UserFactory())
    html = client.get(url("applications", "zh-hans")).content.decode()
    assert "被拒公司" in html and "证照不清晰" in html and "别人的公司" not in html


def test_the_pages_are_query_bounded(client, applicant, django_assert_max_num_queries):
    for n in range(5):
        f.OrganizationFactory(applicant=applicant, credit_code=f.credit_code(100 + n))
    with django_assert_max_num_queries(15):
        assert client.get(url("applications")).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(url("apply")).status_code == 200


def test_a_code_sent_twice_at_once_is_refused_by_the_database_in_words(client, applicant, monkeypatch):
    """Both requests pass the form's check before either saves: the constraint refuses the second."""
    f.OrganizationFactory(credit_code=f.credit_code(7), status=Organization.Status.PENDING)
    monkeypatch.setattr(ApplicationForm, "clean", forms.ModelForm.clean)
    response = client.post(url("apply"), form_data())
    assert response.status_code == 400 and "applied already" in str(response.context["form"].errors)
    assert Organization.objects.count() == 1


def test_an_approved_organisation_links_its_manager_to_its_pages(client, applicant):
    organization = f.OrganizationFactory(applicant=applicant)
    html = client.get(url("applications")).content.decode()
    service_requests = reverse("organizations:service_requests", kwargs={"organization_id": organization.pk})
    assert service_requests not in html  # not (or no longer) its manager
    f.manager_of(organization, user=applicant)
    html = client.get(url("applications")).content.decode()
    assert service_requests in html
