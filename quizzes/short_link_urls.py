"""A URLconf without language prefixes, holding only the short link (see exhibition_views.not_available).

portal/urls.py routes /q/<code>/ itself; this module exists so a 404 from the short link stays a 404.
"""

from django.urls import path

from .exhibition_views import short_link

urlpatterns = [path("q/<str:code>/", short_link, name="quiz_short_link")]
