"""Request-wide rules that no single view can keep."""

from .text_input import stripped_data

FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class ControlCharactersMiddleware:
    """Every public request's query parameters and form fields without control characters
    (home/text_input.py), before any view or form reads them: forms we do not own (allauth's log-in,
    sign-up and password reset) included. Tabs and line breaks stay at this level (a textarea may hold
    them); our single-line fields turn them into spaces (`ControlCharactersStripped`).

    The Wagtail admin is left as it is: its editors paste formatted text the editor cleans itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/admin/"):
            request.GET = read_only(stripped_data(request.GET, multi_line=request.GET.keys()))
            if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
                request.POST = read_only(stripped_data(request.POST, multi_line=request.POST.keys()))
        return self.get_response(request)


def read_only(query_dict):
    query_dict._mutable = False  # as Django hands them to views
    return query_dict
