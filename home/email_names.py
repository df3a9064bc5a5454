"""The names every email signs with: the office and the portal (the campaign), from the default
site's settings, in the recipient's language. The outbox calls `site_names` (settings.OUTBOX_SITE_NAMES)
when it renders an email; a worker has no request, so the default site's settings are used."""

from .reader_language import in_reader_language
from .site_cache import default_site_settings


def site_names(language):
    """{"office_name", "portal_name"} in `language` (the other language's text when one is empty);
    a name empty in both languages is left out, so the outbox's own default stands."""
    portal_settings = default_site_settings()
    names = {
        "office_name": in_reader_language(
            portal_settings.office_name_zh, portal_settings.office_name_en, language
        ),
        "portal_name": in_reader_language(
            portal_settings.campaign_name_zh, portal_settings.campaign_name_en, language
        ),
    }
    return {key: value.strip() for key, value in names.items() if value and value.strip()}
