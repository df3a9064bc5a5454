from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import translation_workflow  # noqa: F401  (registers its hooks: translations go to moderation)
from .reports import UnansweredSearchesReport
from .staff import PermissionMenuItem
from .viewsets import TopicViewSet

register_snippet(TopicViewSet)


@hooks.register("register_admin_urls")
def unanswered_searches_urls():
    view = UnansweredSearchesReport.as_view()
    results = UnansweredSearchesReport.as_view(results_only=True)
    return [
        path("reports/unanswered-searches/", view, name="unanswered_searches"),
        path("reports/unanswered-searches/results/", results, name="unanswered_searches_results"),
    ]


@hooks.register("register_reports_menu_item")
def unanswered_searches_menu_item():
    return PermissionMenuItem(
        _("Searches that found nothing"),
        reverse("unanswered_searches"),
        icon_name="search",
        order=700,
        permission="home.view_unansweredsearch",
    )
