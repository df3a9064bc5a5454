"""Test settings: what differs from production, and why.

- a fast password hasher (hashing is not what the tests test);
- email captured in memory (django.core.mail.outbox), never sent;
- our task backend runs tasks at once, so a test sees the email a request queued;
- plain static storage, so tests need no collectstatic;
- WhiteNoise looks static files up when asked (autorefresh), not by listing STATIC_ROOT up front:
  the test client builds its middleware for every Client, and listing the ~2,000 files a past
  collectstatic left in staticfiles/ cost 0.08 s of CPU each time (no test asks the client for a
  static file; a clean checkout has no staticfiles/ at all);
- the page cache off unless a test turns it on;
- media and private media in throwaway folders;
- templates only tests render (tests/templates/), kept out of the shipped templates/.
"""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS[PORTAL_TASK_BACKEND] = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-private-media-")
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "templates"]
PORTAL_BASE_URL = "https://portal.example.org"
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache is on only in the tests that ask for it (tests/home/test_page_cache.py): other tests
# change rows with the ORM and read the page again.
PAGE_CACHE_ENABLED = False
ACCOUNT_EMAIL_VERIFICATION = "optional"
if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME", "test_portal")}
