"""Run a snippet in a fresh Python process with Django set up, for tests of settings by environment."""

import os
import subprocess
import sys


def run_django(snippet, settings_module, drop=(), check=True, **env):
    """Set up Django under ``settings_module`` with ``env`` (minus ``drop``), run ``snippet``."""
    environment = {key: value for key, value in os.environ.items() if key not in drop}
    environment.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(  # noqa: S603 - our own interpreter and our own snippet
        [sys.executable, "-c", f"import django; django.setup()\n{snippet}"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=check,
    )


def last_line(result):
    return result.stdout.strip().splitlines()[-1]
