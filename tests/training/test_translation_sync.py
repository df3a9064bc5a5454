"""A course's rules are the same in every language: wagtail-localize copies its synchronised fields
(final quiz, validity, enrolment, audiences, required lessons' flag) to the translation when it syncs."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from home.models import Audience
from training.models import LessonPage

pytestmark = pytest.mark.django_db


def sync(page, locale):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    copy, _created = source.create_or_update_translation(locale, copy_parent_pages=True, fallback=True)
    return copy


def test_the_rules_follow_the_source_course(course, quiz):
    english = Locale.objects.get(language_code="en")
    copy = sync(course, english)
    assert copy.final_quiz_id == quiz.pk and copy.validity_months is None
    course.validity_months = 12
    course.enrolled_only = True
    course.save_revision().publish()
    course.audiences.set(Audience.objects.filter(slug="students"))
    course.save_revision().publish()
    copy = sync(course, english)
    copy.refresh_from_db()
    assert (copy.validity_months, copy.enrolled_only) == (12, True)
    assert [audience.slug for audience in copy.audiences.all()] == ["students"]
    assert copy.translation_key == course.translation_key


def test_a_lessons_required_flag_follows_the_source(course):
    english = Locale.objects.get(language_code="en")
    sync(course, english)
    lesson = LessonPage.objects.child_of(course).first()
    lesson.is_required = False
    lesson.save_revision().publish()
    copy = sync(lesson, english)
    assert copy.is_required is False
