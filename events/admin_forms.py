"""The forms of the staff screens: a message to everyone confirmed, invitations, and the reason for
cancelling someone's registration."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.text_input import ControlCharactersStripped

from .invitations import split_emails
from .models.records import CANCELLATION_REASON_MAX_LENGTH

MAX_INVITATIONS = 500


class MessageForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=150)
    body = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Plain text. Each person gets it by email, with the event's details and their own links."
        ),
    )

    def clean_subject(self):
        subject = " ".join(self.cleaned_data["subject"].split())
        if not subject:
            raise forms.ValidationError(_("Give the message a subject."))
        return subject

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write the message."))
        return body


class InviteForm(forms.Form):
    emails = forms.CharField(
        label=gettext_lazy("Email addresses"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_INVITATIONS * 80,
        help_text=gettext_lazy(
            "One address per line. Each person gets a personal registration link; someone invited "
            "before keeps their link."
        ),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the invitation"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )

    def clean_emails(self):
        emails = split_emails(self.cleaned_data["emails"])
        if not emails:
            raise forms.ValidationError(_("Give at least one email address."))
        if len(emails) > MAX_INVITATIONS:
            raise forms.ValidationError(
                _("At most %(count)s addresses at a time.") % {"count": MAX_INVITATIONS}
            )
        return emails


class CancelRegistrationForm(ControlCharactersStripped, forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for cancelling"),
        max_length=CANCELLATION_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "The person reads it in the email that tells them, and it is kept with the registration."
        ),
        error_messages={
            "required": gettext_lazy("Give the reason: the person reads it in the email."),
            "max_length": gettext_lazy(
                "Keep the reason to %(limit_value)d characters or fewer (it has %(show_value)d)."
            ),
        },
    )

    def clean_reason(self):
        reason = " ".join(self.cleaned_data["reason"].split())
        if not reason:
            raise forms.ValidationError(_("Give the reason: the person reads it in the email."))
        return reason
