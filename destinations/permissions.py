"""Safety alerts skip the moderation queue for people with a named permission: a crisis cannot wait."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, PagePermissionTester

PUBLISH_ALERT_AT_ONCE = "destinations.publish_alert_at_once"


class AlertPermissionTester(PagePermissionTester):
    """Whoever holds `destinations.publish_alert_at_once` may add, edit and publish alerts directly."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser and user.has_perm(PUBLISH_ALERT_AT_ONCE):
            self.permissions = self.permissions | {"add", "change", "publish"}


ALERT_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def grant_alert_page_permissions(index_page):
    """Page permissions on an alert index for every group holding the named permission.

    The tester above decides what they may do with alerts; these grants also let Wagtail's page
    explorer show them the alert index (the explorer lists only pages a group has permissions on).
    """
    app_label, codename = PUBLISH_ALERT_AT_ONCE.split(".")
    groups = Group.objects.filter(
        permissions__content_type__app_label=app_label, permissions__codename=codename
    )
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=ALERT_PAGE_PERMISSIONS
    )
    for group in groups:
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=index_page, permission=permission)
