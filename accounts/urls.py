from django.urls import path

from . import views

urlpatterns = [
    path("my/", views.my_portal, name="my_portal"),
    path("my/profile/", views.profile, name="profile"),
]
