"""A classroom behind one address: everyone signs in or signs up at once (a QR code on the board).

Lockouts key on the account and the address together (django-axes); allauth's per-address limits
are only generous ceilings (portal.settings.base.account_rate_limits), here made small with
override_settings where a test needs to reach one.
"""

import pytest
from allauth.account import app_settings as allauth_account_settings
from django.conf import settings
from django.test import Client, override_settings

from accounts.models import User
from portal.settings.base import account_rate_limits
from tests.accounts.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN_URL = "/zh-hans/accounts/login/"
SIGNUP_URL = "/zh-hans/accounts/signup/"
CAMPUS = "58.20.30.40"
CLASS_SIZE = 60


def small_ceilings(per_hour):
    return override_settings(
        ACCOUNT_RATE_LIMITS=account_rate_limits(
            logins_per_hour=per_hour, signups_per_hour=per_hour, resets_per_hour=per_hour
        )
    )


def sign_in(email, password=DEFAULT_PASSWORD, address=CAMPUS, client=None):
    """One student's own browser posts the real allauth login form."""
    client = client or Client()
    response = client.post(LOGIN_URL, {"login": email, "password": password}, REMOTE_ADDR=address)
    return client, response


def signed_in_as(client, user):
    return client.session.get("_auth_user_id") == str(user.pk)


def sign_up(number, address=CAMPUS):
    email = f"student{number}@example.org"
    data = {
        "name": f"学生 {number}",
        "email": email,
        "password1": "a-long-Secret-2026",
        "password2": "a-long-Secret-2026",
        "preferred_language": "zh-hans",
        "accept_privacy_notice": "on",
    }
    client = Client()
    return client, client.post(SIGNUP_URL, data, REMOTE_ADDR=address)


@pytest.fixture
def classroom(make_user):
    return [make_user(email=f"student{number}@example.org") for number in range(CLASS_SIZE)]


def test_every_allauth_limit_is_set_here_none_left_to_allauths_defaults():
    # allauth merges its own defaults back in: what it uses must be exactly what we set.
    assert allauth_account_settings.RATE_LIMITS == settings.ACCOUNT_RATE_LIMITS
    assert settings.ACCOUNT_RATE_LIMITS["login"] == "300/h/ip"
    assert settings.ACCOUNT_RATE_LIMITS["signup"] == "300/h/ip"
    assert settings.ACCOUNT_RATE_LIMITS["login_failed"] is False


def test_a_class_of_60_signs_in_from_one_address_within_a_minute(classroom):
    for student in classroom:
        client, response = sign_in(student.email)
        assert response.status_code == 302, student.email
        assert response["Location"] == "/zh-hans/my/"
        assert signed_in_as(client, student)


def test_wrong_passwords_lock_one_account_not_the_classroom(classroom):
    target, *classmates = classroom
    responses = [sign_in(target.email, "wrong-password")[1] for _ in range(10)]
    assert responses[0].status_code == 200
    assert responses[-1].status_code == 429
    client, response = sign_in(target.email)
    assert response.status_code == 429
    assert not signed_in_as(client, target)
    for student in classmates:
        client, response = sign_in(student.email)
        assert response.status_code == 302, student.email
        assert signed_in_as(client, student)


def test_typos_in_a_class_do_not_add_up_to_a_lockout(classroom):
    # Each student mistypes once, then signs in: 60 failures from one address, no lockout.
    for student in classroom:
        assert sign_in(student.email, "wrong-password")[1].status_code == 200
        client, response = sign_in(student.email)
        assert response.status_code == 302, student.email


def test_the_sign_in_over_the_per_address_ceiling_is_refused(classroom):
    with small_ceilings(5):
        for student in classroom[:5]:
            assert sign_in(student.email)[1].status_code == 302
        client, response = sign_in(classroom[5].email)
        assert response.status_code == 429
        assert not signed_in_as(client, classroom[5])
        assert "429.html" in [template.name for template in response.templates]
        # Another address is not held back by this one.
        client, response = sign_in(classroom[5].email, address="58.20.30.41")
        assert response.status_code == 302
        assert signed_in_as(client, classroom[5])


def test_a_class_of_60_signs_up_from_one_address(db):
    for number in range(CLASS_SIZE):
        client, response = sign_up(number)
        assert response.status_code == 302, number
        assert client.session.get("_auth_user_id")
    assert User.objects.filter(email__startswith="student").count() == CLASS_SIZE


def test_the_sign_up_over_the_per_address_ceiling_is_refused(db):
    with small_ceilings(5):
        for number in range(5):
            assert sign_up(number)[1].status_code == 302
        response = sign_up(5)[1]
        assert response.status_code == 429
        assert not User.objects.filter(email="student5@example.org").exists()
        assert sign_up(5, address="58.20.30.41")[1].status_code == 302
