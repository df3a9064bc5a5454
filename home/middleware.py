"""Request-wide rules that no single view can keep."""

from csp.middleware import CSPMiddleware

from .text_input import stripped_data

FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class ControlCharactersMiddleware:
    """Every request's query parameters, and public requests' form fields, without control characters
    (home/text_input.py), before any view or form reads them: forms we do not own (allauth's log-in,
    sign-up and password reset) and the admin's search boxes included. Tabs and line breaks stay at
    this level (a textarea may hold them); our single-line fields turn them into spaces
    (`ControlCharactersStripped`).

    The Wagtail admin's forms are left as they are: its editors paste formatted text the editor cleans.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = read_only(stripped_data(request.GET, multi_line=request.GET.keys()))
        is_form = request.method == "POST" and request.content_type in FORM_CONTENT_TYPES
        if is_form and not request.path.startswith("/admin/"):
            request.POST = read_only(stripped_data(request.POST, multi_line=request.POST.keys()))
        return self.get_response(request)


def read_only(query_dict):
    query_dict._mutable = False  # as Django hands them to views
    return query_dict


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's, with no policy on a redirect: a browser renders nothing of one (it follows the
    Location, whose page has a policy of its own), so building the two policies there is wasted on
    every form sent (the POST, redirect, GET pattern)."""

    def process_response(self, request, response):
        if 300 <= response.status_code < 400:
            return response
        return super().process_response(request, response)
