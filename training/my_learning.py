"""A signed-in person's own learning ("My learning"): courses in progress, completions, certificates.
The full page at /<language>/my/learning/ and the first section of My portal.

Their own only: every list is filtered on the signed-in user. A handful of queries whatever the number
of enrolments and completions: the enrolments, the completions with their certificates, the courses'
live copies in the reader's language, and the lessons done (the courses' outlines come from the site
cache, training/outline.py). Quiz attempts stay in "My quizzes" (linked, not listed again).

Like the course page, opening "My learning" records a completion whose rules all hold now (a safety
net: the quiz signal and "mark as done" record them first). To stay bounded it calls
`record_completion` only for courses it has checked will complete: every required lesson done (from
the lessons-done query), the final quiz passed (`quizzes.results.best_results`, one query) and an
event attended where the course asks (`events.attendance.attended_event_keys`, two queries, only then).
A course whose completion expired is renewed by the quiz signal or its course page, not here.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.sections import Section
from events.attendance import attended_event_keys
from home.reader_language import reader_copies
from home.times import in_beijing
from quizzes.results import best_results

from .completion import beijing_today, record_completion
from .models.certificates import Certificate
from .models.pages import CoursePage
from .models.records import Completion, Enrolment, LessonProgress
from .trips import TripForm, trip_readiness
from .views import Progress, continue_url

MY_LEARNING_ORDER = 10  # before "My events" (30) and "My quizzes" (40)
SECTION_COUNT = 3


@dataclass(frozen=True)
class CourseInProgress:
    title: str
    url: str  # "" when the course is no longer published
    progress: Progress | None
    continue_url: str


@dataclass(frozen=True)
class CompletedCourse:
    completion: Completion
    title: str
    url: str
    completed_on: object  # a Beijing calendar date
    expired: bool
    certificate: Certificate | None


@dataclass(frozen=True)
class MyLearning:
    in_progress: list
    completed: list

    @property
    def certificates(self):
        return [row for row in self.completed if row.certificate is not None]


class _QuizKey:
    """What quizzes.results.best_results reads of a quiz: its translation key."""

    def __init__(self, translation_key):
        self.translation_key = translation_key


def _completions_of(user):
    return list(
        Completion.objects.filter(user=user).select_related("certificate").order_by("-completed_at", "-pk")
    )


def _done_by_course(user, course_keys):
    done = {}
    if course_keys:
        rows = LessonProgress.objects.filter(user=user, course_key__in=course_keys).values_list(
            "course_key", "lesson_key"
        )
        for course_key, lesson_key in rows:
            done.setdefault(course_key, set()).add(lesson_key)
    return done


def _will_complete(user, outlines, done):
    """The course keys (of those in `outlines`) whose every rule holds now, checked in at most three
    queries: required lessons from `done`, passed final quizzes, attended events."""
    lessons_done = [
        key
        for key, outline in outlines.items()
        if outline.final_quiz_key is not None and not set(outline.required_keys) - done.get(key, set())
    ]
    if not lessons_done:
        return []
    best = best_results(user, [_QuizKey(outlines[key].final_quiz_key) for key in lessons_done])
    passed = [
        key
        for key in lessons_done
        if best.get(outlines[key].final_quiz_key) is not None and best[outlines[key].final_quiz_key].passed
    ]
    if any(outlines[key].event_keys for key in passed):
        attended = attended_event_keys(user)
        passed = [
            key for key in passed if not outlines[key].event_keys or outlines[key].event_keys & attended
        ]
    return passed


def my_learning(request, limit=None):
    """The person's learning, `limit` rows of each list at most (None: all)."""
    user = request.user
    enrolments = list(Enrolment.objects.filter(user=user).order_by("-enrolled_at", "-pk"))
    completions = _completions_of(user)
    completed_keys = {completion.course_key for completion in completions}
    open_enrolments = [enrolment for enrolment in enrolments if enrolment.course_key not in completed_keys]
    copies = reader_copies(CoursePage, {enrolment.course_key for enrolment in enrolments} | completed_keys)
    outlines = {
        enrolment.course_key: copies[enrolment.course_key].outline(request)
        for enrolment in open_enrolments
        if enrolment.course_key in copies
    }
    done = _done_by_course(user, list(outlines))
    completing = _will_complete(user, outlines, done)
    if completing:
        for key in completing:
            record_completion(user, copies[key])
        completions = _completions_of(user)
        completed_keys = {completion.course_key for completion in completions}
        open_enrolments = [e for e in open_enrolments if e.course_key not in completed_keys]

    in_progress = []
    for enrolment in open_enrolments[:limit]:
        course = copies.get(enrolment.course_key)
        if course is None:
            in_progress.append(CourseInProgress(enrolment.course_title, "", None, ""))
            continue
        outline = outlines[enrolment.course_key]
        lessons_done = done.get(enrolment.course_key, set())
        required = [lesson for lesson in outline.lessons if lesson.is_required]
        progress = Progress(sum(1 for lesson in required if lesson.key in lessons_done), len(required))
        in_progress.append(
            CourseInProgress(
                course.title, course.get_url(request), progress, continue_url(outline, lessons_done) or ""
            )
        )

    today = beijing_today()
    completed = []
    for completion in completions[:limit]:
        course = copies.get(completion.course_key)
        completed.append(
            CompletedCourse(
                completion=completion,
                title=course.title if course is not None else completion.course_title,
                url=course.get_url(request) if course is not None else "",
                completed_on=in_beijing(completion.completed_at).date(),
                expired=not completion.is_valid_on(today),
                certificate=getattr(completion, "certificate", None),
            )
        )
    return MyLearning(in_progress, completed), len(open_enrolments), len(completions)


def my_learning_context(request):
    learning, _in_progress, _completed = my_learning(request)
    return {
        "learning": learning,
        "my_quizzes_url": reverse("quizzes:my_quizzes"),
        "readiness": trip_readiness(request.user, learning.completed),
        "trip_form": TripForm(user=request.user),
    }


def my_portal_sections(request):
    """The first courses in progress and the latest completions in My portal, with a link to the page."""
    if not request.user.is_authenticated:
        return None
    learning, in_progress, completed = my_learning(request, limit=SECTION_COUNT)
    return Section(
        order=MY_LEARNING_ORDER,
        title=_("My learning"),
        template_name="training/includes/my_learning_section.html",
        context={
            "learning": learning,
            "has_more": in_progress > SECTION_COUNT or completed > SECTION_COUNT,
            "my_learning_url": reverse("training:my_learning"),
        },
    )
