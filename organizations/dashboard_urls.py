"""See organizations/urls.py: the manager's dashboard part (organizations/dashboard_views.py)."""

from django.urls import path

from . import dashboard_views as views

ORGANISATION = "my/organisations/<int:organization_id>/"

urlpatterns = [
    path("my/organisations/", views.my_organisations, name="my_organisations"),
    path(ORGANISATION, views.organisation_dashboard, name="dashboard"),
    path(f"{ORGANISATION}assignments/new/", views.assignment_new, name="assignment_new"),
    path(
        f"{ORGANISATION}assignments/<int:assignment_id>/remind/",
        views.assignment_remind,
        name="assignment_remind",
    ),
    path(
        f"{ORGANISATION}assignments/<int:assignment_id>/withdraw/",
        views.assignment_withdraw,
        name="assignment_withdraw",
    ),
    path(f"{ORGANISATION}progress/", views.member_status, name="member_status"),
    path(
        f"{ORGANISATION}progress/export/<str:format>/",
        views.member_status_export,
        name="member_status_export",
    ),
    path(f"{ORGANISATION}certificates/", views.bundle_request, name="bundle_request"),
    path(
        f"{ORGANISATION}certificates/<int:bundle_id>/download/",
        views.bundle_download,
        name="bundle_download",
    ),
    path(f"{ORGANISATION}events/", views.group_register, name="group_register"),
]
