"""Signal receivers of the events room, connected when the app is ready."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import EventPage
from .sync import sync_event


@receiver(page_published, sender=EventPage, dispatch_uid="events-sync-event")
def event_page_published(sender, instance, **kwargs):
    """Mirror the page into its shared Event; tell registrants when the time or place changed."""
    event, calendar_changed = sync_event(instance)
    if calendar_changed:
        from .notifications import event_changed

        transaction.on_commit(lambda: event_changed(event))
