"""App URLs of the events room (inside the language prefix). Links people keep use tokens or codes."""

from django.urls import path  # noqa: F401  (each part of the room adds its paths below)

app_name = "events"

urlpatterns = []
