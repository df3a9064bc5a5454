"""Hooks of one part of the organisations room (see wagtail_hooks.py)."""
