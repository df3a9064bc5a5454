"""home.public_forms.client_address: the one way the project reads a client's address."""

import pytest
from django.test import RequestFactory, override_settings

from home.public_forms import client_address
from portal.settings.base import proxy_settings


def request_from(remote, forwarded_for=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().post("/", **headers)


@pytest.mark.parametrize(
    ("count", "remote", "forwarded_for", "expected"),
    [
        # No trusted proxy: REMOTE_ADDR, whatever the header says.
        (0, "198.51.100.7", None, "198.51.100.7"),
        (0, "198.51.100.7", "203.0.113.9", "198.51.100.7"),
        (0, "10.0.0.2", "203.0.113.9, 198.51.100.8", "10.0.0.2"),
        # One proxy (REMOTE_ADDR): the right-most entry, the one it wrote; the left ones are forged.
        (1, "10.0.0.2", "198.51.100.7", "198.51.100.7"),
        (1, "10.0.0.2", "203.0.113.9, 198.51.100.7", "198.51.100.7"),
        (1, "10.0.0.2", "not-an-address, 198.51.100.7", "198.51.100.7"),
        (1, "127.0.0.1", "10.1.2.3", "10.1.2.3"),
        (1, "10.0.0.2", "2001:db8::9, 2001:db8::1", "2001:db8::1"),
        # One proxy but no header (a direct request): REMOTE_ADDR.
        (1, "198.51.100.7", None, "198.51.100.7"),
        # Two proxies (a CDN, then ours): the CDN's address is right-most, the client left of it.
        (2, "127.0.0.1", "203.0.113.9, 198.51.100.7, 192.0.2.50", "198.51.100.7"),
    ],
)
def test_the_right_most_address_our_proxies_did_not_add(count, remote, forwarded_for, expected):
    with override_settings(**proxy_settings(count)):
        assert client_address(request_from(remote, forwarded_for)) == expected
