"""`make bench` only (scripts/bench.py): production settings, with what a load test on plain HTTP needs.

Never used to serve the site. On top of portal.settings.production:

- cookies without the Secure flag and no HTTPS redirect: the load test talks plain HTTP to gunicorn on
  127.0.0.1 (production sets them because nginx terminates TLS in front);
- every response says how many SQL queries it cost (`X-Bench-Queries`, home.query_count), counted
  outside the page cache, so a cached hit says 0;
- BENCH_STATIC=finders (the CI's short mode): static files served by WhiteNoise straight from the
  source folders, without `collectstatic` (about 20 s of CPU) and its hashed names.
"""

import os

from .production import *  # noqa: F403
from .production import MIDDLEWARE, STORAGES

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0

MIDDLEWARE = ["home.query_count.QueryCountHeaderMiddleware", *MIDDLEWARE]

if os.environ.get("BENCH_STATIC") == "finders":
    WHITENOISE_USE_FINDERS = True
    STORAGES = {
        **STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
