"""The named permissions that guard the room's staff screens (given to Officers by migration 0002)."""

APPROVE_ORGANIZATION = "organizations.approve_organization"
VIEW_ALL = "organizations.view_all"
HANDLE_SERVICE_REQUEST = "organizations.handle_service_request"

# Reading the admin's list of organisations and an application (either will do); deciding asks
# APPROVE_ORGANIZATION on top.
LIST_ORGANIZATIONS = (APPROVE_ORGANIZATION, VIEW_ALL)
