from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # Receivers use the models, which exist only once the app registry is ready; the registrants'
        # emails are written by the outbox's worker with the composer notifications registers.
        from . import notifications, receivers  # noqa: F401
