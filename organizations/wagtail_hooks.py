"""The organisations room's Wagtail hooks, registered by the modules of each part when imported:
the office's admin screens and the demo (admin_hooks), joining and members (member_hooks), the
manager's dashboard and My portal section (dashboard_hooks)."""

from . import admin_hooks, dashboard_hooks, member_hooks  # noqa: F401
