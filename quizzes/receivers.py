"""Signal receivers of the quizzes room: a guest's attempts follow them into their account, a deleted
account leaves its attempts anonymous, and a saved question refreshes what pages cached about the bank
(a quiz's number of questions)."""

from allauth.account.signals import user_signed_up
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from home.codes import new_token
from home.site_cache import site_changed

from .attempts import claim_guest_attempts
from .models import Attempt, Question
from .visitors import guest_token_to_claim


def _claim(request, user):
    if request is None:
        return
    token = guest_token_to_claim(request)
    if token:
        claim_guest_attempts(user, token)


@receiver(user_logged_in, dispatch_uid="quizzes_claim_at_login")
def claim_at_login(sender, request, user, **kwargs):
    _claim(request, user)


@receiver(user_signed_up, dispatch_uid="quizzes_claim_at_signup")
def claim_at_signup(request, user, **kwargs):
    # When sign-up does not log in (email verification required), the attempts are claimed here.
    _claim(request, user)


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="quizzes_anonymise_attempts")
def anonymise_attempts(sender, instance, **kwargs):
    """Before the account goes (which empties `user`), its attempts get an owner nobody holds: reports
    keep counting them, and an attempt always has an owner (the quiz_attempt_has_owner constraint)."""
    Attempt.objects.filter(user=instance).update(guest_token=new_token())


@receiver(post_save, sender=Question, dispatch_uid="quizzes_question_saved")
@receiver(post_delete, sender=Question, dispatch_uid="quizzes_question_deleted")
def question_changed(**kwargs):
    site_changed()
