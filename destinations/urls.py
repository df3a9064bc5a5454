"""App URLs of the destinations room (inside the language prefix). Links people keep use tokens."""

from django.urls import path  # noqa: F401  (each part of the room adds its paths below)

app_name = "destinations"

urlpatterns = []
