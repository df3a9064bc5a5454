"""The registration box of an event page: whether registration is open, places left, the waitlist."""

from django import template

register = template.Library()


@register.simple_tag
def registration_box_state(page, event):
    """E1's registration state of the event, or None when there is no Event yet (a preview of a draft)
    or no registration is needed."""
    if event is None or not page.registration_required:
        return None
    from events.registration import registration_state

    return registration_state(event)
