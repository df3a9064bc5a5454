"""See organizations/urls.py: applying for an organisation, and its service requests."""

from django.urls import path

from . import application_views

urlpatterns = [
    path("my/organisations/apply/", application_views.apply, name="apply"),
    path("my/organisations/applications/", application_views.applications, name="applications"),
    path(
        "my/organisations/<int:organization_id>/service-requests/",
        application_views.service_request_list,
        name="service_requests",
    ),
]
