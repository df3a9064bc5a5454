"""Admin registrations and hooks of the destinations room."""
