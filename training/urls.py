"""The training room's app URLs under the language prefix (the course and lesson pages are Wagtail's;
certificates have their own, training/certificate_urls.py)."""

from django.urls import path

from . import learning_views

app_name = "training"

urlpatterns = [
    path("my/learning/", learning_views.my_learning, name="my_learning"),
    path("my/trips/", learning_views.trips, name="trips"),
    path("my/trips/<int:trip_id>/", learning_views.trip_edit, name="trip_edit"),
    path("my/trips/<int:trip_id>/delete/", learning_views.trip_delete, name="trip_delete"),
    path("my/trips/<int:trip_id>/alerts/", learning_views.trip_alerts, name="trip_alerts"),
]
