"""The training room in the admin menu: one "Training" group; its completion screens (admin_views.py)
are shown to holders of `training.view_completions` only; its certificate screens (certificate_admin.py)
to holders of `training.revoke_certificate`."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup

from home.staff import PermissionViewSet

from . import admin_views
from .permissions import REVOKE_CERTIFICATE, VIEW_COMPLETIONS


def completion_admin_urls():
    report = admin_views.CourseCompletionReportView
    completions = admin_views.CompletionsView
    return [
        path("training/completions/", report.as_view(), name="training_completion_report"),
        path(
            "training/completions/results/",
            report.as_view(results_only=True),
            name="training_completion_report_results",
        ),
        path("training/completions/<uuid:course_key>/", completions.as_view(), name="training_completions"),
        path(
            "training/completions/<uuid:course_key>/results/",
            completions.as_view(results_only=True),
            name="training_completions_results",
        ),
    ]


class CompletionsViewSet(PermissionViewSet):
    """The menu entry of the completion screens (their URLs keep the names above)."""

    name = "training_completions"
    icon = "tasks"
    menu_label = _("Course completions")
    menu_url = reverse_lazy("training_completion_report")
    permission = VIEW_COMPLETIONS


class CertificatesViewSet(PermissionViewSet):
    """The menu entry of the certificate screens (find a certificate, revoke it)."""

    name = "training_certificates"
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_url = reverse_lazy("training_certificates")
    permission = REVOKE_CERTIFICATE


class TrainingViewSetGroup(ViewSetGroup):
    menu_label = _("Training")
    menu_icon = "tasks"
    items = (CompletionsViewSet, CertificatesViewSet)
