"""Admin registrations and hooks of the events room."""
