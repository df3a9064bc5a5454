"""Which pages anonymous visitors may see."""

from wagtail.models import PageViewRestriction

from .page_routes import kept_until_routes_change


def restricted_paths(request=None):
    """Tree paths under a view restriction (password, login, groups), kept until a route changes (a
    restriction saved or deleted, a page moved or deleted: home/page_routes.py); a publish changes none."""
    return kept_until_routes_change(
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        request,
    )


def public(queryset, request):
    """The queryset without pages under a view restriction, like Page.objects.public(), without its query."""
    for path in restricted_paths(request):
        queryset = queryset.exclude(path__startswith=path)
    return queryset
