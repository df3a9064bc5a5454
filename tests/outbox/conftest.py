import copy
from pathlib import Path

import pytest

FAILING_BACKEND = "tests.outbox.failing_backend.FailingBackend"
LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def email_templates(settings):
    """Make the test email templates in tests/outbox/templates/outbox_tests/ loadable."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], Path(__file__).parent / "templates"]
    settings.TEMPLATES = templates


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what is queued with transaction.on_commit at the end of the `with` block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
