"""A signed-in person's own attempts ("My quizzes"): the full page's list and the My portal section.

Their own only: attempts made while signed in, and a guest's claimed when that browser signed in or
up (quizzes/receivers.py). Each list is one query (two with the paginator's count), and one more for
the quizzes' titles in the reader's language, whatever the number of attempts; the snapshots and
drafts are never read.
"""

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.sections import Section
from home.listing import page_number
from home.reader_language import reader_copies, reader_language

from .models import Attempt, QuizPage

MY_QUIZZES_ORDER = 40  # after "My events" (30)
SECTION_COUNT = 3
PER_PAGE = 20


def attempts_of(user):
    """The user's attempts, the latest first, without the (large) snapshot and draft."""
    return Attempt.objects.filter(user=user).defer("snapshot", "draft").order_by("-started_at", "-id")


def titled_for_reader(attempts):
    """The attempts, each with `title` and `title_language`: its quiz's live copy in the reader's
    language where there is one, else the title the attempt kept (the quiz may be gone). One query."""
    language = reader_language()
    copies = reader_copies(QuizPage, {attempt.quiz_key for attempt in attempts}, fields=("id", "title"))
    for attempt in attempts:
        copy = copies.get(attempt.quiz_key)
        in_reader_language = copy is not None and copy.locale.language_code == language
        attempt.title = copy.title if in_reader_language else attempt.quiz_title
        attempt.title_language = language if in_reader_language else attempt.language
    return attempts


def my_quizzes_context(request):
    notices = []
    paginator = Paginator(attempts_of(request.user), PER_PAGE)
    page_obj = paginator.page(page_number(request, paginator, notices))
    return {
        "page_obj": page_obj,
        "attempts": titled_for_reader(list(page_obj.object_list)),
        "notices": notices,
    }


def my_portal_sections(request):
    """The latest few attempts in "My portal", with a link to the full page."""
    if not request.user.is_authenticated:
        return None
    latest = titled_for_reader(list(attempts_of(request.user)[: SECTION_COUNT + 1]))
    return Section(
        order=MY_QUIZZES_ORDER,
        title=_("My quizzes"),
        template_name="quizzes/includes/my_quizzes_section.html",
        context={
            "attempts": latest[:SECTION_COUNT],
            "has_more": len(latest) > SECTION_COUNT,
            "my_quizzes_url": reverse("quizzes:my_quizzes"),
        },
    )
