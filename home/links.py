"""Absolute links for what leaves the site without a request (emails, calendar files, QR codes, PDFs):
built from PORTAL_BASE_URL, since a worker has no request to ask for the host."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def absolute_url(path="/"):
    return f"{settings.PORTAL_BASE_URL}{path}"


def absolute_reverse(language, name, *args, **kwargs):
    """The app URL `name` in `language`, absolute."""
    with translation.override(language):
        return absolute_url(reverse(name, args=args or None, kwargs=kwargs or None))


def page_absolute_url(page):
    """A page's absolute URL on its site, or "" when it has none (not routable)."""
    parts = page.get_url_parts()
    return absolute_url(parts[2]) if parts else ""
