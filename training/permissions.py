"""The named permissions that guard the room's staff screens (given to Officers by migration 0002)."""

VIEW_COMPLETIONS = "training.view_completions"
REVOKE_CERTIFICATE = "training.revoke_certificate"
