"""A course under an article or case on the same topic, added through the ``content_page_links`` hook.

A course's topics are its final quiz's (the topics it draws from, or those of its fixed questions still
in use): what the course tests is what it is about. The live, public courses of a language and those
topics are read in three queries and cached under the site version (a publish renews it), so a
content page asks nothing for it on a warm cache.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from accounts.sections import Section
from home.site_cache import cached_per_language
from home.visibility import public
from quizzes.content_links import quiz_topic_keys

from .models.pages import CoursePage

CONTENT_COURSE_ORDER = 25  # after a quiz (20), before the next event (30)


@dataclass(frozen=True)
class CourseLink:
    """What a content page shows about a course: small enough to cache, no page object."""

    title: str
    summary: str
    url: str
    estimated_minutes: int | None
    topic_keys: frozenset


def courses_with_topics(request, language_code):
    """The live, public courses of a language with their final quiz's topics, in tree order (cached)."""

    def build(language_code):
        courses = list(
            public(CoursePage.objects.live(), request)
            .filter(locale__language_code=language_code, final_quiz__isnull=False)
            .only("id", "title", "summary", "url_path", "path", "depth", "estimated_minutes", "final_quiz_id")
            .order_by("path")
        )
        topics = quiz_topic_keys({course.final_quiz_id for course in courses}) if courses else {}
        return [
            CourseLink(
                title=course.title,
                summary=course.summary,
                url=course.get_url(request) or "",
                estimated_minutes=course.estimated_minutes,
                topic_keys=frozenset(topics.get(course.final_quiz_id, ())),
            )
            for course in courses
        ]

    return cached_per_language("training-courses-with-topics", request, build, language_code)


def course_on_topics(courses, topic_keys):
    """The course sharing the most topics; among equals the one most about them, then the first."""
    candidates = [course for course in courses if course.url and course.topic_keys & topic_keys]
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda course: (len(course.topic_keys & topic_keys), -len(course.topic_keys - topic_keys)),
    )


def content_page_links(request, subject):
    """A course on the content page's topics, in its language; nothing when no course shares one."""
    if not subject.topic_keys:
        return None
    course = course_on_topics(courses_with_topics(request, subject.language_code), subject.topic_keys)
    if course is None:
        return None
    return Section(
        order=CONTENT_COURSE_ORDER,
        title=_("Take a course before you go"),
        template_name="training/includes/content_course.html",
        context={"course": course},
    )
