"""Certificates in tests: a learner who completed a course (through the real enrolment, lessons and
quiz), with the certificate issued by record_completion; rendered at once unless `render=False`."""

from unittest import mock

from tests.accounts.factories import UserFactory
from tests.training import factories as f
from training.enrolment import enrol, mark_done
from training.models import Certificate, LessonPage


def complete_course(course, quiz, user, render=True):
    enrol(user, course)
    for lesson in LessonPage.objects.child_of(course).order_by("path"):
        mark_done(user, lesson, course)
    if render:
        f.pass_quiz(quiz, user)
    else:
        with mock.patch("training.certificates.render_certificate_later"):
            f.pass_quiz(quiz, user)
    return Certificate.objects.select_related("completion").get(completion__user=user)


def certified_learner(course, quiz, render=True, **fields):
    fields.setdefault("name", "张小三")
    fields.setdefault("romanised_name", "Zhang Xiaosan")
    fields.setdefault("email", "zhang.xiaosan@example.org")
    user = UserFactory(**fields)
    return user, complete_course(course, quiz, user, render=render)
