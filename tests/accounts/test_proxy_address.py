"""Behind a proxy: the lockout and allauth's limits key on the real client, not on the proxy, and
not on a forged left-most X-Forwarded-For entry.

One setting, TRUSTED_PROXY_COUNT, gives axes (through django-ipware) and allauth their settings
(portal.settings.base.proxy_settings); the tests apply them with override_settings.
"""

import pytest
from allauth.core.internal.httpkit import get_client_ip as allauth_client_ip
from axes.models import AccessAttempt
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory, override_settings

from home.public_forms import client_address
from portal.settings.base import account_rate_limits, proxy_settings
from tests.accounts.factories import DEFAULT_PASSWORD
from tests.django_process import last_line, run_django

LOGIN_URL = "/zh-hans/accounts/login/"
PROXY = "10.0.0.2"
ATTACKER = "198.51.100.66"
OWNER = "198.51.100.10"


def through_proxy(count):
    return override_settings(**proxy_settings(count))


def sign_in(email, password, forwarded_for=None, remote=PROXY):
    client = Client()
    headers = {"REMOTE_ADDR": remote}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    response = client.post(LOGIN_URL, {"login": email, "password": password}, **headers)
    return client, response


def test_proxy_settings_without_a_proxy():
    assert proxy_settings(0) == {
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ("REMOTE_ADDR",),
        "AXES_IPWARE_PROXY_COUNT": None,
        "ALLAUTH_TRUSTED_PROXY_COUNT": 0,
    }


def test_proxy_settings_behind_one_proxy():
    assert proxy_settings(1) == {
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
        # ipware counts the proxies listed in the header; our one proxy is REMOTE_ADDR.
        "AXES_IPWARE_PROXY_COUNT": 0,
        "ALLAUTH_TRUSTED_PROXY_COUNT": 1,
    }


def test_a_negative_proxy_count_is_refused():
    with pytest.raises(ImproperlyConfigured):
        proxy_settings(-1)


def test_trusted_proxy_count_comes_from_the_environment():
    snippet = (
        "from django.conf import settings;"
        "print(settings.TRUSTED_PROXY_COUNT, settings.AXES_IPWARE_PROXY_COUNT,"
        " settings.ALLAUTH_TRUSTED_PROXY_COUNT, ','.join(settings.AXES_IPWARE_META_PRECEDENCE_ORDER),"
        " settings.IPWARE_STRICT)"
    )
    result = run_django(snippet, "portal.settings.test", TRUSTED_PROXY_COUNT="1")
    assert last_line(result) == "1 0 1 HTTP_X_FORWARDED_FOR,REMOTE_ADDR False"
    result = run_django(snippet, "portal.settings.test", drop=("TRUSTED_PROXY_COUNT",))
    assert last_line(result) == "0 None 0 REMOTE_ADDR False"


@pytest.mark.parametrize("count", [0, 1, 2])
@pytest.mark.parametrize(
    ("remote", "forwarded_for"),
    [
        (PROXY, None),
        (PROXY, "203.0.113.9, 198.51.100.7"),
        (PROXY, "not-an-address, 203.0.113.9, 198.51.100.7"),
        ("127.0.0.1", "10.1.2.3, 198.51.100.7"),
        (PROXY, "2001:db8::9, 2001:db8::1"),
    ],
)
def test_allauth_and_the_lockout_agree_on_the_address(count, remote, forwarded_for):
    headers = {"REMOTE_ADDR": remote}
    if forwarded_for:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    request = RequestFactory().post("/", **headers)
    with through_proxy(count):
        if count == 2 and forwarded_for is None:
            # Two proxies, yet no header: the request bypassed them. Neither believes REMOTE_ADDR.
            assert client_address(request) is None
        else:
            assert client_address(request) == allauth_client_ip(request)


@pytest.mark.django_db
def test_behind_a_proxy_a_forged_left_most_address_does_not_escape_the_lockout(make_user, settings):
    make_user(email="target@example.org")
    with through_proxy(1):
        for attempt in range(settings.AXES_FAILURE_LIMIT + 3):
            forged = f"203.0.113.{attempt + 1}"
            sign_in("target@example.org", "wrong-password", f"{forged}, {ATTACKER}")
        client, response = sign_in("target@example.org", DEFAULT_PASSWORD, f"203.0.113.200, {ATTACKER}")
        assert response.status_code == 429
        assert not client.session.get("_auth_user_id")
        # Without a header of its own the attacker is still the same address.
        assert sign_in("target@example.org", DEFAULT_PASSWORD, ATTACKER)[1].status_code == 429
        assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


@pytest.mark.django_db
def test_behind_a_proxy_the_owner_elsewhere_is_not_locked_out(make_user, settings):
    owner = make_user(email="target@example.org")
    with through_proxy(1):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in("target@example.org", "wrong-password", ATTACKER)
        assert sign_in("target@example.org", DEFAULT_PASSWORD, ATTACKER)[1].status_code == 429
        # The owner reaches us through the same proxy (same REMOTE_ADDR), from another address.
        client, response = sign_in("target@example.org", DEFAULT_PASSWORD, OWNER)
        assert response.status_code == 302
        assert client.session.get("_auth_user_id") == str(owner.pk)
        # Even when the owner's header claims to be the attacker on the left.
        client, response = sign_in("target@example.org", DEFAULT_PASSWORD, f"{ATTACKER}, {OWNER}")
        assert response.status_code == 302


@pytest.mark.django_db
def test_behind_a_proxy_the_per_address_ceiling_counts_the_real_client(make_user):
    people = [make_user(email=f"person{number}@example.org") for number in range(4)]
    limits = account_rate_limits(logins_per_hour=3, signups_per_hour=3, resets_per_hour=3)
    with through_proxy(1), override_settings(ACCOUNT_RATE_LIMITS=limits):
        for number, person in enumerate(people[:3]):
            response = sign_in(person.email, DEFAULT_PASSWORD, f"203.0.113.{number}, {ATTACKER}")[1]
            assert response.status_code == 302
        response = sign_in(people[3].email, DEFAULT_PASSWORD, f"203.0.113.99, {ATTACKER}")[1]
        assert response.status_code == 429
        # Everyone else behind the same proxy is not held back.
        assert sign_in(people[3].email, DEFAULT_PASSWORD, OWNER)[1].status_code == 302


@pytest.mark.django_db
def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(make_user, settings):
    owner = make_user(email="target@example.org")
    with through_proxy(0):
        for attempt in range(settings.AXES_FAILURE_LIMIT):
            # Rotating the whole header, right-most entry included, changes nothing.
            sign_in("target@example.org", "wrong-password", f"198.51.100.{attempt + 1}", remote=ATTACKER)
        response = sign_in("target@example.org", DEFAULT_PASSWORD, "198.51.100.99", remote=ATTACKER)[1]
        assert response.status_code == 429
        assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
        # A header naming the attacker does not lock the owner out from the owner's own address.
        client, response = sign_in("target@example.org", DEFAULT_PASSWORD, ATTACKER, remote=OWNER)
        assert response.status_code == 302
        assert client.session.get("_auth_user_id") == str(owner.pk)
