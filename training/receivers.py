"""Signal receivers of the training room: a passed quiz attempt (submitted, or claimed at sign-in)
completes the learner's courses whose final quiz it is (training.completion)."""

from django.dispatch import receiver

from quizzes.signals import attempt_submitted

from .completion import record_completion
from .models.pages import CoursePage
from .models.records import Enrolment


def record_completions_for_quiz(user, quiz_key, language=None):
    """After a pass at a quiz: record completions of the learner's courses whose final quiz it is (the
    course copy in `language` where live). Returns the completions in force."""
    enrolled = Enrolment.objects.filter(user=user).values("course_key")
    courses = CoursePage.objects.live().filter(
        final_quiz__translation_key=quiz_key, translation_key__in=enrolled
    )
    chosen = {}
    for course in courses.select_related("locale").order_by("pk"):
        if course.translation_key not in chosen or course.locale.language_code == language:
            chosen[course.translation_key] = course
    completions = (record_completion(user, course) for course in chosen.values())
    return [completion for completion in completions if completion is not None]


@receiver(attempt_submitted, dispatch_uid="training_complete_courses")
def complete_courses(sender, attempt, **kwargs):
    if attempt.user_id is None or not attempt.passed:
        return
    record_completions_for_quiz(attempt.user, attempt.quiz_key, language=attempt.language)
