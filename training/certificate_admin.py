"""Staff screens for certificates (permission `training.revoke_certificate`): every certificate, newest
first, found by its code or the holder's name or email; and revoking one with a reason. A revoked
certificate stays, with who revoked it, when and why: its verification page says "revoked"."""

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from home.staff import require_perm
from home.text_input import ControlCharactersStripped

from .admin_views import local_time
from .certificates import clean_code, revoke
from .completion import beijing_today
from .models.certificates import Certificate
from .permissions import REVOKE_CERTIFICATE

REASON_MAX_LENGTH = 500


def certificate_admin_urls():
    return [
        path("training/certificates/", CertificatesView.as_view(), name="training_certificates"),
        path(
            "training/certificates/results/",
            CertificatesView.as_view(results_only=True),
            name="training_certificates_results",
        ),
        path(
            "training/certificates/<int:pk>/revoke/",
            RevokeCertificateView.as_view(),
            name="training_revoke_certificate",
        ),
    ]


def status_text(certificate, today=None):
    return str(Certificate.Status(certificate.status_on(today)).label)


class RevokeColumn(Column):
    cell_template_name = "training/admin/revoke_cell.html"


class CertificatesView(ReportView):
    page_title = gettext_lazy("Certificates")
    header_icon = "doc-full"
    index_url_name = "training_certificates"
    index_results_url_name = "training_certificates_results"
    is_searchable = True
    columns = [
        Column("display_code", label=gettext_lazy("Verification code")),
        Column("holder_name", label=gettext_lazy("Name on the certificate")),
        Column("email", label=gettext_lazy("Email"), accessor="completion.user.email"),
        Column("course_title", label=gettext_lazy("Course"), accessor="completion.course_title"),
        Column("issued", label=gettext_lazy("Issued"), accessor="issued_text"),
        Column("status", label=gettext_lazy("Status"), accessor="status_text"),
        RevokeColumn("revoke", label=""),
    ]

    def dispatch(self, request, *args, **kwargs):
        require_perm(request.user, REVOKE_CERTIFICATE)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Certificate.objects.select_related("completion__user").order_by("-issued_at", "-pk")

    def search_queryset(self, queryset):
        query = (self.search_query or "").strip()
        if not query:
            return queryset
        matches = Q(holder_name__icontains=query) | Q(completion__user__email__icontains=query)
        code = clean_code(query)
        if code:
            matches |= Q(code=code)
        return queryset.filter(matches)

    def get_table(self, object_list):
        today = beijing_today()
        rows = list(object_list)
        for certificate in rows:
            certificate.issued_text = local_time(certificate.issued_at)
            certificate.status_text = status_text(certificate, today)
            certificate.revoke_url = (
                reverse("training_revoke_certificate", args=[certificate.pk])
                if certificate.revoked_at is None
                else ""
            )
        return super().get_table(rows)


class RevokeForm(ControlCharactersStripped, forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for revoking"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Kept with the certificate for the office’s records; never shown to the public."
        ),
        error_messages={"required": gettext_lazy("Give the reason for revoking the certificate.")},
    )

    def clean_reason(self):
        reason = " ".join(self.cleaned_data["reason"].split())
        if not reason:
            raise forms.ValidationError(_("Give the reason for revoking the certificate."))
        return reason


class RevokeCertificateView(WagtailAdminTemplateMixin, TemplateView):
    """GET asks (with the certificate's facts), POST revokes with the reason given."""

    template_name = "training/admin/revoke_certificate.html"
    page_title = gettext_lazy("Revoke a certificate")
    header_icon = "warning"

    def dispatch(self, request, pk, *args, **kwargs):
        require_perm(request.user, REVOKE_CERTIFICATE)
        self.certificate = get_object_or_404(
            Certificate.objects.select_related("completion__user", "revoked_by"), pk=pk
        )
        return super().dispatch(request, pk, *args, **kwargs)

    def get_page_subtitle(self):
        return self.certificate.display_code

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("training_certificates"), "label": _("Certificates")},
            {"url": "", "label": _("Revoke a certificate")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.certificate
        context.update(
            {
                "certificate": certificate,
                "completion": certificate.completion,
                "revoked_at_text": local_time(certificate.revoked_at),
                "form": kwargs.get("form") or RevokeForm(),
                "back_url": reverse("training_certificates"),
            }
        )
        return context

    def post(self, request, pk):
        if self.certificate.revoked_at is not None:
            messages.warning(request, _("This certificate was already revoked: nothing was changed."))
            return redirect("training_certificates")
        form = RevokeForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if revoke(self.certificate, by=request.user, reason=form.cleaned_data["reason"]):
            messages.success(
                request,
                _("Certificate %(code)s is revoked. Its verification page now says so.")
                % {"code": self.certificate.display_code},
            )
        else:
            messages.warning(request, _("This certificate was already revoked: nothing was changed."))
        return redirect("training_certificates")
