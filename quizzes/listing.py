"""What the quiz index shows: the live quizzes under it (its language), newest first, a page at a time.

Each card says how many questions an attempt shows (a random draw: how many are drawn; fixed: the
questions not retired, counted in the same query) and the time limit. Three queries whatever the
number of quizzes or past attempts: the count, the page of quizzes, and nothing per card.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import F

from home.listing import page_number
from home.visibility import public

from .models import QuizPage

PAGE_SIZE = 12


@dataclass(frozen=True)
class QuizCard:
    page: QuizPage
    question_count: int

    @property
    def drawn_at_random(self):
        return self.page.selection == QuizPage.Selection.RANDOM


def listed_quizzes(index, request):
    return public(QuizPage.objects.live().child_of(index), request)


def quiz_index_context(index, request):
    notices = []
    quizzes = (
        listed_quizzes(index, request)
        .annotate(fixed_count=QuizPage.fixed_count())
        .only(
            "id",
            "title",
            "slug",
            "url_path",
            "path",
            "depth",
            "locale_id",
            "summary",
            "selection",
            "draw_count",
            "time_limit_minutes",
            "pass_mark",
            "first_published_at",
        )
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    )
    paginator = Paginator(quizzes, PAGE_SIZE)
    page_obj = paginator.page(page_number(request, paginator, notices))
    cards = [
        QuizCard(
            page=quiz,
            question_count=quiz.question_count(quiz.fixed_count),
        )
        for quiz in page_obj.object_list
    ]
    return {"cards": cards, "page_obj": page_obj, "notices": notices}
