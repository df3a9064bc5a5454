"""Hooks of the members part (see wagtail_hooks.py): an invitation becomes a membership when its person
signs up, signs in holding its link, or confirms the invited address."""

from allauth.account.signals import email_confirmed, user_logged_in, user_signed_up
from django.dispatch import receiver

from . import invitations


def _accept(request, user):
    token = request.session.pop(invitations.INVITE_SESSION_KEY, None) if request is not None else None
    accepted = invitations.accept_for(user, token)
    if accepted and request is not None:
        from django.contrib import messages

        from .joining import joined_message

        for membership in accepted:
            messages.success(request, joined_message(membership, True))


@receiver(user_signed_up, dispatch_uid="organizations-invitation-signed-up")
def accept_on_sign_up(request, user, **kwargs):
    _accept(request, user)


@receiver(user_logged_in, dispatch_uid="organizations-invitation-logged-in")
def accept_on_sign_in(request, user, **kwargs):
    if request is not None and request.session.get(invitations.INVITE_SESSION_KEY):
        _accept(request, user)


@receiver(email_confirmed, dispatch_uid="organizations-invitation-email-confirmed")
def accept_on_email_confirmed(request, email_address, **kwargs):
    if email_address.user_id and email_address.email.lower() == email_address.user.email.lower():
        _accept(request, email_address.user)
