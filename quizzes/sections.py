"""The home page's featured quiz, added through the ``home_page_sections`` hook.

The newest live quiz marked "feature on the home page" in the reader's language, else the newest live
quiz; read in one query and cached under the site version (every publish, unpublish or move bumps it),
so a warm home page asks the database nothing for it.
"""

from dataclasses import dataclass

from django.db.models import F
from django.utils.translation import gettext as _

from accounts.sections import HomeOrder, Section
from home.site_cache import cached_per_language
from home.visibility import public

from .models import QuizPage

HOME_QUIZ_ORDER = HomeOrder.FEATURED_QUIZ


@dataclass(frozen=True)
class FeaturedQuiz:
    """What the home page shows about a quiz: small enough to cache, no page object."""

    pk: int
    title: str
    summary: str
    url: str
    time_limit_minutes: int | None


def featured_quiz(request, language_code=None):
    """The quiz the home page features in a language, or None (cached; False stands for "none")."""

    def build(language_code):
        page = (
            public(QuizPage.objects.live(), request)
            .filter(locale__language_code=language_code)
            .only("id", "title", "summary", "url_path", "path", "depth", "time_limit_minutes")
            .order_by("-is_featured", F("first_published_at").desc(nulls_last=True), "-pk")
            .first()
        )
        if page is None:
            return False
        return FeaturedQuiz(
            pk=page.pk,
            title=page.title,
            summary=page.summary,
            url=page.get_url(request) or "",
            time_limit_minutes=page.time_limit_minutes,
        )

    return cached_per_language("quizzes-featured", request, build, language_code) or None


def home_page_sections(request):
    """The featured quiz in the reader's language; nothing when there is no live quiz."""
    quiz = featured_quiz(request)
    if quiz is None or not quiz.url:
        return None
    return Section(
        order=HOME_QUIZ_ORDER,
        title=_("Test your safety knowledge"),
        template_name="quizzes/includes/home_quiz.html",
        context={"quiz": quiz},
    )
