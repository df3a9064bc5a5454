"""Signal receivers of the destinations room, connected when the app is ready."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from .fanout import start_alert_fanout
from .models import AlertIndexPage, SafetyAlertPage
from .permissions import grant_alert_page_permissions


@receiver(post_save, sender=AlertIndexPage, dispatch_uid="destinations-alert-index-permissions")
def alert_index_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_alert_page_permissions(instance)


@receiver(page_published, sender=SafetyAlertPage, dispatch_uid="destinations_alert_fanout")
def email_alert_subscribers(sender, instance, **kwargs):
    """A published alert (any language copy) goes to its subscribers, once per person (fanout.py)."""
    start_alert_fanout(instance)
