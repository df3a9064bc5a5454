"""Staff screens no generic Wagtail view gives: an alert's email (preview, test send) and one sending
with its stop and resume buttons. The lists (sendings, subscriber counts) are in viewsets.py.

Permissions are checked by name: `destinations.view_alertfanout` to follow sendings,
`destinations.change_alertfanout` to stop or resume one; the email preview follows the page's own
edit permission. Nobody sees an address here.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

import outbox
from home.staff import require_perm

from . import alert_email, fanout
from .models import AlertFanout, SafetyAlertPage

VIEW_FANOUTS = "destinations.view_alertfanout"
CHANGE_FANOUTS = "destinations.change_alertfanout"
VIEW_SUBSCRIBERS = "destinations.view_alertsubscription"
FANOUTS_URL_NAMESPACE = "destinations_fanouts"


def language_choice(value):
    languages = dict(settings.LANGUAGES)
    return value if value in languages else settings.LANGUAGE_CODE


class AlertEmailPreviewView(WagtailAdminTemplateMixin, TemplateView):
    """The email an alert (its latest draft) will send, the number of people still to get it, a test."""

    template_name = "destinations/admin/alert_email_preview.html"
    page_title = gettext_lazy("Alert email preview")
    header_icon = "mail"

    def dispatch(self, request, page_id, *args, **kwargs):
        page = get_object_or_404(SafetyAlertPage, pk=page_id)
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.live_page = page
        self.page = page.get_latest_revision_as_object()
        return super().dispatch(request, page_id, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.title

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = language_choice(self.request.GET.get("language") or self.page.locale.language_code)
        subject, body_text, body_html = alert_email.preview_alert_email(self.page, language)
        by_language = fanout.recipients_by_language(self.page)
        context.update(
            {
                "page": self.live_page,
                "language": language,
                "languages": settings.LANGUAGES,
                "subject": subject,
                "body_text": body_text,
                "body_html": body_html,
                "recipients": sum(by_language.values()),
                "recipients_by_language": [
                    (dict(settings.LANGUAGES)[code], n) for code, n in by_language.items()
                ],
                "fanout": AlertFanout.objects.filter(alert_key=self.page.translation_key).first(),
                "can_view_fanouts": self.request.user.has_perm(VIEW_FANOUTS),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.live_page.pk]),
            }
        )
        return context

    def post(self, request, page_id):
        language = language_choice(request.POST.get("language"))
        if not request.user.email:
            messages.error(request, _("Your account has no email address to send the test to."))
        else:
            alert_email.send_test_email(self.page, request.user, language)
            messages.success(
                request, _("A test email is on its way to %(email)s.") % {"email": request.user.email}
            )
        url = reverse("destinations_alert_email_preview", args=[page_id])
        return redirect(f"{url}?language={language}")


class FanoutDetailView(WagtailAdminTemplateMixin, TemplateView):
    """One sending: how far it got, what the outbox made of it, and stop or resume."""

    template_name = "destinations/admin/fanout_detail.html"
    page_title = gettext_lazy("Alert sending")
    header_icon = "mail"

    def dispatch(self, request, pk, *args, **kwargs):
        require_perm(request.user, VIEW_FANOUTS)
        self.fanout = get_object_or_404(AlertFanout.objects.select_related("stopped_by"), pk=pk)
        return super().dispatch(request, pk, *args, **kwargs)

    def get_page_subtitle(self):
        return self.fanout.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{FANOUTS_URL_NAMESPACE}:index"), "label": _("Alert sendings")},
            {"url": "", "label": self.fanout.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sending = self.fanout
        by_language = sending.deliveries.values("language").annotate(count=Count("pk")).order_by("language")
        names = dict(settings.LANGUAGES)
        active = sending.status in (AlertFanout.Status.QUEUED, AlertFanout.Status.SENDING)
        can_change = self.request.user.has_perm(CHANGE_FANOUTS)
        context.update(
            {
                "fanout": sending,
                "outcome": outbox.status_counts(alert_email.dedupe_prefix(sending)),
                "deliveries_by_language": [
                    (names.get(row["language"], row["language"]), row["count"]) for row in by_language
                ],
                "can_stop": can_change and active,
                "can_resume": can_change and sending.status != AlertFanout.Status.DONE,
            }
        )
        return context


@require_POST
def stop_fanout(request, pk):
    require_perm(request.user, CHANGE_FANOUTS)
    sending = get_object_or_404(AlertFanout, pk=pk)
    if sending.status not in (AlertFanout.Status.QUEUED, AlertFanout.Status.SENDING):
        messages.warning(request, _("This sending has already ended."))
    else:
        withdrawn = fanout.stop_fanout(sending, request.user)
        text = ngettext(
            "Sending stopped. %(count)s email not yet sent was withdrawn.",
            "Sending stopped. %(count)s emails not yet sent were withdrawn.",
            withdrawn,
        )
        messages.success(request, text % {"count": withdrawn})
    return redirect(f"{FANOUTS_URL_NAMESPACE}:detail", pk=pk)


@require_POST
def resume_fanout(request, pk):
    require_perm(request.user, CHANGE_FANOUTS)
    sending = get_object_or_404(AlertFanout, pk=pk)
    if fanout.resume_fanout(sending):
        messages.success(request, _("Sending resumed. Nobody gets the email twice."))
    else:
        messages.warning(request, _("This sending cannot be resumed."))
    return redirect(f"{FANOUTS_URL_NAMESPACE}:detail", pk=pk)
