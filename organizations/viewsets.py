"""The organisations room in the admin menu: one "Organisations" group (other parts of the room add
their entries to `OrganisationsViewSetGroup.items`). Each entry is shown to holders of its permission;
its views check it too (organizations/admin_views.py)."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup

from home.staff import PermissionMenuItem, PermissionViewSet

from .permissions import APPROVE_ORGANIZATION, HANDLE_SERVICE_REQUEST, VIEW_ALL


class AnyPermissionMenuItem(PermissionMenuItem):
    def is_shown(self, request):
        return any(request.user.has_perm(permission) for permission in self.permission)


class OrganisationsViewSet(PermissionViewSet):
    """Every organisation and its application: deciding needs approve_organization; view_all reads."""

    name = "organizations_list"
    icon = "group"
    menu_label = _("Organisations")
    menu_url = reverse_lazy("organizations_admin")
    permission = (APPROVE_ORGANIZATION, VIEW_ALL)

    def get_menu_item(self, order=None):
        return AnyPermissionMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            permission=self.permission,
        )


class ServiceRequestsViewSet(PermissionViewSet):
    name = "organizations_service_requests"
    icon = "help"
    menu_label = _("Service requests")
    menu_url = reverse_lazy("organizations_service_requests")
    permission = HANDLE_SERVICE_REQUEST


class OrganisationsViewSetGroup(ViewSetGroup):
    menu_label = _("Organisations")
    menu_icon = "group"
    items = (OrganisationsViewSet, ServiceRequestsViewSet)
