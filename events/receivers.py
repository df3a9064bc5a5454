"""Signal receivers of the events room, connected when the app is ready."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published, page_unpublished

from home.site_cache import site_changed

from .models import Event, EventPage
from .notifications import event_changed
from .registration import promote_waitlisted
from .sync import event_for, page_left, sync_event


@receiver(page_published, sender=EventPage, dispatch_uid="events-sync-event")
def event_page_published(sender, instance, **kwargs):
    """Mirror the page into its shared Event; tell registrants when the time or place changed."""
    event, calendar_changed = sync_event(instance)
    if calendar_changed:
        transaction.on_commit(lambda: event_changed(event))


@receiver(page_unpublished, sender=EventPage, dispatch_uid="events-page-unpublished")
@receiver(post_delete, sender=EventPage, dispatch_uid="events-page-deleted")
def event_page_left(sender, instance, **kwargs):
    """Registration closes once no copy of the page is live (the Event and its records stay)."""
    page_left(instance)


@receiver(post_save, sender=Event, dispatch_uid="events-cancelled-leaves-cached-lists")
def event_saved(sender, instance, **kwargs):
    """A cancelled event leaves the cached home-page list at once (publishing already renews it)."""
    if instance.cancelled_at is not None:
        site_changed()


@receiver(page_published, sender=EventPage, dispatch_uid="events-fill-added-places")
def fill_added_places(sender, instance, **kwargs):
    """Places the office added (a higher capacity) go to the people waiting, once the change is saved."""
    event = event_for(instance)
    transaction.on_commit(lambda: promote_waitlisted(event))


@receiver(page_published, sender=EventPage, dispatch_uid="events-private-leaves-search")
def private_event_leaves_search(sender, instance, **kwargs):
    """An event made invitation-only leaves the search index: indexing skips private events
    (EventPage.get_indexed_instance) but would leave the entry it made while the event was public."""
    if instance.is_private:
        for backend in get_search_backends(with_auto_update=True):
            backend.delete(instance)
