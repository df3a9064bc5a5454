"""django-axes glue: lock out an account from one address, never a whole address."""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.shortcuts import render


def client_address(request):
    """The client's address, exactly as the sign-in lockout sees it: the one way the project reads it
    (other rooms use it as `home.public_forms.client_address`).

    Without trusted proxies (TRUSTED_PROXY_COUNT=0) it is REMOTE_ADDR and X-Forwarded-For is ignored;
    behind N proxies, the right-most X-Forwarded-For entry they did not add themselves (see
    portal.settings.base.proxy_settings). None when there is no usable address.
    """
    return get_client_ip_address(request)


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
