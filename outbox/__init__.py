"""Every email the portal sends goes through here: what other rooms may use is listed in `__all__`
and lives in `outbox/api.py` (`outbox.send`, `outbox.queue_messages`, ...); nothing outside this
room imports `outbox.sending` or `outbox.models`.
"""

from importlib import import_module

__all__ = [
    "Composed",
    "attachment",
    "cancel_pending",
    "composer",
    "dedupe_key_taken",
    "email_context",
    "queue_composed",
    "queue_message",
    "queue_messages",
    "render_email",
    "send",
    "status_counts",
    "taken_keys",
    "withdrawn_to",
]


def __getattr__(name):
    # Django imports this package while it loads the apps, before models may be imported: the API
    # (which uses the models) is loaded on first use.
    if name in __all__:
        return getattr(import_module("outbox.api"), name)
    raise AttributeError(f"module 'outbox' has no attribute {name!r}")
