"""The database out of reach is a clean 503 "try again in a moment", never a 500.

A PostgreSQL restart (or failover) drops every open connection and refuses new ones for a few
seconds. A request caught in it gets `OperationalError` or `InterfaceError`; its transaction is rolled
back by the server, so nothing is half-written. This answers it with templates/503.html (translated,
rendered without touching the database) and `Retry-After`, and logs one warning line instead of a
server-error traceback. The broken connection is closed at the end of the request (Django's
`close_old_connections`), and `CONN_HEALTH_CHECKS` checks a kept connection before the next request
uses it, so the site recovers by itself: no gunicorn restart.

Two ways in: `DatabaseUnavailableMiddleware.process_exception` for errors a view raises, and
`server_error` (portal/urls.py's handler500) for those raised in a middleware (a session saved
after the view, a lookup before it), which Django turns into a 500 response before any outer
middleware could see them.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5


def unavailable_response(request, error):
    logger.warning("Database unavailable (%s: %s): 503 for %s", type(error).__name__, error, request.path)
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "private, no-store"
    response._has_been_logged = True  # the warning above says it: no "Service Unavailable" error line too
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return unavailable_response(request, exception)
        return None


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: the 503 page when the error is the database out of reach, else Django's 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNAVAILABLE):
        return unavailable_response(request, error)
    return defaults.server_error(request, template_name)
