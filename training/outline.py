"""A course's outline and rules as every page of it reads them: its live lessons in order with their
required flags, the required lessons of every language copy, the events that count, and the final
quiz. Read once and kept with home.site_cache.cached, keyed on the course copy and its latest revision
(publishing the course, or any page, renews it: the site version changes). `CoursePage.outline()`
builds it here, handing over its lessons, so that this module needs no page model."""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import Page

from home.reader_language import copy_for_reader
from home.site_cache import cached
from home.visibility import public
from quizzes.models import QuizPage


@dataclass(frozen=True)
class LessonEntry:
    pk: int
    key: object  # the lesson's translation key
    title: str
    url: str
    is_required: bool


@dataclass(frozen=True)
class Outline:
    course_key: object
    lessons: tuple
    # The translation keys of the live required lessons of every language copy of the course: what
    # completing it needs, whichever language the learner reads in.
    required_keys: frozenset
    event_keys: frozenset
    audience_slugs: tuple = ()
    final_quiz_key: object = None
    final_quiz_title: str = ""
    final_quiz_url: str = ""

    def position(self, lesson_key):
        return next((index for index, entry in enumerate(self.lessons) if entry.key == lesson_key), None)

    def neighbours(self, lesson_key):
        """(previous lesson, next lesson) around the lesson, either None at an end."""
        index = self.position(lesson_key)
        if index is None:
            return None, None
        previous = self.lessons[index - 1] if index > 0 else None
        following = self.lessons[index + 1] if index + 1 < len(self.lessons) else None
        return previous, following


def _required_keys(course, lesson_model):
    copies = list(
        Page.objects.filter(translation_key=course.translation_key, depth=course.depth).values_list(
            "path", flat=True
        )
    )
    under_a_copy = Q()
    for path in copies:
        under_a_copy |= Q(path__startswith=path)
    lessons = lesson_model.objects.live().filter(under_a_copy, depth=course.depth + 1, is_required=True)
    return frozenset(lessons.values_list("translation_key", flat=True))


def build_outline(course, lesson_model, request=None):
    lessons = public(lesson_model.objects.live().child_of(course), request).only(
        "id", "title", "slug", "url_path", "path", "depth", "translation_key", "is_required", "locale_id"
    )
    entries = tuple(
        LessonEntry(
            pk=lesson.pk,
            key=lesson.translation_key,
            title=lesson.title,
            url=lesson.get_url(request),
            is_required=lesson.is_required,
        )
        for lesson in lessons.order_by("path")
    )
    event_keys = frozenset(key for key in course.required_events.values_list("event_key", flat=True) if key)
    quiz_fields = {}
    if course.final_quiz_id is not None:
        quiz_key = (
            QuizPage.objects.filter(pk=course.final_quiz_id).values_list("translation_key", flat=True).first()
        )
        if quiz_key is not None:
            quiz_fields["final_quiz_key"] = quiz_key
            copies = list(QuizPage.objects.live().filter(translation_key=quiz_key).select_related("locale"))
            quiz = copy_for_reader(copies, course.locale.language_code)
            if quiz is not None:
                quiz_fields["final_quiz_title"] = quiz.title
                quiz_fields["final_quiz_url"] = quiz.get_url(request) or ""
    return Outline(
        course_key=course.translation_key,
        lessons=entries,
        required_keys=_required_keys(course, lesson_model),
        event_keys=event_keys,
        audience_slugs=tuple(course.audiences.values_list("slug", flat=True)),
        **quiz_fields,
    )


def cached_outline(course, lesson_model, request=None):
    """The course copy's outline (see Outline), built once per revision and site version."""
    return cached(
        "training-outline",
        lambda: build_outline(course, lesson_model, request),
        course.pk,
        course.latest_revision_id,
    )
