from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DestinationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "destinations"
    verbose_name = _("Destinations and safety alerts")

    def ready(self):
        # Receivers import the models, which exist only once the app registry is ready.
        from . import receivers  # noqa: F401
