from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

import outbox

from .lockout import client_address
from .models import AccountSettings


def privacy_notice_page(request):
    """The live privacy notice page chosen in the account settings, or None."""
    page = AccountSettings.for_request(request).privacy_notice
    return page if page is not None and page.live else None


def set_language_cookie(response, language):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
    )


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        """allauth's limits key on the same address as the lockout."""
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def save_user(self, request, user, form, commit=True):
        data = form.cleaned_data
        user.name = data["name"]
        user.preferred_language = data["preferred_language"]
        notice = privacy_notice_page(request)
        user.record_privacy_consent(notice.live_revision_id if notice else None)
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        language = getattr(request.user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            return reverse(settings.LOGIN_REDIRECT_URL)

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        translation.activate(user.preferred_language)
        set_language_cookie(response, user.preferred_language)
        return response

    def send_mail(self, template_prefix, email, context):
        """allauth's messages (verification, password reset) go through the outbox like every other,
        in the recipient's language, naming the office and the portal (templates/account/email/)."""
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        context = outbox.email_context({"email": email, **context}, language)
        # allauth's own words name `current_site`: the portal, never an empty Sites entry.
        context["current_site"] = SimpleNamespace(
            name=context["portal_name"], domain=urlsplit(settings.PORTAL_BASE_URL).netloc
        )
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        html = next((body for body, mime in getattr(message, "alternatives", []) if mime == "text/html"), "")
        outbox.queue_message(
            to=email,
            subject=message.subject,
            body_text=message.body,
            body_html=html,
            language=language,
        )
