"""Admin registrations and hooks of the quizzes room."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from accounts.sections import CONTENT_PAGE_LINKS, HOME_PAGE_SECTIONS, MY_PORTAL_SECTIONS
from home.demo import SEED_DEMO_CONTENT

from . import admin_views, exhibition_admin
from .content_links import content_page_links
from .demo import seed_quizzes
from .models import Question, QuizPage
from .my_quizzes import my_portal_sections
from .permissions import VIEW_REPORTS
from .sections import home_page_sections
from .viewsets import QuizzesViewSetGroup, refuse_answered

# The home page's featured quiz (sections.py), "My quizzes" in the signed-in area (my_quizzes.py)
# and the demo quizzes for `manage.py seed_demo` (demo.py).
hooks.register(HOME_PAGE_SECTIONS, home_page_sections)
hooks.register(MY_PORTAL_SECTIONS, my_portal_sections)
hooks.register(SEED_DEMO_CONTENT, seed_quizzes)
hooks.register(CONTENT_PAGE_LINKS, content_page_links)  # a quiz on an article's topics (content_links.py)

# The room's menu (viewsets.py): the question bank (answered questions are retired, never deleted),
# reports and result codes.
register_snippet(QuizzesViewSetGroup)


@hooks.register("before_delete_snippet")
def refuse_deleting_answered_questions(request, instances):
    """Also for the listing's bulk delete (the single delete view checks before this runs)."""
    questions = [instance for instance in instances if isinstance(instance, Question)]
    if questions:
        return refuse_answered(request, questions, reverse(Question.snippet_viewset.get_url_name("list")))
    return None


# Staff screens: reports (admin_views.py, permission quizzes.view_reports), and exhibition mode
# (exhibition_admin.py): a quiz's short link and A4 poster, and the result-code look-up where a
# volunteer checks a visitor's result and marks the prize given.
@hooks.register("register_admin_urls")
def quiz_admin_urls():
    return [
        path("quizzes/reports/", admin_views.QuizReportIndexView.as_view(), name="quizzes_report_index"),
        path(
            "quizzes/reports/results/",
            admin_views.QuizReportIndexView.as_view(results_only=True),
            name="quizzes_report_index_results",
        ),
        path("quizzes/reports/<uuid:quiz_key>/", admin_views.QuizReportView.as_view(), name="quizzes_report"),
        path(
            "quizzes/reports/<uuid:quiz_key>/questions.csv",
            admin_views.report_csv_view,
            name="quizzes_report_csv",
        ),
        path(
            "quizzes/reports/<uuid:quiz_key>/questions.xlsx",
            admin_views.report_xlsx_view,
            name="quizzes_report_xlsx",
        ),
        path(
            "quizzes/<int:page_id>/exhibition/",
            exhibition_admin.QuizExhibitionView.as_view(),
            name="quizzes_exhibition",
        ),
        path("quizzes/<int:page_id>/poster.pdf", exhibition_admin.poster_pdf_view, name="quizzes_poster"),
        path("quizzes/result-codes/", exhibition_admin.ResultCodeView.as_view(), name="quizzes_result_codes"),
    ]


def exhibition_button(page, user, priority):
    if isinstance(page.specific_deferred, QuizPage) and exhibition_admin.may_print(user, page):
        url = reverse("quizzes_exhibition", args=[page.pk])
        return Button(_("Poster and short link"), url, icon_name="link", priority=priority)
    return None


@hooks.register("register_page_header_buttons")
def quiz_header_buttons(page, user, view_name=None, next_url=None):
    if not isinstance(page.specific_deferred, QuizPage):
        return
    if user.has_perm(VIEW_REPORTS):
        yield Button(
            _("Report"),
            reverse("quizzes_report", args=[page.translation_key]),
            icon_name="doc-full",
            priority=56,
        )
    button = exhibition_button(page, user, priority=57)
    if button:
        yield button


@hooks.register("register_page_listing_more_buttons")
def exhibition_listing_button(page, user, next_url=None):
    button = exhibition_button(page, user, priority=46)
    if button:
        yield button
