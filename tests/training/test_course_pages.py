"""The course and lesson pages: outline, progress and "continue where you left off", enrolling (POST,
sign-in first), lessons for enrolled learners only, previous/next, "mark as done" on its own sub-route,
anonymous pages alike for every visitor and without a CSRF token, bounded queries."""

import re
from urllib.parse import urlencode

import pytest

from tests.accounts.factories import UserFactory
from tests.training import factories as f
from training.enrolment import enrol
from training.models import CoursePage, Enrolment, LessonPage, LessonProgress

pytestmark = pytest.mark.django_db


def lessons_of(course):
    return list(LessonPage.objects.child_of(course).order_by("path"))


def test_the_index_lists_its_courses(client, index, course):
    html = client.get(index.url).content.decode()
    assert course.title in html and course.url in html


def test_the_course_page_shows_its_lessons_in_order_and_the_final_quiz(client, course, quiz):
    first, second = lessons_of(course)
    html = client.get(course.url).content.decode()
    assert html.index(first.title) < html.index(second.title)
    assert quiz.title in html and quiz.url in html


def test_an_anonymous_course_page_offers_sign_in_and_carries_no_csrf_token(client, course):
    response = client.get(course.url)
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "/accounts/login/?next=" in html or "login/?next=" in html
    assert "csrftoken" not in response.cookies


def test_anonymous_course_and_lesson_pages_are_the_same_for_every_visitor(course):
    from django.test import Client

    lesson = lessons_of(course)[0]
    for url in (course.url, lesson.url):
        first, second = Client().get(url), Client().get(url)
        assert first.status_code == second.status_code == 200
        assert first.content == second.content
        assert "csrfmiddlewaretoken" not in first.content.decode()


def test_enrolling_is_a_post_and_a_second_one_changes_nothing(client, course, learner):
    client.force_login(learner)
    enrol_url = course.url + "enrol/"
    assert client.get(enrol_url).status_code == 302
    assert not Enrolment.objects.exists()
    response = client.post(enrol_url)
    first = lessons_of(course)[0]
    assert response.status_code == 302 and response["Location"] == first.url
    client.post(enrol_url)
    enrolment = Enrolment.objects.get()
    assert enrolment.user == learner and enrolment.course_key == course.translation_key
    assert enrolment.source == "self"


def test_enrolling_signed_out_goes_to_sign_in_and_back(client, course):
    response = client.post(course.url + "enrol/")
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/accounts/login/?" + urlencode({"next": course.url})
    assert not Enrolment.objects.exists()


def test_closed_enrolment_enrols_nobody(client, index, quiz, learner):
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1, enrolment_open=False)
    client.force_login(learner)
    client.post(course.url + "enrol/")
    assert not Enrolment.objects.exists()
    assert "csrfmiddlewaretoken" not in client.get(course.url).content.decode()


def test_enrol_is_idempotent_whoever_calls_it(course, learner):
    first = enrol(learner, course)
    second = enrol(learner, course, source="organisation")
    assert first.pk == second.pk and Enrolment.objects.get().source == "self"


def test_the_english_copy_counts_with_the_chinese(client, course, learner):
    copy = f.translate(course, "en", title="Pre-departure safety")
    enrol(learner, course)
    assert enrol(learner, copy).course_key == course.translation_key
    assert Enrolment.objects.count() == 1


def test_progress_bar_and_continue_where_you_left_off(client, course, learner):
    first, second = lessons_of(course)
    enrol(learner, course)
    client.force_login(learner)
    client.post(first.url + "done/")
    html = client.get(course.url).content.decode()
    assert '<progress class="course-progress__bar" value="1" max="2"' in html
    continue_link = re.search(r'<a class="btn btn-primary btn-lg" href="([^"]+)">', html).group(1)
    assert continue_link == second.url


def test_marking_done_moves_on_to_the_next_lesson(client, course, learner):
    first, second = lessons_of(course)
    enrol(learner, course)
    client.force_login(learner)
    response = client.post(first.url + "done/")
    assert response.status_code == 302 and response["Location"] == second.url
    assert LessonProgress.objects.get().lesson_key == first.translation_key
    client.post(first.url + "done/")
    assert LessonProgress.objects.count() == 1


def test_marking_done_signed_out_changes_nothing(client, course):
    lesson = lessons_of(course)[0]
    response = client.post(lesson.url + "done/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert not LessonProgress.objects.exists()


def test_marking_done_on_an_open_course_enrols_the_learner(client, course, learner):
    client.force_login(learner)
    client.post(lessons_of(course)[0].url + "done/")
    assert Enrolment.objects.filter(user=learner).count() == 1


def test_a_lesson_of_another_course_cannot_be_marked_through_this_one(client, index, quiz, course, learner):
    other = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1)
    theirs = lessons_of(other)[0]
    enrol(learner, course)
    client.force_login(learner)
    response = client.post(course.url + theirs.slug + "/done/")
    assert response.status_code == 404
    assert not LessonProgress.objects.exists()


def test_lessons_for_enrolled_learners_only(client, index, quiz, learner):
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1, enrolled_only=True)
    lesson = lessons_of(course)[0]
    response = client.get(lesson.url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(learner)
    response = client.get(lesson.url)
    assert response.status_code == 302 and response["Location"] == course.url
    assert lesson.title not in client.get(course.url).content.decode().split("<ol")[0]
    enrol(learner, course)
    assert client.get(lesson.url).status_code == 200


def test_marking_a_lesson_of_a_closed_enrolled_only_course_is_404(client, index, quiz, learner):
    course = f.CoursePageFactory(
        parent=index, final_quiz=quiz, lessons=1, enrolled_only=True, enrolment_open=False
    )
    client.force_login(learner)
    assert client.post(lessons_of(course)[0].url + "done/").status_code == 404
    assert not LessonProgress.objects.exists() and not Enrolment.objects.exists()


def test_lesson_has_previous_and_next(client, index, quiz):
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=3)
    first, middle, last = lessons_of(course)
    html = client.get(middle.url).content.decode()
    assert f'href="{first.url}" rel="prev"' in html and f'href="{last.url}" rel="next"' in html
    assert "第 2 课时，共 3 课时" in html  # "Lesson 2 of 3"


def test_lesson_blocks_checklist_and_understanding_without_script(client, index, quiz):
    course = f.CoursePageFactory(parent=index, final_quiz=quiz)
    lesson = f.LessonPageFactory(
        parent=course,
        body=[
            ("checklist", {"title": "出发前", "items": ["护照", "签证"]}),
            (
                "understanding",
                {
                    "question": "护照丢了先做什么？",
                    "choices": [
                        {"text": "报警并联系使领馆", "is_correct": True, "feedback": "对。"},
                        {"text": "直接回国", "is_correct": False, "feedback": "不行。"},
                    ],
                    "explanation": "<p>先报警。</p>",
                },
            ),
        ],
    )
    html = client.get(lesson.url).content.decode()
    assert "护照" in html and "<details" in html and "报警并联系使领馆" in html
    assert "<script>" not in html.split("<main")[-1]


def page_queries(client, url, django_assert_max_num_queries, bound=15):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the site caches, as a running site has them
    with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(bound):
        assert client.get(url).status_code == 200
    print(f"{url}: {len(queries)} queries")  # shown with -s: the figures the closing note reports
    return len(queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_course_page_queries_do_not_grow_with_lessons_or_learners(
    client, index, quiz, signed_in, django_assert_max_num_queries
):
    counts = []
    for lessons, others in ((2, 1), (12, 30)):
        course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=lessons)
        for _ in range(others):
            enrol(UserFactory(), course)
        if signed_in:
            learner = UserFactory()
            enrol(learner, course)
            client.force_login(learner)
            client.post(lessons_of(course)[0].url + "done/")
        counts.append(page_queries(client, course.url, django_assert_max_num_queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize("signed_in", [False, True])
def test_lesson_page_queries_do_not_grow_with_lessons_or_learners(
    client, index, quiz, signed_in, django_assert_max_num_queries
):
    counts = []
    for lessons, others in ((2, 1), (12, 30)):
        course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=lessons)
        for _ in range(others):
            enrol(UserFactory(), course)
        lesson = lessons_of(course)[1]
        if signed_in:
            learner = UserFactory()
            enrol(learner, course)
            client.force_login(learner)
        counts.append(page_queries(client, lesson.url, django_assert_max_num_queries))
    assert counts[0] == counts[1]


def test_signed_in_course_pages_are_private(client, course, learner):
    enrol(learner, course)
    client.force_login(learner)
    for url in (course.url, lessons_of(course)[0].url):
        assert "private" in client.get(url)["Cache-Control"]


def test_the_index_queries_do_not_grow_with_courses(client, index, quiz, django_assert_max_num_queries):
    counts = []
    for courses in (1, 10):
        while CoursePage.objects.child_of(index).count() < courses:
            f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1)
        counts.append(page_queries(client, index.url, django_assert_max_num_queries))
    assert counts[0] == counts[1]
