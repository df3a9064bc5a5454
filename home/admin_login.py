"""The admin's sign-in form, with its password field labelled in the editor's language.

Wagtail's LoginForm declares the password field without a label, so Django names it after the field:
"Password*" in English on the Chinese sign-in page (settings.WAGTAILADMIN_USER_LOGIN_FORM)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
