"""The certificate URLs under the language prefix: the owner's page and PDF, and verification.
(/verify/<code>/ without a prefix, the address printed on certificates, is in portal/urls.py.)"""

from django.urls import path

from . import certificate_views as views

app_name = "certificates"

urlpatterns = [
    path("my/certificates/<int:pk>/", views.my_certificate, name="mine"),
    path("my/certificates/<int:pk>/download/", views.download_certificate, name="download"),
    path("verify/", views.verify_form, name="verify_form"),
    path("verify/<str:code>/", views.verify, name="verify"),
]
