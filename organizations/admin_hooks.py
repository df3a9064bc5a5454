"""Hooks of one part of the organisations room (see wagtail_hooks.py): the office's screens (the
organisations, applications and service requests: admin_views.py, in the "Organisations" menu group)
and the demo organisations (demo.py)."""

from wagtail import hooks

from home.demo import SEED_DEMO_CONTENT

from .admin_views import organization_admin_urls
from .demo import seed_organizations
from .viewsets import OrganisationsViewSetGroup

hooks.register("register_admin_urls", organization_admin_urls)
# A company and a school with their people for `manage.py seed_demo` (organizations/demo.py).
hooks.register(SEED_DEMO_CONTENT, seed_organizations)


@hooks.register("register_admin_viewset")
def register_organisations_viewsets():
    return OrganisationsViewSetGroup()
