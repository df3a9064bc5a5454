"""Verifying a certificate: /verify/<code>/ (the address on the certificate and in its QR code) opens
the page in the visitor's language, which says valid, expired or revoked, with the course, the dates and
the holder's name partly masked; nothing else (no email, no full name). Codes typed any way; unknown
codes; rate-limited per address; never cached or indexed; bounded queries at two data sizes."""

import datetime
import statistics
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.training.certify import certified_learner
from training import certificate_views
from training.certificates import revoke
from training.completion import beijing_today
from training.models import Completion

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def certified(course, quiz):
    return certified_learner(course, quiz, render=False)


def verify_url(code, language="zh-hans"):
    with translation.override(language):
        return reverse("certificates:verify", args=[code])


def form_url(language="zh-hans"):
    with translation.override(language):
        return reverse("certificates:verify_form")


def body(response):
    return response.content.decode()


# The address on the certificate -------------------------------------------------------------------


def test_the_short_address_opens_the_page_in_the_visitors_language(client, certified):
    _user, certificate = certified
    short = reverse("certificate_verify_short", args=[certificate.display_code])
    assert short == f"/verify/{certificate.display_code}/"
    response = client.get(short, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == verify_url(certificate.display_code, "en")
    assert "Accept-Language" in response["Vary"]
    response = client.get(short)  # no preference: the default language
    assert response["Location"] == verify_url(certificate.display_code, "zh-hans")


def test_the_short_address_takes_a_code_typed_any_way(client, certified):
    _user, certificate = certified
    typed = certificate.code.lower()
    response = client.get(f"/verify/{typed}/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response["Location"] == verify_url(certificate.display_code, "zh-hans")


def test_a_code_typed_in_the_form_is_found_whatever_the_case_and_spaces(client, certified):
    _user, certificate = certified
    typed = " ".join(certificate.code.lower()[i : i + 4] for i in range(0, 16, 4))
    response = client.get(form_url(), {"code": typed})
    assert response.status_code == 302 and response["Location"] == verify_url(certificate.display_code)
    response = client.get(verify_url(certificate.code.lower()))
    assert response["Location"] == verify_url(certificate.display_code)


def test_the_form_alone(client):
    response = client.get(form_url())
    assert response.status_code == 200
    assert 'name="code"' in body(response) and "核验培训证书" in body(response)
    assert "<script>" not in body(response) and "style=" not in body(response)


# What the page says -------------------------------------------------------------------------------


def test_a_valid_certificate(client, certified):
    user, certificate = certified
    response = client.get(verify_url(certificate.display_code))
    assert response.status_code == 200
    text = body(response)
    assert "此证书有效。" in text
    assert certificate.completion.course_title in text
    assert "张*三" in text and "Z**** X******" in text
    assert "长期有效" in text  # the course does not expire
    completed = certificate.completion.completed_at.astimezone(datetime.UTC)  # a Beijing date shown
    assert str(completed.year) in text
    # Nothing else about the holder.
    assert user.email not in text and "张小三" not in text and "Zhang Xiaosan" not in text
    assert "zhang.xiaosan" not in text
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"


def test_in_english(client, certified):
    _user, certificate = certified
    response = client.get(verify_url(certificate.display_code, "en"))
    assert "This certificate is valid." in body(response)


def test_an_expired_certificate(client, certified):
    _user, certificate = certified
    Completion.objects.filter(pk=certificate.completion_id).update(
        valid_until=beijing_today() - datetime.timedelta(days=1)
    )
    response = client.get(verify_url(certificate.display_code))
    assert response.status_code == 200 and "此证书已过期。" in body(response)


def test_valid_until_the_last_day(client, certified):
    _user, certificate = certified
    Completion.objects.filter(pk=certificate.completion_id).update(valid_until=beijing_today())
    assert "此证书有效。" in body(client.get(verify_url(certificate.display_code)))


def test_a_revoked_certificate_and_the_reason_stays_private(client, certified):
    _user, certificate = certified
    revoke(certificate, by=None, reason="考试作弊被查实")
    response = client.get(verify_url(certificate.display_code))
    assert response.status_code == 200
    assert "此证书已被撤销。" in body(response) and "考试作弊" not in body(response)


@pytest.mark.parametrize("code", ["ABCD-EFGH-JKMN-PQRS", "NOT-A-CODE", "0000"])
def test_an_unknown_code(client, certified, code):
    response = client.get(verify_url(code))
    assert response.status_code == 404
    assert "没有找到使用此验证码的证书" in body(response)
    assert "张*三" not in body(response)


def test_the_course_page_deleted_keeps_verification(client, certified, course):
    _user, certificate = certified
    course.delete()
    response = client.get(verify_url(certificate.display_code))
    assert response.status_code == 200 and "此证书有效。" in body(response)


# Rate limit ---------------------------------------------------------------------------------------


def test_look_ups_are_rate_limited_per_address(client, certified, monkeypatch):
    _user, certificate = certified
    limits = certificate_views.RATE_LIMITS
    monkeypatch.setattr(
        certificate_views,
        "RATE_LIMITS",
        type(limits)(limits.scope, address_and_email=(100, 3600), email=(100, 3600), address=(3, 3600)),
    )
    for _number in range(3):
        assert client.get(verify_url("ABCD-EFGH-JKMN-PQRS")).status_code == 404
    response = client.get(verify_url(certificate.display_code))
    assert response.status_code == 429
    assert "次数过多" in body(response) and "张*三" not in body(response)
    # Another address is not held back.
    response = client.get(verify_url(certificate.display_code), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200


def test_the_per_address_limit_is_generous():
    limits = certificate_views.RATE_LIMITS
    assert limits.address[0] >= 300  # an exhibition hall or a school shares one address


# Queries and time ---------------------------------------------------------------------------------


def test_the_page_is_bounded_at_two_data_sizes(client, course, quiz, django_assert_max_num_queries):
    _user, certificate = certified_learner(course, quiz, render=False)
    client.get(verify_url(certificate.display_code))  # warm the site caches
    counts = []
    for _round in range(2):
        with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(15):
            assert client.get(verify_url(certificate.display_code)).status_code == 200
        counts.append(len(queries))
        for number in range(5):
            certified_learner(course, quiz, render=False, email=f"more{_round}-{number}@example.org")
    assert counts[0] == counts[1], counts
    print(f"verify page: {counts[0]} queries")


def test_median_response_time(client, certified):
    _user, certificate = certified
    url = verify_url(certificate.display_code)
    client.get(url)
    times = []
    for number in range(30):
        started = time.perf_counter()
        assert client.get(url, REMOTE_ADDR=f"198.51.100.{number}").status_code == 200
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    print(f"verify page: median {median * 1000:.1f} ms over 30 requests")
    assert median < 0.5


def test_hostile_codes_never_break_the_page(client, certified):
    from tests.home.test_fuzz_inputs import Fuzzer

    client.raise_request_exception = False
    fuzzer = Fuzzer(client)
    fuzzer.path(lambda code: f"/verify/{code}/", {302})
    fuzzer.path(lambda code: f"/zh-hans/verify/{code}/", {302, 404})
    fuzzer.fields("get", "/zh-hans/verify/", {"code": "abcd efgh"}, ["code"], {200, 302, 404})
    fuzzer.check()
