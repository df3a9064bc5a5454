"""App URLs of the events room (inside the language prefix). Links people keep use tokens or codes."""

from django.urls import path

app_name = "events"

urlpatterns = []

from . import views as registration_views  # noqa: E402

urlpatterns += [
    path("events/registered/", registration_views.registration_sent, name="registration_sent"),
    path("events/registrations/<slug:token>/cancel/", registration_views.cancel, name="cancel"),
    path("events/registrations/<slug:token>/decline/", registration_views.decline, name="decline"),
    path("events/registrations/<slug:token>/event.ics", registration_views.calendar, name="calendar"),
    path("events/<int:event_id>/calendar.ics", registration_views.event_calendar, name="event_calendar"),
    path("events/invitation/<slug:token>/", registration_views.invitation, name="invitation"),
    path("my/events/", registration_views.my_events, name="my_events"),
]

from . import checkin_views  # noqa: E402

urlpatterns += [
    path("events/check-in/<str:code>/", checkin_views.check_in, name="check_in"),
    path("events/<int:event_id>/check-in/", checkin_views.event_check_in, name="event_check_in"),
]

from .feeds import event_feed  # noqa: E402

urlpatterns += [path("events/feed.ics", event_feed, name="feed")]
