"""Signal receivers of the training room: a passed quiz attempt (submitted, or claimed at sign-in)
completes the learner's courses whose final quiz it is (training.completion)."""

from django.dispatch import receiver

from quizzes.signals import attempt_submitted

from .completion import record_completions_for_quiz


@receiver(attempt_submitted, dispatch_uid="training_complete_courses")
def complete_courses(sender, attempt, **kwargs):
    if attempt.user_id is None or not attempt.passed:
        return
    record_completions_for_quiz(attempt.user, attempt.quiz_key, language=attempt.language)
