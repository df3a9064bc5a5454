"""Production settings: refuse to start without secrets; secure headers on every response."""

import pytest

from tests.django_process import last_line, run_django

PRODUCTION = "portal.settings.production"
SECRETS = ("SECRET_KEY", "ALLOWED_HOSTS")


def import_production_settings(**env):
    return run_django("", PRODUCTION, drop=SECRETS, check=False, **env)


def test_production_refuses_to_start_without_secret_key():
    result = import_production_settings(ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = import_production_settings(SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_both():
    result = import_production_settings(SECRET_KEY="x" * 60, ALLOWED_HOSTS="portal.example.org")
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_security_headers_on_public_pages(client):
    response = client.get("/zh-hans/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_public_pages_have_no_inline_scripts_or_styles(client):
    html = client.get("/en/").content.decode()
    assert "<script>" not in html
    assert " style=" not in html
    assert "<style" not in html


@pytest.mark.django_db
def test_a_redirect_carries_no_policy_and_the_page_it_leads_to_does(client):
    redirect = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert redirect.status_code == 302 and "Content-Security-Policy" not in redirect
    assert "default-src 'self'" in client.get(redirect["Location"])["Content-Security-Policy"]


@pytest.mark.django_db
def test_admin_is_excluded_from_the_strict_policy(client):
    assert "Content-Security-Policy" not in client.get("/admin/login/")


@pytest.mark.django_db
def test_hsts_and_secure_cookies_under_production_settings(client, settings):
    # The same values production.py sets, applied to this test process.
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get("/zh-hans/", HTTP_X_FORWARDED_PROTO="https")
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_production_module_sets_hsts_secure_cookies_and_proxy_header():
    snippet = (
        "from django.conf import settings;"
        "print(settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE,"
        " settings.SECURE_PROXY_SSL_HEADER, settings.DEBUG)"
    )
    result = run_django(
        snippet, PRODUCTION, drop=SECRETS, SECRET_KEY="x" * 60, ALLOWED_HOSTS="portal.example.org"
    )
    assert last_line(result) == "31536000 True True ('HTTP_X_FORWARDED_PROTO', 'https') False"
