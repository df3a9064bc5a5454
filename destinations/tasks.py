"""Tasks queued before the fan-out's task moved into destinations/fanout.py name this module: the
worker finds them here. Nothing new is queued under this path."""

from .fanout import send_fanout

__all__ = ["send_fanout"]
