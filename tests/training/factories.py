"""Factories for the training room in tests: course index, course and lesson pages, and the ways a
learner moves through a course.

``CoursePageFactory(parent=index, final_quiz=quiz, lessons=3)`` is a published course with three
published required lessons under it; ``events=[event_page]`` makes attending one of them a rule.
``pass_quiz(quiz, user)`` takes the quiz through the real start and submit (tests.quizzes.factories
.AttemptFactory) and runs what waits for the commit (quizzes.signals.attempt_submitted), as a request's
transaction would.
"""

import factory
from django.test import TestCase

from tests.factories import PublishedPageFactory, translate
from tests.quizzes.factories import AttemptFactory, QuestionFactory, QuizIndexPageFactory, QuizPageFactory
from training.models import CourseEvent, CourseIndexPage, CoursePage, LessonPage

__all__ = [
    "CourseIndexPageFactory",
    "CoursePageFactory",
    "LessonPageFactory",
    "final_quiz",
    "pass_quiz",
    "take_quiz",
    "translate",
]


class CourseIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = CourseIndexPage

    title = "行前培训"
    slug = "courses-test"
    intro = "出国前学一学。"


class LessonPageFactory(PublishedPageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"第 {n + 1} 课：出行前的准备")
    slug = factory.Sequence(lambda n: f"lesson-{n + 1}")
    summary = "这一课讲出行前要做的准备。"
    body = factory.LazyFunction(lambda: [("paragraph", "<p>出行前请登记行程，并保存 12308 热线。</p>")])
    is_required = True


class CoursePageFactory(PublishedPageFactory):
    """A published course; ``lessons=n`` adds n published required lessons under it (in order)."""

    class Meta:
        model = CoursePage
        skip_postgeneration_save = True

    class Params:
        events = ()

    title = factory.Sequence(lambda n: f"留学生行前安全课 {n + 1}")
    slug = factory.Sequence(lambda n: f"course-{n + 1}")
    summary = "出国留学前的安全必修课。"
    description = "<p>完成全部课程并通过结业测验即可结业。</p>"
    estimated_minutes = 30
    required_events = factory.LazyAttribute(
        lambda page: [
            CourseEvent(event_page=event, sort_order=order) for order, event in enumerate(page.events)
        ]
    )

    @factory.post_generation
    def lessons(self, create, count, **kwargs):
        for _number in range(count or 0):
            LessonPageFactory(parent=self, **kwargs)


def final_quiz(home, questions=2, **rules):
    """A published quiz (under its own index below `home`) for a course to end with."""
    index = (
        QuizIndexPageFactory(parent=home)
        if not home.get_children().filter(slug="quizzes-test")
        else (home.get_children().get(slug="quizzes-test").specific)
    )
    return QuizPageFactory(parent=index, questions=[QuestionFactory() for _ in range(questions)], **rules)


def take_quiz(quiz, user=None, answers="right", **kwargs):
    """An attempt submitted through quizzes.attempts, with the on-commit signal run."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return AttemptFactory(quiz=quiz, user=user, answers=answers, **kwargs)


def pass_quiz(quiz, user):
    return take_quiz(quiz, user, answers="right")
