"""What the staff screens count and show per row: events with their counts (one query), and the
texts of a row of the events report and of an event's registrations (times in Beijing time)."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import dateformat
from django.utils.translation import gettext as _

from home.times import in_beijing

from .models import Event, Registration, WalkIn

Status = Registration.Status


def events_with_counts():
    """Every event with its counts in one query: registrations counted by status with a filter,
    walk-ins by a subquery (a second join would multiply the rows)."""
    walk_ins = (
        WalkIn.objects.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Event.objects.select_related("cancelled_by").annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=Status.CONFIRMED)),
        waitlisted_count=Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)),
        cancelled_count=Count("registrations", filter=Q(registrations__status=Status.CANCELLED)),
        checked_in_count=Count("registrations", filter=Q(registrations__checked_in_at__isnull=False)),
        walk_in_count=Coalesce(Subquery(walk_ins, output_field=IntegerField()), Value(0)),
    )


def attended(event):
    return event.checked_in_count + event.walk_in_count


def local_time(moment):
    """A moment in Beijing time, as the staff screens and their files show it."""
    return dateformat.format(in_beijing(moment), "Y-m-d H:i") if moment else ""


def decorate_event(event):
    """What the report's columns show about one counted event."""
    event.starts_text = local_time(event.starts_at)
    event.attended = attended(event)
    capacity = f" / {event.capacity}" if event.capacity else ""
    event.confirmed_text = f"{event.confirmed_count}{capacity}"
    states = [_("event cancelled")] if event.cancelled_at else []
    states += [_("invitation only")] if event.is_private else []
    event.state_text = ", ".join(states)
    return event


def decorate_registration(registration):
    """What the registrations table shows about one registration."""
    registration.name_text = f"{registration.name} ({registration.check_in_code})"
    status = registration.get_status_display()
    registration.status_text = f"{status} {_('(from the waitlist)')}" if registration.promoted_at else status
    registration.registered_text = local_time(registration.created_at)
    registration.checked_in_text = local_time(registration.checked_in_at)
    if registration.checked_in_by:
        by = registration.checked_in_by
        registration.checked_in_text += f" ({by.get_full_name() or by.email})"
    registration.cancelled_at_text = local_time(registration.cancelled_at)
    registration.cancelled_by_text = cancelled_by_text(registration)
    registration.cancelled_text = ""
    if registration.cancelled_at:
        registration.cancelled_text = f"{registration.cancelled_by_text}, {registration.cancelled_at_text}"
    return registration


def cancelled_by_text(registration):
    """Who cancelled: the staff member (or the person, signed in) by name, else the person by the
    link in their email; nothing while the registration stands."""
    if registration.status != Status.CANCELLED:
        return ""
    by = registration.cancelled_by
    if by is not None:
        return by.get_full_name() or by.email
    return _("the person themselves")
