"""See organizations/urls.py."""

urlpatterns = []
