"""Which pages anonymous visitors may see."""

from wagtail.models import PageViewRestriction

from .site_cache import cached


def restricted_paths():
    """Tree paths under a view restriction (password, login, groups), cached until one changes."""
    return cached(
        "restricted-paths", lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


def public(queryset, request):
    """The queryset without pages under a view restriction, like Page.objects.public(), without its query."""
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset
