"""The quiz pages' views: the quiz index, the quiz page, starting (or resuming) an attempt, the answer
sheet, autosave. The page models hand their requests here (quizzes/models/pages.py).

The rules live in quizzes/attempts.py; these views read the request, call them and choose a page.
An attempt's links are app URLs keyed on its random public id and answer 404 to anyone but its owner
(a signed-in user, or the guest token in this browser's session). Nothing sent before submitting
carries a hint of which choices are right (quizzes/forms.py builds what the template sees).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F, TextChoices
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_POST

from home.listing import page_number
from home.public_forms import private_page
from home.site_cache import cached
from home.visibility import public

from . import attempts, scoring, visitors
from .forms import answer_sheet, answers_from
from .models.pages import QuizPage


class Action(TextChoices):
    """The answer sheet's buttons: keep the answers; submit (listing unanswered questions first);
    submit anyway."""

    SAVE = "save"
    SUBMIT = "submit"
    CONFIRM = "confirm"


def in_language(language, name, *args):
    """The URL `name` in `language` (an attempt's links stay in the language it started in)."""
    if language == translation.get_language():
        return reverse(name, args=args)
    with translation.override(language):
        return reverse(name, args=args)


def take_url(attempt):
    return in_language(attempt.language, "quizzes:take", attempt.public_id)


def result_url(attempt):
    return in_language(attempt.language, "quizzes:result", attempt.public_id)


def own_attempt(request, public_id, lock=False):
    """The visitor's own attempt, or 404 (someone else's looks like a missing one). `lock`: as
    `visitors.attempt_for` takes it."""
    try:
        return visitors.attempt_for(request, public_id, lock)
    except visitors.AttemptNotFoundError as error:
        raise Http404 from error


def account_url(name, next_url):
    """Sign in (or up) and come back to `next_url`."""
    return reverse(name) + "?" + urlencode({"next": next_url})


# The quiz index: the live quizzes under it (its language), newest first, a page at a time. Each card
# says how many questions an attempt shows (a random draw: how many are drawn; fixed: the questions
# not retired, counted in the same query) and the time limit. Three queries whatever the number of
# quizzes or past attempts: the count, the page of quizzes, and nothing per card.
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
            "who_may_take",
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


def question_count(page):
    """Cached for the page's revision and the site version (saving a question starts a new one:
    quizzes/receivers.py)."""
    return cached("quiz-question-count", page.question_count, page.pk, page.latest_revision_id)


def quiz_page(request, page):
    """The quiz's own page: what it is, its rules, and Start (or Continue, or why not)."""
    preview = getattr(request, "is_preview", False)
    owner = None if preview else visitors.owner_of(request)
    signed_in_needed = page.signed_in_only and not request.user.is_authenticated
    mine = attempts.standing(page, owner)
    current, finished = mine.open_attempt, mine.last_finished
    left = attempts.left_after(page, mine.used)
    context = {
        "question_count": question_count(page),
        "attempts_left": left,
        "review": page.review_policy,
        "no_attempts_left": left == 0 and current is None,
        "signed_in_needed": signed_in_needed,
        "login_url": account_url("account_login", page.url) if signed_in_needed else "",
        "signup_url": account_url("account_signup", page.url) if signed_in_needed else "",
        "start_url": page.url + page.reverse_subpage("start"),
        "open_attempt": current,
        "continue_url": take_url(current) if current else "",
        "seconds_left": attempts.seconds_left(current) if current else None,
        "last_result_url": result_url(finished) if finished else "",
        "preview": preview,
    }
    response = page.render(request, context_overrides=context)
    # "Attempts left" and "Continue" are this visitor's: no shared cache may keep the page.
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def start(request, page):
    """POST: start an attempt, or resume the one already open (a double click lands on the same one)."""
    if request.method == "GET":
        return redirect(page.url)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if getattr(request, "is_preview", False):
        return redirect(page.url)
    if page.signed_in_only and not request.user.is_authenticated:
        messages.info(request, translation.gettext("Please sign in to take this quiz."))
        return redirect(account_url("account_login", page.url))
    owner = visitors.owner_of(request, create=True)
    try:
        attempt, _started = attempts.start_attempt(page, owner)
    except attempts.QuizError as error:
        messages.error(request, error.message)
        return redirect(page.url)
    return visitors.keep_guest_token(request, redirect(take_url(attempt)))


def time_up(request, attempt, status=200):
    page = attempt.quiz_page
    context = {
        "attempt": attempt,
        "result_url": result_url(attempt),
        "quiz_url": page.url if page is not None and page.live else "",
    }
    return TemplateResponse(request, "quizzes/time_up.html", context, status=status)


def sheet_response(request, attempt, answers, status=200, **extra):
    context = {
        "attempt": attempt,
        "sheet": answer_sheet(attempt.snapshot, answers),
        "question_total": len(attempt.snapshot),
        "seconds_left": attempts.seconds_left(attempt),
        "take_url": take_url(attempt),
        "save_url": in_language(attempt.language, "quizzes:save", attempt.public_id),
    } | extra
    return TemplateResponse(request, "quizzes/take.html", context, status=status)


@private_page
def take(request, public_id):
    """The answer sheet: GET shows it (with the answers kept so far), POST saves or submits it."""
    if request.method == "GET":
        return show_sheet(request, own_attempt(request, public_id))
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    # One transaction: the attempt is read with its row locked (so the rules do not read it again),
    # and what they decide, an attempt closed as expired included, is kept before the answer goes out.
    with transaction.atomic():
        return answer_sheet_post(request, own_attempt(request, public_id, lock=True))


def show_sheet(request, attempt):
    if attempt.is_finished:
        return redirect(result_url(attempt))
    if translation.get_language() != attempt.language:
        return redirect(take_url(attempt))
    if attempts.is_overdue(attempt):
        attempts.expire(attempt)
        return time_up(request, attempt)
    return sheet_response(request, attempt, attempt.draft)


def answer_sheet_post(request, attempt):
    """Save or submit the answer sheet; `attempt` was read with its row locked in this transaction."""
    if attempt.is_finished:
        return redirect(result_url(attempt))
    action = request.POST.get("action", Action.SAVE)
    if action == Action.SUBMIT and request.POST.get("confirm"):
        action = Action.CONFIRM
    answers = answers_from(request.POST, attempt.snapshot)
    try:
        if action in (Action.SUBMIT, Action.CONFIRM):
            # Which are left blank; whether what was sent is valid, the rules check (InvalidAnswerError).
            missing = scoring.unanswered(attempt.snapshot, {**attempt.draft, **answers})
            if missing and action != Action.CONFIRM:
                attempt = attempts.save_answers(attempt, answers, already_locked=True)
                return sheet_response(request, attempt, attempt.draft, unanswered=missing)
            attempt, _scored_now = attempts.submit_attempt(attempt, answers, already_locked=True)
            return redirect(result_url(attempt))
        attempt = attempts.save_answers(attempt, answers, already_locked=True)
    except scoring.InvalidAnswerError as error:
        return sheet_response(request, attempt, attempt.draft, status=400, error=str(error))
    except attempts.DeadlinePassedError:
        attempt.refresh_from_db()
        return time_up(request, attempt, status=409)
    except attempts.AttemptClosedError:
        return redirect(result_url(attempt))
    messages.success(request, translation.gettext("Your answers are saved."))
    return redirect(take_url(attempt))


@private_page
@require_POST
def save(request, public_id):
    """Autosave (JSON): keep the answers as they are now; tell the page how much time is left."""
    with transaction.atomic():  # as in `take`: the row read once, locked, and what is decided kept
        attempt = own_attempt(request, public_id, lock=True)
        if attempt.is_finished:
            return closed_json(attempt, translation.gettext("This attempt has already been submitted."))
        try:
            attempt = attempts.save_answers(
                attempt, answers_from(request.POST, attempt.snapshot), already_locked=True
            )
        except scoring.InvalidAnswerError as error:
            return JsonResponse({"saved": False, "error": str(error)}, status=400)
        except attempts.QuizError as error:  # DeadlinePassedError, AttemptClosedError
            return closed_json(attempt, error.message)
    return JsonResponse({"saved": True, "seconds_left": attempts.seconds_left(attempt)})


def closed_json(attempt, message):
    return JsonResponse(
        {"saved": False, "error": message, "closed": True, "next": take_url(attempt)}, status=409
    )
