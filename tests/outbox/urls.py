"""Just the Wagtail admin, so the outbox admin tests do not depend on the project's URLs."""

from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [path("admin/", include(wagtailadmin_urls))]
