"""The organisations room's URLs under the language prefix (`/<language>/my/organisations/...`), one
module per part: applying and service requests, members and joining, the manager's dashboard."""

from django.urls import include, path

app_name = "organizations"

urlpatterns = [
    path("", include("organizations.application_urls")),
    path("", include("organizations.member_urls")),
    path("", include("organizations.dashboard_urls")),
]
