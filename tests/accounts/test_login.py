import pytest
from django.conf import settings

from tests.accounts.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN_URL = "/zh-hans/accounts/login/"


def attempt(client, email, password, address="10.0.0.7"):
    return client.post(LOGIN_URL, {"login": email, "password": password}, REMOTE_ADDR=address)


def test_login_with_email_in_any_letter_case(client, make_user):
    make_user(email="li.hua@example.org")
    response = attempt(client, "LI.HUA@example.org", DEFAULT_PASSWORD)
    assert response.status_code == 302


def test_preferred_language_chooses_the_site_language_after_login(client, make_user):
    make_user(email="en.reader@example.org", preferred_language="en")
    response = attempt(client, "en.reader@example.org", DEFAULT_PASSWORD)
    assert response["Location"] == "/en/my/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    # The next visit to "/" follows the preference, not the browser.
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN")["Location"] == "/en/"


def test_repeated_failures_lock_the_account_from_that_address(client, make_user, settings):
    make_user(email="target@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "target@example.org", "wrong-password")
    response = attempt(client, "target@example.org", DEFAULT_PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "登录失败次数过多" in html


def test_lockout_does_not_lock_another_account_from_the_same_address(client, make_user, settings):
    make_user(email="target@example.org")
    make_user(email="classmate@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "target@example.org", "wrong-password")
    response = attempt(client, "classmate@example.org", DEFAULT_PASSWORD)
    assert response.status_code == 302


def test_lockout_does_not_lock_the_same_account_from_another_address(client, make_user, settings):
    make_user(email="target@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "target@example.org", "wrong-password", address="10.0.0.7")
    response = attempt(client, "target@example.org", DEFAULT_PASSWORD, address="10.0.0.8")
    assert response.status_code == 302


def test_lockout_cools_off(client, make_user, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt
    from django.utils import timezone

    make_user(email="target@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "target@example.org", "wrong-password")
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    )
    response = attempt(client, "target@example.org", DEFAULT_PASSWORD)
    assert response.status_code == 302


def test_wrong_password_gets_a_translated_message(client, make_user):
    make_user(email="target@example.org")
    response = client.post("/en/accounts/login/", {"login": "target@example.org", "password": "nope"})
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.content.decode()
