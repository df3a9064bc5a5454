"""Demo training for `seed_demo`: the course index, two courses of 4 to 6 lessons in both languages with
their final quizzes and rules, and a demo learner who completed one course through the real functions
and is halfway through the other; idempotent and cheap the second time; no email, no PDF rendered."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page, Revision

from home.demo import SEED_DEMO_CONTENT, load_demo_data
from outbox.models import Message
from quizzes.demo import seed_quizzes
from quizzes.models import Attempt, QuizPage
from tests.shared_data import made_once
from training.demo import DEMO_LEARNER_PASSWORD, seed_training
from training.models import (
    Certificate,
    Completion,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
)

pytestmark = pytest.mark.django_db

EMAIL = "learner@example.org"


def seed():
    seed_quizzes(io.StringIO())
    with TestCase.captureOnCommitCallbacks() as callbacks:
        seed_training(io.StringIO())
    return callbacks


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """After home's and the quizzes' seeders, as `seed_demo` runs them; what waits for the commit (the
    quiz signal, the certificate's render) is captured, not run: `seeded` holds the training seeder's
    callbacks. Seeded once for the module (rolled back after it); each test's changes rolled back after it."""
    with made_once(django_db_blocker, seed) as made:
        yield made.value


def counts():
    models = (Page, Revision, Enrolment, LessonProgress, Completion, Certificate, Attempt, Message)
    return {model.__name__: model.objects.count() for model in models}


def course(locale, slug):
    return CoursePage.objects.live().get(locale=locale, slug=slug)


def learner():
    return get_user_model().objects.get(email=EMAIL)


def test_seed_demo_runs_the_training_seeder_after_the_quizzes():
    seeders = hooks.get_hooks(SEED_DEMO_CONTENT)
    assert seed_training in seeders
    assert seeders.index(seed_quizzes) < seeders.index(seed_training)


def test_the_course_index_sits_under_each_home_page_in_the_menu(seeded, home_zh, home_en):
    titles = {}
    for home in (home_zh, home_en):
        index = CourseIndexPage.objects.child_of(home).live().get(slug="courses")
        assert index.show_in_menus and index.intro
        titles[home.locale.language_code] = index.title
    assert titles == {"zh-hans": "行前培训", "en": "Pre-departure training"}


def test_two_courses_in_both_languages_with_their_quizzes_rules_and_lessons(seeded, zh, en):
    for locale in (zh, en):
        assert CoursePage.objects.live().filter(locale=locale).count() == 2
    rules = {
        "study-abroad-safety": ("pre-departure-students", None),
        "posted-overseas": ("consular-protection-basics", 24),
    }
    for slug, (quiz_slug, months) in rules.items():
        chinese, english = course(zh, slug), course(en, slug)
        assert english.translation_key == chinese.translation_key
        assert english.title != chinese.title and english.summary != chinese.summary
        assert chinese.validity_months == english.validity_months == months
        assert chinese.final_quiz.slug == english.final_quiz.slug == quiz_slug
        assert english.final_quiz.locale == en and chinese.final_quiz.locale == zh
        assert chinese.audiences.exists()
        for locale, copy_ in ((zh, chinese), (en, english)):
            lessons = LessonPage.objects.live().child_of(copy_).filter(locale=locale).order_by("path")
            assert 4 <= lessons.count() <= 6
            kinds = {block.block_type for lesson in lessons for block in lesson.body}
            assert {"checklist", "understanding", "paragraph"} <= kinds
        chinese_lessons = LessonPage.objects.child_of(chinese).order_by("path")
        english_lessons = LessonPage.objects.child_of(english).order_by("path")
        assert [lesson.translation_key for lesson in chinese_lessons] == [
            lesson.translation_key for lesson in english_lessons
        ]
        assert all(a.title != b.title for a, b in zip(chinese_lessons, english_lessons, strict=True))
    # An expiring course's final quiz allows retakes (CoursePage.clean's rule).
    assert course(zh, "posted-overseas").final_quiz.attempts_allowed == 0
    course(zh, "posted-overseas").full_clean()


def test_the_learner_completed_one_course_through_the_real_functions(seeded, zh):
    user = learner()
    assert user.check_password(DEMO_LEARNER_PASSWORD)
    assert user.emailaddress_set.get().verified
    done = course(zh, "posted-overseas")
    completion = Completion.objects.get(user=user)
    assert completion.course_key == done.translation_key
    assert completion.valid_until is not None  # 24 months
    attempt = Attempt.objects.get(user=user)  # through start_attempt / submit_attempt
    assert attempt.quiz_key == done.final_quiz.translation_key and attempt.passed
    assert completion.attempt_public_id == attempt.public_id and completion.percent == attempt.percent < 100
    lessons = LessonPage.objects.child_of(done)
    assert (
        LessonProgress.objects.filter(user=user, course_key=done.translation_key).count() == lessons.count()
    )
    # The certificate is issued with the completion; its render waits for the commit (the worker).
    certificate = Certificate.objects.get(completion=completion)
    assert not certificate.file and certificate.holder_name == "李明"
    assert len(seeded) >= 1


def test_the_learner_is_halfway_through_the_other(seeded, zh):
    user = learner()
    other = course(zh, "study-abroad-safety")
    assert Enrolment.objects.filter(user=user, course_key=other.translation_key).exists()
    done = LessonProgress.objects.filter(user=user, course_key=other.translation_key).count()
    total = LessonPage.objects.child_of(other).count()
    assert 0 < done < total and done in (total // 2, (total + 1) // 2)
    assert not Completion.objects.filter(user=user, course_key=other.translation_key).exists()


def test_seeding_sends_no_email(seeded):
    assert not Message.objects.filter(status=Message.Status.PENDING).exists()


def test_the_learner_sees_both_in_my_learning(seeded, client):
    client.force_login(learner())
    with translation.override("en"):
        response = client.get(reverse("training:my_learning"))
    learning = response.context["learning"]
    assert [row.title for row in learning.in_progress] == ["Safe study abroad: before you go"]
    assert [row.title for row in learning.completed] == ["Posted overseas: safety and consular protection"]
    assert learning.in_progress[0].progress.done == 3
    assert len(learning.certificates) == 1


def test_second_run_changes_nothing_and_is_quick(seeded, django_assert_max_num_queries):
    before = counts()
    with django_assert_max_num_queries(15):
        seed_training(io.StringIO())
    assert counts() == before


def test_a_deleted_translation_is_made_again(seeded, zh, en):
    chinese = course(zh, "study-abroad-safety")
    english = CoursePage.objects.get(locale=en, translation_key=chinese.translation_key)
    english.delete()
    seed_training(io.StringIO())
    english = CoursePage.objects.live().get(locale=en, translation_key=chinese.translation_key)
    assert LessonPage.objects.child_of(english).count() == LessonPage.objects.child_of(chinese).count()


def test_the_data_has_4_to_6_lessons_a_course_in_both_languages():
    data = load_demo_data("training", "courses")
    for spec in data["courses"]:
        assert 4 <= len(spec["lessons"]) <= 6
        for lesson in spec["lessons"]:
            assert lesson["zh-hans"]["title"] and lesson["en"]["title"]
    assert QuizPage  # the final quizzes are the quizzes demo's (quizzes/demo_data/quizzes.json)
    quiz_slugs = {spec["slug"] for spec in load_demo_data("quizzes", "quizzes")["quizzes"]}
    assert {spec["final_quiz"] for spec in data["courses"]} <= quiz_slugs
