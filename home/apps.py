from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared content")

    def ready(self):
        # They connect signal receivers, and register the deploy checks (checks: PDFs' system packages).
        from . import checks, page_cache, search, site_cache, slugs, translation  # noqa: F401

        slugs.connect()  # new pages with Chinese titles get pinyin slugs, however they are made

        # jieba builds its dictionary (about a second) on first use: do it at start-up, not in a request.
        search.warm_up()
