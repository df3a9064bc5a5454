"""Which pages anonymous visitors may see, looked up once per request."""

from wagtail.models import PageViewRestriction


def restricted_paths(request):
    """Tree paths under a view restriction (password, login, groups): one query per request."""
    if not hasattr(request, "_portal_restricted_paths"):
        request._portal_restricted_paths = list(
            PageViewRestriction.objects.values_list("page__path", flat=True)
        )
    return request._portal_restricted_paths


def public(queryset, request):
    """The queryset without pages under a view restriction, like Page.objects.public(), sharing the lookup."""
    for path in restricted_paths(request):
        queryset = queryset.exclude(path__startswith=path)
    return queryset
