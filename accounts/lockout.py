"""django-axes glue: lock out an account from one address, never a whole address."""

from django.conf import settings
from django.shortcuts import render


def username_from_credentials(request, credentials):
    """The email tried, however allauth passed it (allauth authenticates with ``email=``)."""
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username")
    if not value and request is not None:
        value = request.POST.get("login", "")
    return (value or "").strip().lower()


def lockout_response(request, response=None, credentials=None, *args, **kwargs):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "account/lockout.html", {"cooloff_minutes": minutes}, status=429)
