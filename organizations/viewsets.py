"""The organisations room in the admin menu: one "Organisations" group (other parts of the room add
their entries to `OrganisationsViewSetGroup.items`). Each entry is shown to holders of its permission;
its views check it too (organizations/admin_views.py)."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup

from home.staff import PermissionViewSet

from .permissions import HANDLE_SERVICE_REQUEST, LIST_ORGANIZATIONS


class OrganisationsViewSet(PermissionViewSet):
    """Every organisation and its application: deciding needs approve_organization; view_all reads."""

    name = "organizations_list"
    icon = "group"
    menu_label = _("Organisations")
    menu_url = reverse_lazy("organizations_admin")
    permission = LIST_ORGANIZATIONS


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
