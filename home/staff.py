"""Staff screens' permission checks, shared by every room: a view that needs one named permission,
an admin menu item shown only to its holders, and a viewset whose menu entry is such an item."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet


def require_perm(user, permission):
    if not user.has_perm(permission):
        raise PermissionDenied


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class PermissionViewSet(ViewSet):
    """A staff screen whose menu entry only holders of `permission` see (its views check it too)."""

    permission = ""

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            permission=self.permission,
        )
