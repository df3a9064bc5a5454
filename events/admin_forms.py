"""The forms of the staff screens: a message to everyone confirmed, and invitations."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .invitations import split_emails

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
