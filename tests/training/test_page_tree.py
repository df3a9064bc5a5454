"""The training room's page tree: a course index under the home page, courses under it, lessons under a
course; courses found by search as "Course"."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from training.models import CourseIndexPage, CoursePage, LessonPage


class TrainingPageTree(WagtailPageTestCase):
    def test_a_course_index_goes_under_the_home_page(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, CourseIndexPage)

    def test_courses_go_under_the_index_and_lessons_under_a_course(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedParentPageTypes(LessonPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())


@pytest.mark.django_db
def test_search_finds_a_course_and_calls_it_a_course(client, home_zh):
    from tests.training.factories import CourseIndexPageFactory, CoursePageFactory

    index = CourseIndexPageFactory(parent=home_zh)
    CoursePageFactory(parent=index, title="外派员工海外安全培训", summary="派驻海外前的安全课程。", lessons=1)
    response = client.get("/zh-hans/search/", {"q": "外派员工"})
    html = response.content.decode()
    assert "外派员工海外安全培训" in html
    assert "课程" in html  # the kind of result, in Chinese once the catalogue has it


@pytest.mark.django_db
def test_lessons_are_not_in_search(client, home_zh):
    from tests.training.factories import CourseIndexPageFactory, CoursePageFactory, LessonPageFactory

    index = CourseIndexPageFactory(parent=home_zh)
    course = CoursePageFactory(parent=index, enrolled_only=True)
    LessonPageFactory(parent=course, title="只给学员看的课：紧急撤离")
    response = client.get("/zh-hans/search/", {"q": "紧急撤离"})
    assert "只给学员看的课" not in response.content.decode()


@pytest.mark.django_db
def test_the_main_navigation_has_the_course_index_after_the_quizzes(client, home_zh):
    from tests.quizzes.factories import QuizIndexPageFactory
    from tests.training.factories import CourseIndexPageFactory

    courses = CourseIndexPageFactory(parent=home_zh, show_in_menus=True, title="行前培训课程")
    quizzes = QuizIndexPageFactory(parent=home_zh, show_in_menus=True)
    html = client.get(home_zh.url).content.decode()
    header = html[: html.index("</header>")]
    assert f'href="{courses.url}"' in header
    assert header.index(f'href="{quizzes.url}"') < header.index(f'href="{courses.url}"')
