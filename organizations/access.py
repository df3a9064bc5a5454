"""Who may open an organisation's pages: its current managers; officers holding
`organizations.view_all` may read any approved organisation's dashboard (never change it). Anyone else
gets a 404, as for an id that does not exist (DESIGN.md rule 2)."""

from django.http import Http404

from .models import Membership, Organization
from .permissions import VIEW_ALL


def managed_organization(request, organization_id, *, read_only=False):
    """The approved organisation `organization_id` if the signed-in person manages it now (or, when
    `read_only`, may see every organisation); else Http404."""
    user = request.user
    if not user.is_authenticated:
        raise Http404
    organizations = Organization.objects.filter(pk=organization_id, status=Organization.Status.APPROVED)
    if not (read_only and user.has_perm(VIEW_ALL)):
        organizations = organizations.filter(memberships__in=Membership.objects.managers().filter(user=user))
    organization = organizations.first()
    if organization is None:
        raise Http404
    return organization


def managed_by(user):
    """The approved organisations `user` manages now."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(
        status=Organization.Status.APPROVED,
        memberships__in=Membership.objects.managers().filter(user=user),
    ).distinct()


def is_manager(user, organization):
    return (
        user.is_authenticated
        and Membership.objects.managers().filter(user=user, organization=organization).exists()
    )
