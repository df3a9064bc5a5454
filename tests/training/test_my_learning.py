""" "My learning" (/<language>/my/learning/ and the first section of My portal): a person's own courses in
progress with their progress and a continue link, their completions (date, valid until, expired), their
certificates with download links; quiz attempts linked to "My quizzes", not listed again. Signed-in and
private; a bounded number of queries whatever the number of enrolments and completions."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.sections import MY_PORTAL_SECTIONS, collect_sections
from tests.accounts.factories import UserFactory
from tests.training import factories as f
from tests.training.certify import complete_course
from training.certificates import issue_certificate, revoke
from training.enrolment import enrol, mark_done
from training.models import Completion, LessonPage
from training.my_learning import MY_LEARNING_ORDER

pytestmark = pytest.mark.django_db


def url(language="zh-hans"):
    with translation.override(language):
        return reverse("training:my_learning")


def lessons_of(course):
    return list(LessonPage.objects.child_of(course).order_by("path"))


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


def in_progress(user, course, done=1):
    enrol(user, course)
    for lesson in lessons_of(course)[:done]:
        mark_done(user, lesson, course)


def completed(user, course, valid_until=None):
    """A completion and its certificate recorded as record_completion would (the render not queued)."""
    enrol(user, course)
    completion = Completion.objects.create(
        user=user,
        course_key=course.translation_key,
        course_page=course,
        course_title=course.title,
        language="zh-hans",
        completed_at=timezone.now() - datetime.timedelta(days=3),
        valid_until=valid_until,
        score=2,
        max_score=2,
        percent=100,
    )
    with mock.patch("training.certificates.render_certificate_later"):
        issue_certificate(completion)
    return completion


# Signed in, private ---------------------------------------------------------------------------


def test_my_learning_needs_login(client):
    response = client.get(url())
    assert response.status_code == 302
    assert response["Location"].startswith("/zh-hans/accounts/login/")


def test_my_learning_is_private(signed_in):
    response = signed_in.get(url("en"))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_only_get_and_head(signed_in):
    assert signed_in.post(url()).status_code == 405


# What it lists --------------------------------------------------------------------------------


def test_a_course_in_progress_with_its_progress_and_the_lesson_to_continue(signed_in, learner, index, quiz):
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=3)
    in_progress(learner, course, done=1)
    html = signed_in.get(url()).content.decode()
    assert course.title in html and course.url in html
    assert "1 of 3 required lessons done" in html or "已完成 1 / 3" in html
    assert 'value="1" max="3"' in html
    assert lessons_of(course)[1].url in html  # continue where they left off


def test_a_completion_with_its_date_validity_and_certificate(signed_in, learner, index, quiz):
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1)
    completion = completed(learner, course, valid_until=datetime.date(2031, 3, 14))
    certificate = completion.certificate
    response = signed_in.get(url("en"))
    html = response.content.decode()
    assert course.title in html
    assert "Valid until 14 March 2031" in html
    assert "Expired" not in html
    assert certificate.display_code in html
    with translation.override("en"):
        assert reverse("certificates:download", args=[certificate.pk]) in html
        assert reverse("certificates:mine", args=[certificate.pk]) in html
    assert response.context["learning"].in_progress == []


def test_an_expired_completion_is_marked_and_points_to_renewal(signed_in, learner, index, quiz):
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1, validity_months=12)
    completed(learner, course, valid_until=timezone.localdate() - datetime.timedelta(days=1))
    html = signed_in.get(url("en")).content.decode()
    assert "Expired after" in html
    assert "Pass the final quiz again to renew it" in html


def test_a_revoked_certificate_has_no_download_link(signed_in, learner, index, quiz):
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1)
    certificate = completed(learner, course).certificate
    revoke(certificate, by=UserFactory(), reason="发错了")
    html = signed_in.get(url("en")).content.decode()
    with translation.override("en"):
        assert reverse("certificates:download", args=[certificate.pk]) not in html
    assert "Revoked" in html


def test_a_course_no_longer_published_keeps_its_title(signed_in, learner, index, quiz):
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=2, title="已下线的课程")
    in_progress(learner, course)
    course.unpublish()
    html = signed_in.get(url("en")).content.decode()
    assert "已下线的课程" in html and "This course is no longer offered." in html


def test_quiz_attempts_are_linked_not_listed(signed_in, learner, quiz):
    attempt = f.take_quiz(quiz, learner, answers="wrong")
    html = signed_in.get(url("en")).content.decode()
    with translation.override("en"):
        assert reverse("quizzes:my_quizzes") in html
        assert reverse("quizzes:result", args=[attempt.public_id]) not in html
    assert quiz.title not in html


def test_nothing_yet(signed_in):
    html = signed_in.get(url("en")).content.decode()
    assert "You have no course in progress." in html
    assert "You have not completed a course yet." in html


def test_each_list_is_only_the_persons_own(client, index, quiz):
    mine, theirs = UserFactory(), UserFactory()
    my_course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=2, title="我的课程")
    their_course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=2, title="别人的课程")
    their_done = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1, title="别人学完的课程")
    in_progress(mine, my_course)
    in_progress(theirs, their_course)
    their_certificate = completed(theirs, their_done).certificate

    client.force_login(mine)
    for address in (url(), "/zh-hans/my/"):
        html = client.get(address).content.decode()
        assert "我的课程" in html
        assert "别人的课程" not in html and "别人学完的课程" not in html
        assert their_certificate.display_code not in html
        assert f"/my/certificates/{their_certificate.pk}/" not in html


def test_opening_it_records_a_completion_whose_rules_all_hold(signed_in, learner, course, quiz):
    """The safety net: lessons done and the quiz passed, but the signal's completion missed."""
    enrol(learner, course)
    for lesson in lessons_of(course):
        mark_done(learner, lesson, course)
    with mock.patch("training.receivers.record_completion"):
        f.pass_quiz(quiz, learner)
    assert not Completion.objects.exists()
    with mock.patch("training.certificates.render_certificate_later"):
        response = signed_in.get(url("en"))
    assert Completion.objects.filter(user=learner, course_key=course.translation_key).count() == 1
    assert response.context["learning"].in_progress == []
    assert len(response.context["learning"].completed) == 1


def test_through_the_real_functions(signed_in, learner, course, quiz):
    certificate = complete_course(course, quiz, learner, render=False)
    html = signed_in.get(url("en")).content.decode()
    assert certificate.display_code in html and "No expiry" in html


# My portal ------------------------------------------------------------------------------------


def test_the_section_comes_first_in_my_portal(signed_in, learner, index, quiz, rf):
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=2, title="行前安全课")
    in_progress(learner, course)
    html = signed_in.get("/en/my/").content.decode()
    assert html.index("My learning") < html.index("My events") < html.index("My quizzes")
    assert "行前安全课" in html and url("en") in html
    request = rf.get("/en/my/")
    request.user = learner
    orders = [section.order for section in collect_sections(MY_PORTAL_SECTIONS, request)]
    assert orders[0] == MY_LEARNING_ORDER == 10 and orders == sorted(orders)


def test_the_section_shows_a_few_and_links_to_the_page(signed_in, learner, index, quiz):
    courses = [f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=2) for _ in range(4)]
    for course in courses:
        in_progress(learner, course)
    response = signed_in.get("/en/my/")
    section = next(s for s in response.context["sections"] if s.order == MY_LEARNING_ORDER)
    assert len(section.context["learning"].in_progress) == 3 and section.context["has_more"]
    assert "All my learning" in response.content.decode()


def test_no_section_for_a_guest(rf):
    from django.contrib.auth.models import AnonymousUser

    from training.my_learning import my_portal_sections

    request = rf.get("/en/my/")
    request.user = AnonymousUser()
    assert my_portal_sections(request) is None


# Queries --------------------------------------------------------------------------------------


@pytest.mark.parametrize("address", [url("en"), "/en/my/"], ids=["my-learning", "my-portal"])
def test_queries_do_not_grow_with_enrolments_and_completions(
    signed_in, learner, index, quiz, address, django_assert_max_num_queries
):
    counts = []
    made = 0
    for size in (1, 20):
        while made < size:
            in_progress(learner, f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=2))
            completed(learner, f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1))
            made += 1
        signed_in.get(address)  # warm the site caches and the courses' outlines
        with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as queries:
            response = signed_in.get(address)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    print(f"{address}: {counts[0]} queries with 1 and with 20 enrolments and completions")
