"""What other rooms may ask about quiz results (DESIGN.md: training asks quizzes, not the reverse)."""

from .models import Attempt


def best_result(user, quiz):
    """The user's best submitted attempt at `quiz` (any language copy), or None."""
    if user is None or not user.is_authenticated:
        return None
    return (
        Attempt.objects.filter(user=user, quiz_key=quiz.translation_key, status=Attempt.Status.SUBMITTED)
        .order_by("-percent", "submitted_at")
        .first()
    )
