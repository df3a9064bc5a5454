"""`manage.py renew_cached_pages`: after a release, no page or fragment rendered by the old code is served.

The page cache, the kept fragments and the kept routes are keyed on the site and route versions, which
editorial changes bump; a release changes templates and code without one. Run it once per release,
after `collectstatic` (README, Deploy): with Redis it renews every server's cache at once; with the
local-memory cache a restarted process starts empty anyway.
"""

from django.core.management.base import BaseCommand

from home.page_routes import routes_changed
from home.site_cache import site_changed


class Command(BaseCommand):
    help = "Renew every cached page, kept fragment and kept route (run once per release)."

    def handle(self, *args, **options):
        site_changed()
        routes_changed()
        self.stdout.write("Cached pages, fragments and routes renewed.")
