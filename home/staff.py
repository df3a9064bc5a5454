"""Staff screens' permission checks, shared by every room: a view that needs one named permission,
and an admin menu item shown only to its holders."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.menu import MenuItem


def require_perm(user, permission):
    if not user.has_perm(permission):
        raise PermissionDenied


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
