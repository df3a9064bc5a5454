"""The database out of reach is a clean, translated 503 page, never a 500 (issue 18, item 7)."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory, override_settings

from home import db_unavailable
from home.query_count import HEADER, RENDERED_HEADER, QueryCountHeaderMiddleware

pytestmark = pytest.mark.django_db


def refuse_select_one(execute, sql, params, many, context):
    if sql.strip() == "SELECT 1":
        raise OperationalError("server closed the connection unexpectedly")
    return execute(sql, params, many, context)


def test_a_view_losing_the_database_answers_503_in_the_visitors_language(client):
    from django.db import connection

    client.raise_request_exception = False
    with connection.execute_wrapper(refuse_select_one):
        response = client.get("/healthz/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "private, no-store"
    page = response.content.decode()
    assert "网站" in page and "12308" in page
    with connection.execute_wrapper(refuse_select_one):
        english = client.get("/healthz/", HTTP_ACCEPT_LANGUAGE="en")
    assert "The site could not reach its database for a moment" in english.content.decode()
    # The next request succeeds: nothing to restart.
    assert client.get("/healthz/").status_code == 200


@pytest.mark.parametrize(
    "error", [OperationalError("the database system is shutting down"), InterfaceError("closed")]
)
def test_the_500_handler_answers_503_for_database_errors_raised_in_a_middleware(error):
    request = RequestFactory().get("/zh-hans/")
    try:
        raise error
    except type(error):
        response = db_unavailable.server_error(request)
    assert response.status_code == 503
    assert b"tel:+861012308" in response.content


def test_any_other_error_stays_a_500():
    request = RequestFactory().get("/zh-hans/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = db_unavailable.server_error(request)
    assert response.status_code == 500


def test_the_middleware_leaves_other_exceptions_to_django():
    middleware = db_unavailable.DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/")
    assert middleware.process_exception(request, ValueError("a bug")) is None
    assert middleware.process_exception(request, OperationalError("gone")).status_code == 503


def test_the_503_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = db_unavailable.unavailable_response(request, OperationalError("gone"))
    assert response.status_code == 503


def test_the_bench_query_header_counts_every_query_of_a_response():
    from django.db import connection
    from django.http import HttpResponse

    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.execute("SELECT 2")
        request.resolver_match = mock.Mock()
        return HttpResponse("ok")

    response = QueryCountHeaderMiddleware(view)(RequestFactory().get("/"))
    assert response[HEADER] == "2"
    assert response[RENDERED_HEADER] == "1"
    cached = QueryCountHeaderMiddleware(lambda request: HttpResponse("hit"))(RequestFactory().get("/"))
    assert cached[HEADER] == "0"
    assert cached[RENDERED_HEADER] == "0"


def test_the_bench_header_is_never_in_the_sites_middleware():
    from django.conf import settings

    assert "home.query_count.QueryCountHeaderMiddleware" not in settings.MIDDLEWARE


@override_settings(DEBUG=False)
def test_connections_are_checked_before_reuse():
    from django.conf import settings

    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_an_email_queued_as_the_database_goes_away_is_logged_not_a_500(django_capture_on_commit_callbacks):
    """Django's robust on_commit runs the callback at once outside a transaction and logs its failure by
    the callback's __qualname__: a functools.partial has none, so the failure became an AttributeError
    and a 500 (seen in the PostgreSQL drill, scripts/drills.py). The message itself stays pending for
    `send_outbox`."""
    from outbox import queue_message

    with django_capture_on_commit_callbacks() as callbacks:
        queue_message("drill@example.org", "主题", "正文")
    assert callbacks
    assert all(callback.__qualname__ for callback in callbacks)
