"""How many SQL queries a response cost, as a response header, for the load test only.

`QueryCountHeaderMiddleware` is in MIDDLEWARE under portal.settings.bench alone (`make bench`), never
in production: it sits first, outside the page cache, so a page served from the cache says 0. The
header is `X-Bench-Queries`; every database connection the request used is counted.
`X-Bench-Rendered` says whether a view ran (1) or something before the URL resolver answered (0: the
page cache, or WhiteNoise for a static file).
"""

from django.db import connections

HEADER = "X-Bench-Queries"
RENDERED_HEADER = "X-Bench-Rendered"


class QueryCountHeaderMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        wrapped = []
        for connection in connections.all(initialized_only=False):
            wrapped.append(connection.execute_wrapper(counter))
            wrapped[-1].__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrapped):
                wrapper.__exit__(None, None, None)
        response[HEADER] = str(count)
        response[RENDERED_HEADER] = "0" if getattr(request, "resolver_match", None) is None else "1"
        return response
