"""Staff screens about alert emails: preview and test before sending, fan-out status and stop, counts.

Permissions are checked by name: `destinations.view_alertfanout` to follow sendings,
`destinations.change_alertfanout` to stop or resume one, `destinations.view_alertsubscription` for
subscriber counts; the email preview follows the page's own edit permission. Nobody sees an
address here: the reports and the CSV hold counts only.
"""

import csv

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

import outbox
from home.spreadsheets import safe_cell
from home.staff import require_perm

from . import fanout as fanouts
from .models import AlertDelivery, AlertFanout, AlertSubscription, Destination, SafetyAlertPage

VIEW_FANOUTS = "destinations.view_alertfanout"
CHANGE_FANOUTS = "destinations.change_alertfanout"
VIEW_SUBSCRIBERS = "destinations.view_alertsubscription"


def language_choice(value):
    languages = dict(settings.LANGUAGES)
    return value if value in languages else settings.LANGUAGE_CODE


class StaffView(WagtailAdminTemplateMixin, TemplateView):
    permission = None
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if self.permission:
            require_perm(request.user, self.permission)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class AlertEmailPreviewView(StaffView):
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

    def language(self):
        return language_choice(self.request.GET.get("language") or self.page.locale.language_code)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = self.language()
        subject, body_text, body_html = fanouts.preview_alert_email(self.page, language)
        by_language = fanouts.recipients_by_language(self.page)
        fanout = AlertFanout.objects.filter(alert_key=self.page.translation_key).first()
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
                "fanout": fanout,
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
            fanouts.send_test_email(self.page, request.user, language)
            messages.success(
                request, _("A test email is on its way to %(email)s.") % {"email": request.user.email}
            )
        url = reverse("destinations_alert_email_preview", args=[page_id])
        return redirect(f"{url}?language={language}")


class FanoutListView(StaffView):
    template_name = "destinations/admin/fanout_list.html"
    page_title = gettext_lazy("Alert sendings")
    permission = VIEW_FANOUTS
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["fanouts"] = AlertFanout.objects.annotate(delivery_count=Count("deliveries"))[:200]
        return context


class FanoutDetailView(StaffView):
    template_name = "destinations/admin/fanout_detail.html"
    page_title = gettext_lazy("Alert sending")
    permission = VIEW_FANOUTS
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("destinations_fanouts"), "label": _("Alert sendings")},
            {"url": "", "label": self.fanout.title},
        ]

    def dispatch(self, request, pk, *args, **kwargs):
        self.fanout = get_object_or_404(AlertFanout.objects.select_related("stopped_by"), pk=pk)
        return super().dispatch(request, pk, *args, **kwargs)

    def get_page_subtitle(self):
        return self.fanout.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        fanout = self.fanout
        outcome = outbox.status_counts(fanouts.dedupe_prefix(fanout))
        by_language = fanout.deliveries.values("language").annotate(count=Count("pk")).order_by("language")
        names = dict(settings.LANGUAGES)
        active = fanout.status in (AlertFanout.Status.QUEUED, AlertFanout.Status.SENDING)
        can_change = self.request.user.has_perm(CHANGE_FANOUTS)
        context.update(
            {
                "fanout": fanout,
                "outcome": outcome,
                "deliveries_by_language": [
                    (names.get(row["language"], row["language"]), row["count"]) for row in by_language
                ],
                "can_stop": can_change and active,
                "can_resume": can_change and fanout.status != AlertFanout.Status.DONE,
            }
        )
        return context


@require_POST
def stop_fanout(request, pk):
    require_perm(request.user, CHANGE_FANOUTS)
    fanout = get_object_or_404(AlertFanout, pk=pk)
    if fanout.status not in (AlertFanout.Status.QUEUED, AlertFanout.Status.SENDING):
        messages.warning(request, _("This sending has already ended."))
    else:
        withdrawn = fanouts.stop_fanout(fanout, request.user)
        text = ngettext(
            "Sending stopped. %(count)s email not yet sent was withdrawn.",
            "Sending stopped. %(count)s emails not yet sent were withdrawn.",
            withdrawn,
        )
        messages.success(request, text % {"count": withdrawn})
    return redirect("destinations_fanout", pk=pk)


@require_POST
def resume_fanout(request, pk):
    require_perm(request.user, CHANGE_FANOUTS)
    fanout = get_object_or_404(AlertFanout, pk=pk)
    if fanouts.resume_fanout(fanout):
        messages.success(request, _("Sending resumed. Nobody gets the email twice."))
    else:
        messages.warning(request, _("This sending cannot be resumed."))
    return redirect("destinations_fanout", pk=pk)


def subscriber_counts():
    """(rows, totals): confirmed, still subscribed subscribers per destination; two queries."""
    active = Q(subscriptions__confirmed_at__isnull=False, subscriptions__unsubscribed_at__isnull=True)
    rows = [
        {"destination": place, "code": str(place.country), "subscribers": place.subscriber_count}
        for place in Destination.objects.annotate(subscriber_count=Count("subscriptions", filter=active))
    ]
    rows.sort(key=lambda row: str(row["destination"]))
    totals = AlertSubscription.objects.aggregate(
        confirmed=Count("pk", filter=Q(confirmed_at__isnull=False, unsubscribed_at__isnull=True)),
        all_destinations=Count(
            "pk", filter=Q(confirmed_at__isnull=False, unsubscribed_at__isnull=True, all_destinations=True)
        ),
        unconfirmed=Count("pk", filter=Q(confirmed_at__isnull=True)),
        unsubscribed=Count("pk", filter=Q(unsubscribed_at__isnull=False)),
    )
    return rows, totals


class SubscriberReportView(StaffView):
    template_name = "destinations/admin/subscriber_report.html"
    page_title = gettext_lazy("Alert subscribers")
    permission = VIEW_SUBSCRIBERS
    header_icon = "group"

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, totals = subscriber_counts()
        context.update(
            {
                "rows": rows,
                "totals": totals,
                "fanouts": AlertFanout.objects.annotate(delivery_count=Count("deliveries"))[:50],
                "can_view_fanouts": self.request.user.has_perm(VIEW_FANOUTS),
            }
        )
        return context

    def csv_response(self):
        rows, totals = subscriber_counts()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="alert-subscribers.csv"'
        response.write("\ufeff")  # a BOM, so spreadsheet programs read UTF-8 (Chinese names)
        writer = csv.writer(response)
        writer.writerow([_("ISO code"), _("Destination"), _("Confirmed subscribers")])
        for row in rows:
            writer.writerow([safe_cell(row["code"]), safe_cell(row["destination"]), row["subscribers"]])
        writer.writerow(["*", safe_cell(_("All destinations")), totals["all_destinations"]])
        writer.writerow([])
        writer.writerow([_("Alert or change"), _("Status"), _("Emails queued")])
        deliveries = AlertDelivery.objects.values("fanout_id").annotate(count=Count("pk"))
        counts = {row["fanout_id"]: row["count"] for row in deliveries}
        for fanout in AlertFanout.objects.all()[:500]:
            writer.writerow(
                [safe_cell(fanout.title), safe_cell(fanout.get_status_display()), counts.get(fanout.pk, 0)]
            )
        return response
