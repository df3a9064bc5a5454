"""The web app manifest, the service worker at /sw.js and the offline page (home/pwa.py)."""

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from wagtail.models import Site

from .models import PortalSettings
from .pwa import manifest, worker_script
from .site_links import portal_settings_for

MANIFEST_MAX_AGE = 3600  # seconds: a renamed campaign reaches installed apps within the hour


def site_settings(request):
    site = Site.find_for_request(request)
    return portal_settings_for(site) if site is not None else PortalSettings()


@require_safe
def web_manifest(request):
    """The manifest in the language of its address (/zh-hans/manifest.webmanifest, /en/...)."""
    body = json.dumps(manifest(site_settings(request), get_language()), ensure_ascii=False)
    response = HttpResponse(body, content_type="application/manifest+json; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={MANIFEST_MAX_AGE}"
    return response


@require_safe
def service_worker(request):
    """The worker, at the root so its scope is the whole site; revalidated on every visit, so a
    deploy is picked up at once. The same for everyone: nothing in it depends on the visitor."""
    response = HttpResponse(worker_script(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def offline(request):
    """What the phone shows with no signal: the hotline, emergency guidance and what it has saved.

    The same for everyone (the worker keeps it): no header with the visitor's name, no messages.
    """
    response = render(request, "home/offline.html", {"portal": site_settings(request)})
    response["Cache-Control"] = "public, max-age=0"
    return response
