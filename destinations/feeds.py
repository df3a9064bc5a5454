"""Atom feeds of safety alerts, one per language: all alerts (/zh-hans/feeds/alerts/) and those of one
destination (/zh-hans/feeds/alerts/fr/). Ended alerts stay in the feed: a reader may still want them.

The same for every visitor of a language, in a fixed number of queries.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.feeds import FEED_LENGTH
from home.models import PortalSettings
from home.sitemaps import hreflang
from home.times import beijing_time
from home.visibility import public

from .levels import RiskLevel
from .models import AlertIndexPage, Destination, DestinationPage, SafetyAlertPage


@dataclass
class AlertFeedContext:
    request: HttpRequest
    locale: Locale
    portal: PortalSettings
    destination: Destination | None


class AlertFeed(Feed):
    """Live, public safety alerts of the active language, newest first; for one destination when a
    code is given (404 for a code no destination has)."""

    feed_type = Atom1Feed

    def get_object(self, request, code=None):
        destination = None
        if code is not None:
            destination = Destination.objects.filter(country=code.upper()).first()
            if destination is None:
                raise Http404(_("No destination has that code."))
        return AlertFeedContext(
            request=request,
            locale=Locale.get_active(),
            portal=PortalSettings.for_request(request),
            destination=destination,
        )

    @property
    def language(self):
        return hreflang(translation.get_language())

    def title(self, obj):
        if obj.destination is not None:
            return _("Safety alerts: %(place)s") % {"place": obj.destination.country.name}
        return _("%(name)s – safety alerts") % {"name": obj.portal.campaign_name}

    def subtitle(self, obj):
        return _("Safety reminders issued by the office, in Beijing time")

    def link(self, obj):
        """The destination's page or the alerts index in this language, else the home page."""
        if obj.destination is not None:
            pages = DestinationPage.objects.live().filter(destination=obj.destination)
        else:
            pages = AlertIndexPage.objects.live()
        page = (
            public(pages.filter(locale=obj.locale), obj.request)
            .only("id", "url_path", "path", "depth")
            .first()
        )
        url = page.get_url(obj.request) if page is not None else None
        return obj.request.build_absolute_uri(url or reverse("wagtail_serve", args=[""]))

    def feed_url(self, obj):
        if obj.destination is not None:
            path = reverse("destinations:destination_alert_feed", args=[obj.destination.country.code.lower()])
        else:
            path = reverse("destinations:alert_feed")
        return obj.request.build_absolute_uri(path)

    def author_name(self, obj):
        return obj.portal.office_name

    def items(self, obj):
        alerts = SafetyAlertPage.objects.live().filter(locale=obj.locale)
        if obj.destination is not None:
            alerts = alerts.filter(destinations=obj.destination)
        alerts = (
            public(alerts, obj.request)
            .prefetch_related(Prefetch("destinations", queryset=Destination.objects.only("id", "country")))
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )
        items = list(alerts)
        for alert in items:
            alert.feed_link = obj.request.build_absolute_uri(alert.get_url(obj.request))
        return items

    def item_title(self, item):
        return _("%(level)s: %(title)s") % {"level": RiskLevel(item.level).label, "title": item.title}

    def item_description(self, item):
        places = ", ".join(sorted(str(place.country.name) for place in item.destinations.all()))
        lines = [item.summary, _("Destinations: %(places)s") % {"places": places}]
        lines.append(_("In force from: %(when)s") % {"when": beijing_time(item.valid_from)})
        if item.valid_until:
            lines.append(_("Until: %(when)s") % {"when": beijing_time(item.valid_until)})
        return "\n".join(lines)

    def item_link(self, item):
        return item.feed_link

    def item_categories(self, item):
        return [str(RiskLevel(item.level).label)]

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at
