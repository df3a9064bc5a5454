"""What training asks the lower rooms, and the rules as database expressions: quizzes.results
(best_result with passed_only and submitted_after, best_results in one query, a passed-attempt Exists),
the attempt_submitted signal (on commit only), events.attendance.attended_event_keys in two queries,
and training.completion's status per course as annotations on a queryset of users."""

import datetime

import pytest
from django.test import TestCase
from django.utils import timezone

from accounts.models import User
from events.checkin import check_in
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.results import best_result, best_results, passed_attempt_exists
from quizzes.signals import attempt_submitted
from quizzes.visitors import Owner
from tests.accounts.factories import UserFactory
from tests.events import factories as events
from tests.quizzes.factories import right_answers
from tests.training import factories as f
from training.completion import CourseStatus, course_status, currently_valid, valid_completion_exists
from training.enrolment import enrol, mark_done
from training.models import Completion, LessonPage

pytestmark = pytest.mark.django_db


def test_best_result_passed_only_and_submitted_after(quiz, learner):
    failed = f.take_quiz(quiz, learner, answers="wrong")
    assert best_result(learner, quiz) == failed
    assert best_result(learner, quiz, passed_only=True) is None
    passed = f.pass_quiz(quiz, learner)
    assert best_result(learner, quiz, passed_only=True) == passed
    assert best_result(learner, quiz, submitted_after=passed.submitted_at) is None
    earlier = passed.submitted_at - datetime.timedelta(seconds=1)
    assert best_result(learner, quiz, passed_only=True, submitted_after=earlier) == passed


def test_best_results_for_many_quizzes_in_one_query(home_zh, learner, django_assert_num_queries):
    quizzes = [f.final_quiz(home_zh) for _ in range(3)]
    f.take_quiz(quizzes[0], learner, answers="wrong")
    best = f.pass_quiz(quizzes[0], learner)
    other = f.take_quiz(quizzes[1], learner, answers="wrong")
    with django_assert_num_queries(1):
        results = best_results(learner, quizzes)
    assert results == {quizzes[0].translation_key: best, quizzes[1].translation_key: other}


def test_a_passed_attempt_exists_annotation(quiz, learner):
    other = UserFactory()
    f.take_quiz(quiz, other, answers="wrong")
    f.pass_quiz(quiz, learner)
    passed = User.objects.annotate(passed=passed_attempt_exists(quiz.translation_key)).filter(passed=True)
    assert list(passed) == [learner]


def test_attempt_submitted_is_sent_once_the_attempt_is_committed(quiz, learner):
    received = []

    def receiver(sender, attempt, **kwargs):
        received.append(attempt.pk)

    attempt_submitted.connect(receiver)
    try:
        attempt, _ = start_attempt(quiz, Owner(user=learner))
        with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
            submit_attempt(attempt, right_answers(attempt))
        assert received == []  # nothing before the commit
        for callback in callbacks:
            callback()
        assert received == [attempt.pk]
        with TestCase.captureOnCommitCallbacks(execute=True):
            submit_attempt(attempt, right_answers(attempt))  # already scored: not sent again
        assert received == [attempt.pk]
    finally:
        attempt_submitted.disconnect(receiver)


def test_attended_event_keys_in_two_queries_whatever_the_number(home_zh, learner, django_assert_num_queries):
    event_index = events.EventIndexPageFactory(parent=home_zh)
    pages = [events.EventPageFactory(parent=event_index) for _ in range(4)]
    for page in pages[:3]:
        check_in(events.RegistrationFactory(event=events.event_of(page), user=learner, email=learner.email))
    from events.attendance import attended_event_keys

    with django_assert_num_queries(2):
        keys = attended_event_keys(learner)
    assert keys == {page.translation_key for page in pages[:3]}


def test_course_status_per_user_in_one_query(index, home_zh, django_assert_num_queries):
    quiz = f.final_quiz(home_zh)
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1, validity_months=12)
    lesson = LessonPage.objects.child_of(course).get()
    nobody, started, done, lapsed = (UserFactory() for _ in range(4))
    enrol(started, course)
    for learner in (done, lapsed):
        enrol(learner, course)
        mark_done(learner, lesson, course)
        f.pass_quiz(quiz, learner)
    Completion.objects.filter(user=lapsed).update(
        valid_until=timezone.localdate() - datetime.timedelta(days=2)
    )
    users = User.objects.filter(pk__in=[nobody.pk, started.pk, done.pk, lapsed.pk])
    with django_assert_num_queries(1):
        statuses = dict(
            users.annotate(status=course_status(course.translation_key)).values_list("pk", "status")
        )
    assert statuses == {
        nobody.pk: CourseStatus.NOT_STARTED,
        started.pk: CourseStatus.IN_PROGRESS,
        done.pk: CourseStatus.COMPLETED,
        lapsed.pk: CourseStatus.EXPIRED,
    }
    valid = users.filter(valid_completion_exists(course.translation_key))
    assert list(valid) == [done]
    assert Completion.objects.filter(currently_valid()).get().user == done
