"""App URLs of the destinations room (inside the language prefix). Links people keep use tokens."""

from django.urls import path

from . import views as subscription_views

app_name = "destinations"

urlpatterns = []

urlpatterns += [
    path("alerts/subscribe/", subscription_views.subscribe, name="subscribe"),
    path("alerts/subscribe/sent/", subscription_views.subscribe_sent, name="subscribe_sent"),
    # <str:...>, not <slug:...>: a link from before tokens (a signed value with colons) gets the page
    # that says it expired rather than a bare 404.
    path("alerts/confirm/<str:token>/", subscription_views.confirm, name="confirm"),
    path("alerts/preferences/<slug:token>/", subscription_views.preferences, name="preferences"),
    path("alerts/unsubscribe/<slug:token>/", subscription_views.unsubscribe, name="unsubscribe"),
]

from . import card_views  # noqa: E402

urlpatterns += [
    path("destinations/<str:code>/emergency-card.pdf", card_views.emergency_card, name="emergency_card"),
]

from .feeds import AlertFeed  # noqa: E402

urlpatterns += [
    path("feeds/alerts/", AlertFeed(), name="alert_feed"),
    path("feeds/alerts/<slug:code>/", AlertFeed(), name="destination_alert_feed"),
]
