from wagtail.models import Site

from .models import PortalSettings
from .site_cache import cached


def portal_settings(request):
    """`portal`: the site's settings (hotline, contacts, banner), cached until an editor saves them."""
    site = Site.find_for_request(request)
    if site is None:
        return {"portal": PortalSettings()}
    return {"portal": cached("portal-settings", lambda: PortalSettings.for_site(site), site.pk)}
