"""Courses and quizzes for the dashboard part's tests (assignments, reminders, the dashboard)."""

import itertools

from tests.training import factories as tf

_numbers = itertools.count(1)


def course_and_quiz(home):
    """A published course (one lesson, a final quiz) in its own index, and its quiz."""
    index = tf.CourseIndexPageFactory(parent=home, slug=f"courses-org-{next(_numbers)}")
    quiz = tf.final_quiz(home)
    return tf.CoursePageFactory(parent=index, final_quiz=quiz, lessons=1), quiz
