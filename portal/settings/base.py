"""Settings shared by every environment. Values that differ come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts",
    "outbox",
    "home",
    "destinations",
    "events",
    "quizzes",
    "training",
    "organizations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.PortalUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "axes",
    "csp",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Only for its Chinese: Wagtail's workflow status says "3 minutes ago" with naturaltime.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything costly: a cached page for an anonymous visitor is answered here (home/page_cache.py).
    "home.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads a parameter: no control character reaches a form or the database.
    "home.middleware.ControlCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After the host is checked: the request's site and a page's route, kept (home/page_routes.py).
    "home.page_routes.CachedRoutesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "home.middleware.ContentSecurityPolicyMiddleware",
    "accounts.middleware.PrivateCacheControlMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The database out of reach (a PostgreSQL restart): a clean 503, never a 500 (home/db_unavailable.py).
    "home.db_unavailable.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.portal_settings",
            ],
        },
    },
]

# Database: SQLite file by default; PostgreSQL (production) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A kept connection that PostgreSQL dropped (a restart) is replaced before a request uses it.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and immediate transactions: the server, the worker and a second tab write side by side
    # without "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default; Redis (shared between hosts) through REDIS_URL.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's RedisCache, failing open: Redis down means pages render uncached, never a 500.
            "BACKEND": "home.cache_backend.FailOpenRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "portal",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Wagtail keeps image renditions (file name, size) under its own alias, so pages never look them up in
# the database, and cached pages never push them out of a local-memory cache.
CACHES["renditions"] = CACHES["default"] | (
    {"KEY_PREFIX": "portal-renditions"}
    if os.environ.get("REDIS_URL")
    else {"LOCATION": "renditions", "OPTIONS": {"MAX_ENTRIES": 5000}}
)

# The page cache for anonymous visitors (home/page_cache.py): every entry is keyed on the site version,
# so an edit shows at once; these bound what changes with the clock and nobody edits.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "1") == "1"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# How long a shared proxy in front (nginx's micro-cache) may keep a page: s-maxage, the one place a page
# can be seconds old. Browsers always get max-age=0.
PAGE_CACHE_SHARED_SECONDS = int(os.environ.get("PAGE_CACHE_SHARED_SECONDS", "5"))
PAGE_CACHE_SKIP_PREFIXES = ("/admin/", "/django-admin/")
# With Redis, each process also keeps near copies of the pages it served (checked against the shared
# site version on every hit, so never staler than Redis): a hit then reads a few bytes, not the page.
PAGE_CACHE_NEAR_BYTES = int(os.environ.get("PAGE_CACHE_NEAR_MB", "16")) * 1024 * 1024

# Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "accounts.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "my_portal"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_FORMS = {"signup": "accounts.forms.PortalSignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""


# Sign-in limits. Lockouts key on the account *and* the address together (django-axes): a wrong
# password locks one account from one address, never a whole address, and never an account for
# everyone. allauth's per-address limits are only generous ceilings, sized for a lecture hall
# signing in together behind one campus address. allauth merges its defaults (30 sign-ins a
# minute per address, 20 sign-ups) back into ACCOUNT_RATE_LIMITS, so every action is set here.
def account_rate_limits(*, logins_per_hour, signups_per_hour, resets_per_hour):
    """ACCOUNT_RATE_LIMITS with every allauth action set: per address (ip) a ceiling an hour."""
    return {
        # Every sign-in POST, right or wrong password: the ceiling for one address.
        "login": f"{logins_per_hour}/h/ip",
        # Off: its per-address part would lock a campus out and its per-email part would let anyone
        # lock an account for everyone. django-axes locks failures on account + address instead.
        "login_failed": False,
        "signup": f"{signups_per_hour}/h/ip",
        # Sign-in by emailed code is not used; if switched on, three codes a minute to one email.
        "request_login_code": f"{logins_per_hour}/h/ip,3/m/key",
        # A reset email is sent to any address typed (known or not): per address and per email.
        "reset_password": f"{resets_per_hour}/h/ip,5/h/key",
        "reset_password_from_key": f"{resets_per_hour}/h/ip",
        # One verification email to an address every 3 minutes.
        "confirm_email": "1/3m/key",
        # Signed-in people, keyed on the account.
        "change_password": "5/m/user",
        "manage_email": "10/m/user",
        "reauthenticate": "10/m/user",
        # Phone numbers are not used; allauth's own values, the address part a ceiling.
        "change_phone": "1/m/user",
        "verify_phone": f"1/30s/key,{logins_per_hour}/h/ip",
    }


def proxy_settings(trusted_proxy_count):
    """Where the client address comes from, for django-axes (through django-ipware) and allauth.

    ``trusted_proxy_count`` is the number of our own proxies in front of the app. 0: the address is
    REMOTE_ADDR and X-Forwarded-For is ignored. N > 0: the Nth entry from the right of
    X-Forwarded-For, which our outermost proxy wrote from the connection it saw; entries to its left
    came with the request and may be forged. Our last proxy's address is REMOTE_ADDR, not in the
    header, so ipware (which counts ``proxy_count`` entries to the right of the client) is given
    N - 1, and it is not strict: a forged or malformed entry on the left must not make it fall back
    to the proxy's address. With no usable X-Forwarded-For: REMOTE_ADDR when N = 1, none when N > 1.
    """
    if trusted_proxy_count < 0:
        raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")
    if trusted_proxy_count == 0:
        return {
            "AXES_IPWARE_META_PRECEDENCE_ORDER": ("REMOTE_ADDR",),
            "AXES_IPWARE_PROXY_COUNT": None,
            "ALLAUTH_TRUSTED_PROXY_COUNT": 0,
        }
    return {
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
        "AXES_IPWARE_PROXY_COUNT": trusted_proxy_count - 1,
        "ALLAUTH_TRUSTED_PROXY_COUNT": trusted_proxy_count,
    }


ACCOUNT_RATE_LIMITS = account_rate_limits(
    logins_per_hour=int(os.environ.get("ACCOUNT_LOGINS_PER_ADDRESS_PER_HOUR", "300")),
    signups_per_hour=int(os.environ.get("ACCOUNT_SIGNUPS_PER_ADDRESS_PER_HOUR", "300")),
    resets_per_hour=int(os.environ.get("ACCOUNT_PASSWORD_RESETS_PER_ADDRESS_PER_HOUR", "100")),
)

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.lockout.username_from_credentials"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# The client address: home.public_forms.client_address (axes' own lookup), used by the lockout,
# allauth's limits (accounts.adapter) and the public forms alike.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
_proxy = proxy_settings(TRUSTED_PROXY_COUNT)
AXES_IPWARE_META_PRECEDENCE_ORDER = _proxy["AXES_IPWARE_META_PRECEDENCE_ORDER"]
AXES_IPWARE_PROXY_COUNT = _proxy["AXES_IPWARE_PROXY_COUNT"]
ALLAUTH_TRUSTED_PROXY_COUNT = _proxy["ALLAUTH_TRUSTED_PROXY_COUNT"]
# Only axes calls django-ipware here. Not strict: see proxy_settings.
IPWARE_STRICT = False

# Languages: Simplified Chinese first, English second.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# Content languages as the admin names them, in the editor's language ("中文" / "英文" in the
# Chinese admin: "发布英文", never "发布在English"); the public switcher keeps LANGUAGES' own names.
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", _("Chinese")), ("en", _("English"))]
# The project's override catalogue comes first: Chinese for the admin strings Wagtail, wagtail-localize
# and wagtailmedia leave untranslated or translate wrongly (locale/overrides, README "Translations").
# It sits in a folder that holds no source, so makemessages never writes into it.
LOCALE_PATHS = [BASE_DIR / "locale" / "overrides", BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files holding personal data (certificates): never under MEDIA_ROOT, which the web server serves to
# anyone; no URL, served only by views that check the owner (home/private_storage.py).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "private": {"BACKEND": "home.private_storage.PrivateFileSystemStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: every message goes through the outbox app; this is only how the outbox delivers it.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "领事保护进万家 <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in emails: a worker has no request to build them from.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Every email signs with the office and the portal named in the default site's settings (outbox.site_names).
OUTBOX_SITE_NAMES = "home.email_names.site_names"
OUTBOX_MAX_TRIES = int(os.environ.get("OUTBOX_MAX_TRIES", "27"))
# Events: no promotions from the waitlist this many hours before the start (the waitlist closes).
EVENTS_PROMOTION_CUTOFF_HOURS = float(os.environ.get("EVENTS_PROMOTION_CUTOFF_HOURS", "2"))
# Quizzes: a submission this many seconds after the deadline still counts (the network is slow).
QUIZ_DEADLINE_GRACE_SECONDS = int(os.environ.get("QUIZ_DEADLINE_GRACE_SECONDS", "30"))

# Tasks: Wagtail's own tasks run at once; ours (emails, PDFs, reminder batches) go to the database
# queue under the "portal" alias, run by `manage.py db_worker --backend portal`.
PORTAL_TASK_BACKEND = "portal"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    PORTAL_TASK_BACKEND: {
        "BACKEND": os.environ.get("PORTAL_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "领事保护进万家"
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin never calls out to the internet: no check for new Wagtail releases, no "what's new" banner.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Wagtail's sign-in form with its password field labelled in the editor's language (home/admin_login.py).
WAGTAILADMIN_USER_LOGIN_FORM = "home.admin_login.AdminLoginForm"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "txt", "zip", "vtt"]
# Captions must load in a <track> element; brochures open in the phone's own viewer.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain", "text/vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILMEDIA = {"MEDIA_MODEL": "wagtailmedia.Media"}
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# A new translation of a live page starts as a draft and goes through moderation like any page
# (wagtail-localize would publish it at once); see home/translation_workflow.py.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Countries and regions (ISO 3166), named the way China's consular service names them.
COUNTRIES_OVERRIDE = {
    "TW": _("Taiwan, China"),
    "HK": _("Hong Kong SAR, China"),
    "MO": _("Macao SAR, China"),
}

# Forms
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security headers: a strict Content-Security-Policy on public pages; the Wagtail admin's editor
# needs inline scripts, so it is excluded.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "jieba": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "django.utils.autoreload": {"level": "WARNING"},
    },
}

# The campaign's name, used where a request has no site settings at hand.
PORTAL_NAME = _("Consular Protection for All")
