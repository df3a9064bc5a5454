"""The portal on a phone like an app: the web app manifest and the service worker's script.

The worker's source is ``home/service_worker.js``; what it needs from the server (the version, the
app shell's static addresses, the offline page in each language, the addresses it must never keep)
is written into its first line here, so the script served at ``/sw.js`` changes, and replaces the
old caches, whenever a deploy changes the worker, any static file, or ``PWA_VERSION``.
"""

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

WORKER_SOURCE = Path(__file__).with_name("service_worker.js")
CONFIG_PLACEHOLDER = "const CONFIG = null; // written by home/pwa.py"
THEME_COLOUR = "#8a0d14"
BACKGROUND_COLOUR = "#ffffff"

# What every page needs to show (base.html's styles and scripts, and the icons): kept on install so
# the offline page and saved copies look like the site. tests/home/test_pwa.py checks base.html's.
APP_SHELL_STATIC = [
    "vendor/bootstrap-5.3.9/bootstrap.min.css",
    "css/portal.css",
    "css/large-text.css",
    "css/destinations.css",
    "css/events.css",
    "css/print.css",
    "css/pwa.css",
    "js/large-text.js",
    "js/pwa.js",
    "vendor/bootstrap-5.3.9/bootstrap.bundle.min.js",
    "img/emblem.svg",
    "img/favicon.svg",
    "img/icons/icon-192.png",
]

ICONS = [  # (static path, sizes, purpose): what Android asks for; scripts/make_app_icons.sh makes them
    ("img/icons/icon-192.png", "192x192", "any"),
    ("img/icons/icon-512.png", "512x512", "any"),
    ("img/icons/maskable-192.png", "192x192", "maskable"),
    ("img/icons/maskable-512.png", "512x512", "maskable"),
]
APPLE_TOUCH_ICON = "img/icons/apple-touch-icon.png"  # 180 x 180, on white: iOS fills transparency black

# Never kept by the worker, whatever their headers say: personal pages, forms and token links
# (the path after the language prefix). Their answers go straight from the network to the page.
PRIVATE_PATHS = [
    "admin/",
    "django-admin/",
    "documents/",
    "accounts/",
    "my/",
    "alerts/subscribe/",
    "alerts/confirm/",
    "alerts/preferences/",
    "alerts/unsubscribe/",
    "events/registered/",
    "events/registrations/",
    "events/invitation/",
    "events/check-in/",
    "quizzes/results/",
    "quizzes/attempts/",
    "verify/",
    "q/",
    "organisations/",
    "organizations/",
    "join/",
    "search/",
]
# Event pages' sub-routes that are forms or check-in: "/events/<id>/check-in/" and the like.
PRIVATE_PATH_PATTERNS = [r"/\d+/check-in/", r"/(register|enrol|start|done)/$"]


def offline_urls():
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse("offline")
    return urls


def worker_config():
    """What the worker needs from the server; the version is a hash of all of it and of the source."""
    manifest_hash = getattr(staticfiles_storage, "manifest_hash", "")
    config = {
        "staticUrl": settings.STATIC_URL,
        "hashedStatic": bool(manifest_hash),
        "shell": [static(path) for path in APP_SHELL_STATIC],
        "offline": offline_urls(),
        "defaultLanguage": settings.LANGUAGE_CODE,
        "privatePaths": PRIVATE_PATHS,
        "privatePatterns": PRIVATE_PATH_PATTERNS,
    }
    fingerprint = hashlib.sha256()
    for part in (
        WORKER_SOURCE.read_bytes(),
        json.dumps(config, sort_keys=True).encode(),
        # Every static file's name and hash after collectstatic (empty in development and tests).
        manifest_hash.encode(),
        # A release can force new caches without touching a file (and tests stand in for a deploy).
        str(getattr(settings, "PWA_VERSION", "")).encode(),
    ):
        fingerprint.update(part)
    config["version"] = fingerprint.hexdigest()[:12]
    return config


def worker_script():
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    config = json.dumps(worker_config(), sort_keys=True)
    return source.replace(CONFIG_PLACEHOLDER, f"const CONFIG = {config};", 1)


def manifest(portal, language):
    """The web app manifest in `language` ("zh-hans" or "en"), named after the campaign."""
    chinese = language.startswith("zh")
    name = portal.campaign_name_zh if chinese else (portal.campaign_name_en or portal.campaign_name_zh)
    with translation.override(language):
        description = gettext(
            "The 12308 hotline, emergency guidance and the destinations you save, even with no signal."
        )
    return {
        "id": "/",
        "name": name,
        "short_name": short_name(name),
        "description": description,
        "lang": "zh-Hans" if chinese else language,
        "dir": "ltr",
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static(src), "sizes": sizes, "type": "image/png", "purpose": purpose}
            for src, sizes, purpose in ICONS
        ],
    }


def short_name(name):
    """Launchers cut names at about 12 characters (6 Chinese ones): the first word(s) that fit."""
    if len(name) <= 12:
        return name
    words, short = name.split(), ""
    for word in words:
        if len(f"{short} {word}".strip()) > 12:
            break
        short = f"{short} {word}".strip()
    return short or name[:12]
