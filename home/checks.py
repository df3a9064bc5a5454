"""`manage.py check --deploy`: what PDFs (emergency cards, quiz posters, certificates) need on the server.

The site runs without them, so these are warnings: without the CJK fonts no Chinese PDF can be made
(the pages offer the English one instead), without libharfbuzz-subset every PDF takes 8-10 s.

`manage.py check --deploy` also warns when the cache belongs to each process (home.W004): production
runs several gunicorn processes, which must share the page cache's site version and the rate limits.

`manage.py check` (every run, not only --deploy): the private files' folder (`PRIVATE_MEDIA_ROOT`)
must not lie inside, or hold, a folder the web server serves (`MEDIA_ROOT`, `STATIC_ROOT`).
"""

from pathlib import Path

from django.conf import settings
from django.core import checks

from . import pdf


@checks.register(checks.Tags.compatibility, deploy=True)
def pdf_system_packages(app_configs, **kwargs):
    warnings = []
    if not pdf.cjk_font_available():
        warnings.append(
            checks.Warning(
                f'The font "{pdf.CJK_FONT_FAMILY}" is not installed: Chinese PDFs (emergency cards, '
                "quiz posters) cannot be made, and pages offer them in English only.",
                hint=f"sudo apt-get install {pdf.CJK_FONT_PACKAGE}",
                id="home.W001",
            )
        )
    if not pdf.harfbuzz_subset_available():
        warnings.append(
            checks.Warning(
                f"{pdf.HARFBUZZ_SUBSET_LIBRARY} is missing: every PDF takes 8-10 s to render instead of "
                "about 0.15 s.",
                hint=f"sudo apt-get install {pdf.HARFBUZZ_SUBSET_PACKAGE}",
                id="home.W002",
            )
        )
    return warnings


def _inside(path, folder):
    """Whether `path` is `folder` or lies somewhere under it (both resolved, symbolic links followed)."""
    path, folder = Path(path).resolve(), Path(folder).resolve()
    return path == folder or folder in path.parents


@checks.register(checks.Tags.security)
def private_media_outside_public_folders(app_configs, **kwargs):
    """Files holding personal data must not sit where the web server serves anything to anyone."""
    private_root = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if not private_root:
        return [
            checks.Warning(
                "PRIVATE_MEDIA_ROOT is not set: certificates have nowhere private to be stored.",
                hint="Set PRIVATE_MEDIA_ROOT to a folder the web server does not serve.",
                id="home.W003",
            )
        ]
    warnings = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public_root = getattr(settings, name, None)
        if public_root and (_inside(private_root, public_root) or _inside(public_root, private_root)):
            warnings.append(
                checks.Warning(
                    f"PRIVATE_MEDIA_ROOT ({private_root}) overlaps {name} ({public_root}), which the web "
                    "server serves publicly: certificates holding people's names could be downloaded by "
                    "anyone who guesses their path.",
                    hint=f"Set PRIVATE_MEDIA_ROOT to a folder outside {name}, e.g. <repo>/private_media.",
                    id="home.W003",
                )
            )
    return warnings


PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Under gunicorn's several processes (and several hosts) the cache must be shared: the page cache's
    site version, rate limits and lockout counts live there. A per-process cache serves a page an edit
    has changed from another process, and multiplies every rate limit by the number of processes."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            checks.Warning(
                f"The cache ({backend.rsplit('.', 1)[-1]}) belongs to each process: with several gunicorn "
                "processes or hosts, an edit can show late on some of them and rate limits count per "
                "process.",
                hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) so every process shares one cache.",
                id="home.W004",
            )
        ]
    return []
