"""The training room's app URLs under the language prefix (the course and lesson pages are Wagtail's;
certificates have their own, training/certificate_urls.py)."""

from django.urls import path

from . import learning_views

app_name = "training"

urlpatterns = [
    path("my/learning/", learning_views.my_learning, name="my_learning"),
]
