from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .models import PortalSettings
from .site_links import portal_settings_for, site_links


def portal_settings(request):
    """`portal`: the site's settings (hotline, contacts, banner), cached until an editor saves them;
    `site_links`: the privacy notice, accessibility statement, contact page and site map in the
    reader's language (home/site_links.py), looked up only by a template that uses them."""
    links = SimpleLazyObject(lambda: site_links(request))
    site = Site.find_for_request(request)
    if site is None:
        return {"portal": PortalSettings(), "site_links": links}
    return {"portal": portal_settings_for(site), "site_links": links}
