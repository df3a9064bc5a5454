"""Completing a course: only when every rule holds (each required lesson, the final quiz passed, an
event attended where the course names some), recorded from a submitted or claimed attempt, a lesson
marked done or the course page; a snapshot that editing never changes; kept when the course goes;
expiry on a Beijing calendar date, and a new completion only for a pass after the expiry."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from events.checkin import check_in
from quizzes.attempts import submit_attempt
from quizzes.models import Attempt
from quizzes.visitors import GUEST_COOKIE
from tests.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.events import factories as events
from tests.quizzes.factories import right_answers
from tests.training import factories as f
from training.completion import (
    add_months,
    beijing_today,
    record_completion,
    valid_until_for,
)
from training.enrolment import enrol, mark_done
from training.models import Completion, CoursePage, LessonPage

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")


def lessons_of(course):
    return list(LessonPage.objects.child_of(course).order_by("path"))


def do_lessons(user, course, lessons=None):
    for lesson in lessons if lessons is not None else lessons_of(course):
        mark_done(user, lesson, course)


def test_completed_when_every_required_lesson_is_done_and_the_quiz_passed(course, quiz, learner):
    enrol(learner, course)
    do_lessons(learner, course)
    attempt = f.pass_quiz(quiz, learner)
    completion = Completion.objects.get()
    assert completion.user == learner and completion.course_key == course.translation_key
    assert completion.attempt_public_id == attempt.public_id
    assert (completion.score, completion.max_score, completion.percent) == (2, 2, 100)
    assert (
        completion.course_title == course.title and completion.course_revision_id == course.live_revision_id
    )
    assert completion.completed_at == max(
        attempt.submitted_at, *[p.done_at for p in learner.lesson_progress.all()]
    )
    assert completion.valid_until is None


def test_a_missing_required_lesson_means_no_completion(course, quiz, learner):
    enrol(learner, course)
    do_lessons(learner, course, lessons_of(course)[:1])
    f.pass_quiz(quiz, learner)
    assert record_completion(learner, course) is None
    assert not Completion.objects.exists()


def test_optional_lessons_are_not_needed(index, quiz, learner):
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1)
    f.LessonPageFactory(parent=course, is_required=False)
    enrol(learner, course)
    do_lessons(learner, course, lessons_of(course)[:1])
    f.pass_quiz(quiz, learner)
    assert Completion.objects.count() == 1


def test_a_failed_quiz_means_no_completion(course, quiz, learner):
    enrol(learner, course)
    do_lessons(learner, course)
    f.take_quiz(quiz, learner, answers="wrong")
    assert record_completion(learner, course) is None


def test_not_enrolled_means_no_completion(course, quiz, learner):
    do_lessons(learner, course)
    f.pass_quiz(quiz, learner)
    assert record_completion(learner, course) is None
    assert not Completion.objects.exists()


def test_guests_complete_nothing(course):
    from django.contrib.auth.models import AnonymousUser

    assert record_completion(AnonymousUser(), course) is None


def test_lessons_done_after_the_pass_complete_the_course_when_the_last_is_marked(
    client, course, quiz, learner
):
    enrol(learner, course)
    f.pass_quiz(quiz, learner)
    first, last = lessons_of(course)
    do_lessons(learner, course, [first])
    assert not Completion.objects.exists()
    client.force_login(learner)
    response = client.post(last.url + "done/")
    assert response.status_code == 302 and response["Location"] == course.url
    assert Completion.objects.count() == 1


def test_opening_the_course_page_records_a_missed_completion(client, course, quiz, learner):
    enrol(learner, course)
    do_lessons(learner, course)
    f.AttemptFactory(quiz=quiz, user=learner, answers="right")  # its on-commit signal never ran
    assert not Completion.objects.exists()
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert Completion.objects.count() == 1
    assert "You have completed this course." in html or "您已完成本课程" in html


def test_a_course_asking_for_an_event_needs_attendance(index, quiz, learner, home_zh):
    event_index = events.EventIndexPageFactory(parent=home_zh)
    event_page = events.EventPageFactory(parent=event_index)
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1, events=[event_page])
    enrol(learner, course)
    do_lessons(learner, course)
    f.pass_quiz(quiz, learner)
    assert not Completion.objects.exists()
    registration = events.RegistrationFactory(
        event=events.event_of(event_page), user=learner, email=learner.email, name=learner.name
    )
    check_in(registration)
    assert record_completion(learner, course) is not None


def test_the_event_rule_survives_the_event_page_going(index, quiz, learner, home_zh):
    event_index = events.EventIndexPageFactory(parent=home_zh)
    event_page = events.EventPageFactory(parent=event_index)
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1, events=[event_page])
    event = events.event_of(event_page)
    event_page.delete()
    enrol(learner, course)
    do_lessons(learner, course)
    f.pass_quiz(quiz, learner)
    assert record_completion(learner, course) is None
    check_in(events.RegistrationFactory(event=event, user=learner, email=learner.email))
    assert record_completion(learner, course) is not None


def test_a_guest_pass_claimed_at_login_completes_the_course(client, course, quiz):
    learner = UserFactory(email="claim.course@example.org")
    enrol(learner, course)
    do_lessons(learner, course)
    client.post(quiz.url + quiz.reverse_subpage("start"))
    attempt = Attempt.objects.get(guest_token=client.cookies[GUEST_COOKIE].value)
    submit_attempt(attempt, right_answers(attempt))
    assert not Completion.objects.exists()
    with translation.override("en"), TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("account_login"), {"login": "claim.course@example.org", "password": DEFAULT_PASSWORD}
        )
    assert response.status_code == 302
    completion = Completion.objects.get()
    assert completion.user == learner and completion.attempt_public_id == attempt.public_id


def test_the_snapshot_is_unchanged_after_the_course_and_quiz_are_edited(course, quiz, learner):
    enrol(learner, course)
    do_lessons(learner, course)
    f.pass_quiz(quiz, learner)
    before = Completion.objects.values().get()
    course.title = "改过名字的课程"
    course.validity_months = 6
    course.save_revision().publish()
    quiz.title = "改过的测验"
    quiz.pass_mark = 100
    quiz.save_revision().publish()
    course.refresh_from_db()
    assert record_completion(learner, course).pk == before["id"]
    assert Completion.objects.values().get() == before
    assert before["course_title"] != course.title and before["valid_until"] is None


def test_deleting_the_course_page_keeps_completions(course, quiz, learner):
    enrol(learner, course)
    do_lessons(learner, course)
    f.pass_quiz(quiz, learner)
    title = course.title
    CoursePage.objects.get(pk=course.pk).delete()
    completion = Completion.objects.get()
    assert completion.course_page is None and completion.course_title == title
    assert completion.course_key == course.translation_key


def test_valid_until_is_a_beijing_calendar_date():
    # 23:30 UTC on 15 March is 07:30 on 16 March in Beijing: twelve months from the 16th, less a day.
    completed = datetime.datetime(2026, 3, 15, 23, 30, tzinfo=datetime.UTC)
    assert valid_until_for(completed, 12) == datetime.date(2027, 3, 15)
    assert valid_until_for(completed, None) is None
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)


def test_expiry_then_a_new_completion_for_a_pass_after_it(index, home_zh, learner):
    quiz = f.final_quiz(home_zh)
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1, validity_months=12)
    enrol(learner, course)
    do_lessons(learner, course)
    first_attempt = f.pass_quiz(quiz, learner)
    first = Completion.objects.get()
    assert first.valid_until == valid_until_for(first.completed_at, 12)
    # Thirteen months go by: the completion, the pass and the lesson all happened back then.
    back = datetime.timedelta(days=400)
    Completion.objects.update(completed_at=first.completed_at - back, valid_until=first.valid_until - back)
    Attempt.objects.filter(pk=first_attempt.pk).update(submitted_at=first_attempt.submitted_at - back)
    learner.lesson_progress.update(done_at=timezone.now() - back)
    assert record_completion(learner, course) is None  # expired; the old pass does not renew it
    assert Completion.objects.count() == 1
    second_attempt = f.pass_quiz(quiz, learner)
    assert Completion.objects.count() == 2
    second = record_completion(learner, course)
    assert second.attempt_public_id == second_attempt.public_id
    assert second.valid_until == valid_until_for(second_attempt.submitted_at, 12)
    assert second.valid_until > beijing_today()


def test_an_attempt_limited_quiz_is_refused_for_an_expiring_course(index, home_zh):
    quiz = f.final_quiz(home_zh, attempts_allowed=3)
    course = CoursePage(title="会过期的课程", slug="expiring", final_quiz=quiz, validity_months=24)
    with pytest.raises(ValidationError) as refused:
        course.clean()
    assert "final_quiz" in refused.value.message_dict
    CoursePage(title="不过期", slug="forever", final_quiz=quiz).clean()  # no expiry: a limit is fine


def test_an_expiring_course_needs_a_final_quiz():
    with pytest.raises(ValidationError):
        CoursePage(title="没有测验", slug="no-quiz", validity_months=12).clean()


def test_record_completion_is_idempotent(course, quiz, learner):
    enrol(learner, course)
    do_lessons(learner, course)
    f.pass_quiz(quiz, learner)
    f.pass_quiz(quiz, learner)  # a second pass while the first completion is in force
    first = record_completion(learner, course)
    assert record_completion(learner, course).pk == first.pk
    assert Completion.objects.count() == 1


def test_the_english_copy_completes_the_same_course(course, quiz, learner):
    copy = f.translate(course, "en", title="Before you go")
    for lesson in lessons_of(course):
        f.translate(lesson, "en")
    enrol(learner, copy)
    do_lessons(learner, course)
    f.pass_quiz(quiz, learner)
    completion = Completion.objects.get()
    assert completion.course_key == course.translation_key


def test_a_course_without_a_final_quiz_completes_on_its_lessons(index, learner):
    course = f.CoursePageFactory(parent=index, lessons=2)
    enrol(learner, course)
    do_lessons(learner, course)
    completion = record_completion(learner, course)
    assert completion is not None and completion.attempt_public_id is None
    assert record_completion(learner, course).pk == completion.pk
