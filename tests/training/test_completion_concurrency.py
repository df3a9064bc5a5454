"""On PostgreSQL: requests racing to record the same completion record one (the unique constraint on
user, course key and qualifying attempt)."""

import pytest

from tests.accounts.factories import UserFactory
from tests.concurrency import CONCURRENT, at_once
from tests.training import factories as f
from training.completion import record_completion
from training.enrolment import enrol, mark_done
from training.models import Completion, CoursePage, LessonPage

pytestmark = [pytest.mark.engine, *CONCURRENT]


def test_racing_record_completion_records_one(home_zh):
    index = f.CourseIndexPageFactory(parent=home_zh)
    quiz = f.final_quiz(home_zh)
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=2)
    learner = UserFactory()
    enrol(learner, course)
    for lesson in LessonPage.objects.child_of(course):
        mark_done(learner, lesson, course)
    f.AttemptFactory(quiz=quiz, user=learner, answers="right")
    Completion.objects.all().delete()  # as if the attempt's signal had been missed: the page records it

    def complete():
        return record_completion(learner, CoursePage.objects.get(pk=course.pk)).pk

    recorded = at_once(complete, threads=4)
    assert Completion.objects.count() == 1
    assert set(recorded) == {Completion.objects.get().pk}
