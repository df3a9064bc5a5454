from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Pre-departure training")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Receivers connect when imported, and models may be imported only once the apps are ready.
        from . import receivers  # noqa: F401
