from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from accounts.forms import NAME_VALIDATORS

from . import (
    admin_menu,  # noqa: F401  (registers its hooks: menu labels in the editor's language)
    translation_workflow,  # noqa: F401  (registers its hooks: translations go to moderation)
)
from . import slugs as page_slugs
from .editor_guide import EditorGuidePanel, EditorGuideView
from .reports import UnansweredSearchesReport
from .staff import PermissionMenuItem
from .text_input import refuse_hidden_text
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


# New pages: pinyin slugs, and no "slug already in use" after autosave (slugs.py); the editor's guide.
hooks.register("before_create_page", page_slugs.before_create_page)
hooks.register("after_create_page", page_slugs.remember_autosaved_page)
hooks.register("before_edit_page", page_slugs.before_edit_page)
hooks.register("insert_editor_js", page_slugs.editor_js)


@hooks.register("register_admin_urls")
def editor_urls():
    return [
        path("guide/", EditorGuideView.as_view(), name="home_editor_guide"),
        path("pinyin-slug/", page_slugs.pinyin_slug_view, name="home_pinyin_slug"),
    ]


@hooks.register("construct_homepage_panels")
def editor_guide_panel(request, panels):
    panels.append(EditorGuidePanel())


# Names anywhere in accounts refuse line breaks and direction controls (accounts may not import home).
hooks.register(NAME_VALIDATORS, refuse_hidden_text)
