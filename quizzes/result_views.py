"""The result page of an attempt and "My quizzes".

A result is an app URL keyed on the attempt's public id, shown to its owner only (anyone else gets the
404 a missing attempt gets). It reads everything from the attempt: its snapshot of the questions, its
answers and its quiz title, so it looks the same after the quiz page is edited, unpublished or
deleted. A fixed number of queries, whatever the number of questions or of past attempts.
"""

from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import pgettext
from wagtail.models import Page

from home.public_forms import private_page
from home.reader_language import reader_language
from home.times import beijing_iso, beijing_time

from . import attempts, scoring, visitors
from .models import Answer, Attempt, QuizPage
from .my_quizzes import my_quizzes_context
from .views import own_attempt, take_url


def spaced_code(code):
    """The result code in groups of three, easier to read out: "K7P 2QX"."""
    code = code or ""
    return " ".join(code[index : index + 3] for index in range(0, len(code), 3))


@dataclass
class ChoiceReview:
    text: str
    chosen: bool
    correct: bool
    feedback: str


@dataclass
class QuestionReview:
    position: int
    text: str
    kind: str
    is_correct: bool
    answered: bool
    chosen: list = field(default_factory=list)  # ChoiceReview, the chosen ones
    choices: list = field(default_factory=list)  # ChoiceReview, all (for "answers")
    explanation: str = ""
    learn_more: "ArticleLink | None" = None


@dataclass(frozen=True)
class ArticleLink:
    """A "learn more" page as a link names it: its title and URL, in the reader's language."""

    title: str
    url: str


@dataclass(frozen=True)
class QuizNow:
    """The quiz an attempt belongs to, as it is now: its live copy in the attempt's language (for
    "Try again"), the title the reader reads it under (the live copy in the reader's language, else the
    title the attempt kept), and whether any copy still exists with its synchronised attempt limit."""

    live_page: QuizPage | None
    exists: bool
    attempts_allowed: int
    title: str
    title_language: str


def quiz_now(attempt):
    """One query for every copy of the quiz, whatever its language or state."""
    copies = list(QuizPage.objects.filter(translation_key=attempt.quiz_key).select_related("locale"))
    live = next(
        (page for page in copies if page.live and page.locale.language_code == attempt.language), None
    )
    reader = reader_language()
    readers_copy = next((page for page in copies if page.live and page.locale.language_code == reader), None)
    allowed = copies[0].attempts_allowed if copies else 0
    return QuizNow(
        live_page=live,
        exists=bool(copies),
        attempts_allowed=allowed,
        title=readers_copy.title if readers_copy else attempt.quiz_title,
        title_language=reader if readers_copy else attempt.language,
    )


def answers_shown(attempt, quiz, used):
    """Whether the result shows the right choices and the explanations. With "answers when done" they
    wait for a pass or for the last allowed attempt (or a quiz deleted since, which nobody can retake),
    so no one passes a later attempt by copying an earlier result."""
    if attempt.review == QuizPage.Review.ANSWERS:
        return True
    if attempt.review != QuizPage.Review.ANSWERS_WHEN_DONE:
        return False
    if attempt.passed or not quiz.exists:
        return True
    if not quiz.attempts_allowed:  # the limit was lifted since: more attempts to come
        return False
    return used >= quiz.attempts_allowed


def learn_more_links(request, page_ids, language_code):
    """{page id: ArticleLink} of each live "learn more" page, in `language_code` where it is translated;
    one query."""
    page_ids = {page_id for page_id in page_ids if page_id}
    if not page_ids:
        return {}
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    pages = list(
        Page.objects.filter(
            Q(pk__in=page_ids) | Q(translation_key__in=keys, locale__language_code=language_code)
        )
        .select_related("locale")
        .only("id", "title", "url_path", "path", "depth", "live", "translation_key", "locale__language_code")
    )
    translated = {
        page.translation_key: page
        for page in pages
        if page.live and page.locale.language_code == language_code
    }
    links = {}
    for page in pages:
        if page.pk not in page_ids:
            continue
        target = translated.get(page.translation_key) or (page if page.live else None)
        url = target.get_url(request) if target is not None else None
        if url:
            links[page.pk] = ArticleLink(title=target.title, url=url)
    return links


def review_questions(request, attempt, show_answers):
    """What the page shows per question, as the attempt's review option allows (nothing for "score"):
    the person's own choices marked right or wrong; with "answers when done", a link to read for each
    wrong one; with `show_answers`, every choice, the right ones, feedback, explanations and the link.
    Links go to the article in the reader's language where it is translated."""
    if attempt.review == QuizPage.Review.SCORE:
        return []
    rows = Answer.objects.filter(attempt_id=attempt.pk).only("position", "chosen", "is_correct")
    scored = {answer.position: answer for answer in rows}
    links_for_wrong = attempt.review == QuizPage.Review.ANSWERS_WHEN_DONE
    links = (
        learn_more_links(request, [q.get("learn_more_page_id") for q in attempt.snapshot], reader_language())
        if show_answers or links_for_wrong
        else {}
    )
    reviews = []
    for position, question in enumerate(attempt.snapshot, start=1):
        answer = scored.get(position)
        if answer is not None:
            chosen_ids, is_correct = set(answer.chosen), answer.is_correct
        else:  # no row (should not happen for a submitted attempt): the snapshot and draft still tell
            chosen_ids = set(attempt.draft.get(question["key"], []))
            is_correct = scoring.is_right(question, chosen_ids)
        choices = [
            ChoiceReview(
                text=choice["text"],
                chosen=choice["id"] in chosen_ids,
                correct=bool(choice["correct"]) and show_answers,
                feedback=choice.get("feedback", "") if show_answers and choice["id"] in chosen_ids else "",
            )
            for choice in question["choices"]
        ]
        link = show_answers or (links_for_wrong and not is_correct)
        reviews.append(
            QuestionReview(
                position=position,
                text=question["text"],
                kind=question["kind"],
                is_correct=is_correct,
                answered=bool(chosen_ids),
                chosen=[choice for choice in choices if choice.chosen],
                choices=choices if show_answers else [],
                explanation=question.get("explanation", "") if show_answers else "",
                learn_more=links.get(question.get("learn_more_page_id")) if link else None,
            )
        )
    return reviews


def try_again_url(request, page, used):
    """The live quiz page's start/ route when someone who has used `used` attempts may start another."""
    if page is None:
        return ""
    left = attempts.left_after(page, used)
    if left is not None and left <= 0:
        return ""
    return page.get_url(request) + page.reverse_subpage("start")


@private_page
def result(request, public_id):
    attempt = own_attempt(request, public_id)
    if attempt.is_open:
        if not attempts.is_overdue(attempt):
            return redirect(take_url(attempt))
        attempts.expire(attempt)
    owner = visitors.owner_of(request)
    expired = attempt.status == Attempt.Status.EXPIRED
    quiz = quiz_now(attempt)
    used = attempts.attempts_used(attempt.quiz_key, owner)
    show_answers = not expired and answers_shown(attempt, quiz, used)
    context = {
        "attempt": attempt,
        "quiz_title": quiz.title,
        "quiz_title_language": quiz.title_language,
        "expired": expired,
        "questions": [] if expired else review_questions(request, attempt, show_answers),
        "review": attempt.review,
        "show_answers": show_answers,
        "answers_later": attempt.review == QuizPage.Review.ANSWERS_WHEN_DONE and not show_answers,
        "try_again_url": try_again_url(request, quiz.live_page, used),
        "result_code": spaced_code(attempt.result_code),
        # A volunteer at the stand compares it with the clock on the wall: digits, the zone said.
        "submitted_text": beijing_time(
            attempt.submitted_at, pgettext("quiz result time format", "Y-m-d H:i")
        ),
        "submitted_iso": beijing_iso(attempt.submitted_at),
        "is_guest": not request.user.is_authenticated,
        "result_url": request.get_full_path(),
    }
    return TemplateResponse(request, "quizzes/result.html", context)


# "My quizzes"


@private_page
@login_required
def my_quizzes(request):
    return TemplateResponse(request, "quizzes/my_quizzes.html", my_quizzes_context(request))
