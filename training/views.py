"""The course pages' views: the course index, a course (outline, progress, "continue where you left
off", enrol), a lesson (previous/next, mark as done) and their POST sub-routes. The page models hand
their requests here (training/models/pages.py); the rules live in enrolment.py and completion.py.

Anonymous visitors get the same page for every visitor of a language: no CSRF token, nothing personal
(the enrol and "mark as done" forms are shown to signed-in people only, whose pages are private).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Exists
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from home.models import Audience
from home.visibility import public

from .completion import LearnerState, latest_completion, learner_state, record_completion
from .enrolment import done_keys, enrolment_of
from .enrolment import enrol as enrol_learner
from .enrolment import mark_done as mark_lesson_done
from .models.pages import CoursePage
from .models.records import Enrolment, LessonProgress


def login_url(next_url):
    """Sign in and come back to `next_url`."""
    return reverse("account_login") + "?" + urlencode({"next": next_url})


def course_index_context(index, request):
    courses = (
        public(CoursePage.objects.live().child_of(index), request)
        .only("id", "title", "slug", "url_path", "path", "depth", "locale_id", "summary", "estimated_minutes")
        .order_by("path")
    )
    return {"courses": list(courses)}


@dataclass(frozen=True)
class OutlineRow:
    lesson: object  # outline.LessonEntry
    done: bool
    readable: bool


@dataclass(frozen=True)
class Progress:
    done: int
    required: int

    @property
    def percent(self):
        return round(100 * self.done / self.required) if self.required else 100


def continue_url(outline, done):
    """Where the learner left off: the first lesson in order not done, else the final quiz."""
    for lesson in outline.lessons:
        if lesson.key not in done:
            return lesson.url
    return outline.final_quiz_url


def course_page(request, course):
    outline = course.outline(request)
    preview = getattr(request, "is_preview", False)
    state = LearnerState() if preview else learner_state(request.user, course)
    enrolment, done, completion = state.enrolment, state.done, state.completion
    readable = not course.enrolled_only or enrolment is not None
    rows = [OutlineRow(lesson, lesson.key in done, readable) for lesson in outline.lessons]
    required_in_outline = [lesson for lesson in outline.lessons if lesson.is_required]
    progress = Progress(
        sum(1 for lesson in required_in_outline if lesson.key in done), len(required_in_outline)
    )
    signed_in = request.user.is_authenticated
    context = {
        "outline": outline,
        "rows": rows,
        "enrolment": enrolment,
        "progress": progress,
        "completion": completion,
        "completion_valid": state.completion_valid(),
        "continue_url": continue_url(outline, done) if enrolment is not None and completion is None else "",
        "audiences": [Audience.Kind(slug).label for slug in outline.audience_slugs],
        "may_enrol": signed_in and enrolment is None and course.enrolment_open,
        "enrol_url": course.url + course.reverse_subpage("enrol"),
        "login_url": "" if signed_in else login_url(course.url),
    }
    return course.render(request, context_overrides=context)


def enrol(request, course):
    """POST: enrol the signed-in learner (a second click changes nothing); others sign in first."""
    if request.method == "GET":
        return redirect(course.url)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect(login_url(course.url))
    if getattr(request, "is_preview", False):
        return redirect(course.url)
    if enrolment_of(request.user, course) is None:
        if not course.enrolment_open:
            messages.error(request, _("Enrolment on this course is closed."))
            return redirect(course.url)
        enrol_learner(request.user, course)
        messages.success(request, _("You are enrolled. Your progress is kept in your account."))
    outline = course.outline(request)
    return redirect(continue_url(outline, done_keys(request.user, course.translation_key)) or course.url)


def lesson_enrolment(user, course, lesson):
    """The learner's enrolment on the course, with `lesson_done` for this lesson (one query)."""
    if not user.is_authenticated:
        return None
    done = LessonProgress.objects.filter(user=user, lesson_key=lesson.translation_key)
    return (
        Enrolment.objects.filter(user=user, course_key=course.translation_key)
        .annotate(lesson_done=Exists(done))
        .first()
    )


def lesson_page(request, lesson):
    course = lesson.get_course()
    user = request.user
    preview = getattr(request, "is_preview", False)
    enrolment = None if preview else lesson_enrolment(user, course, lesson)
    enrolled = enrolment is not None
    if course.enrolled_only and not enrolled and not preview:
        if not user.is_authenticated:
            return redirect(login_url(lesson.url))
        messages.info(request, _("This course's lessons are for enrolled learners. Enrol to read them."))
        return redirect(course.url)
    outline = course.outline(request)
    previous, following = outline.neighbours(lesson.translation_key)
    is_done = enrolled and enrolment.lesson_done
    context = {
        "course": course,
        "outline": outline,
        "position": (outline.position(lesson.translation_key) or 0) + 1,
        "previous": previous,
        "next": following,
        "enrolled": enrolled,
        "is_done": is_done,
        "may_mark_done": user.is_authenticated and (enrolled or course.enrolment_open),
        "done_url": lesson.url + lesson.reverse_subpage("mark_done"),
        "login_url": "" if user.is_authenticated else login_url(lesson.url),
    }
    return lesson.render(request, context_overrides=context)


def mark_done(request, lesson):
    """POST: the lesson is done (enrolling the learner first where enrolment is open), then on to the
    next lesson. A lesson of a course the learner may not follow is a 404."""
    if request.method == "GET":
        return redirect(lesson.url)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect(login_url(lesson.url))
    if getattr(request, "is_preview", False):
        return redirect(lesson.url)
    course = lesson.get_course()
    user = request.user
    if enrolment_of(user, course) is None:
        if not course.enrolment_open:
            raise Http404
        enrol_learner(user, course, source=Enrolment.Source.SELF)
    mark_lesson_done(user, lesson, course)
    before = latest_completion(user, course.translation_key)
    completion = record_completion(user, course)
    if completion is not None and (before is None or completion.pk != before.pk):
        messages.success(request, _("Well done: you have completed this course."))
        return redirect(course.url)
    messages.success(request, _("Lesson marked as done."))
    _previous, following = course.outline(request).neighbours(lesson.translation_key)
    return redirect(following.url if following else course.url)
