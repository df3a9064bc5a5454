"""The emails of the events room, all through the outbox, each in its registrant's language.

Every email has a de-duplication key, so a retry, a double click or a second run of a command never
sends it twice: per registration for its confirmation, waitlist place, promotion, cancellation and
reminder; per registration and calendar SEQUENCE for a change of time or place. What they say about
the event comes from events/details.py, in the registrant's language.
"""

import hashlib

from django.utils import timezone
from django.utils.translation import gettext

import outbox
from home import site_cache
from home.links import absolute_reverse

from .availability import promotion_deadline
from .calendar import registration_ics
from .checkin import qr_png
from .details import DetailsByLanguage, event_details
from .models.records import Registration

CONFIRMED_TEMPLATE = "events/email/confirmed"
ALREADY_REGISTERED_TEMPLATE = "events/email/already_registered"
WAITLISTED_TEMPLATE = "events/email/waitlisted"
PROMOTED_TEMPLATE = "events/email/promoted"
CANCELLED_TEMPLATE = "events/email/cancelled"
EVENT_CANCELLED_TEMPLATE = "events/email/event_cancelled"
CHANGED_TEMPLATE = "events/email/changed"
REMINDER_TEMPLATE = "events/email/reminder"
MESSAGE_TEMPLATE = "events/email/message"
INVITATION_TEMPLATE = "events/email/invitation"


def registration_links(registration, language=None):
    """The links a registrant keeps: cancel, decline, calendar file, and "My events" when signed up."""
    language = language or registration.language
    token = registration.cancel_token
    return {
        "cancel_url": absolute_reverse(language, "events:cancel", token=token),
        "decline_url": absolute_reverse(language, "events:decline", token=token),
        "calendar_url": absolute_reverse(language, "events:calendar", token=token),
        "my_events_url": absolute_reverse(language, "events:my_events") if registration.user_id else "",
    }


def registration_context(registration, details, **extra):
    return {
        "registration": registration,
        "event": details,
        "check_in_code": registration.check_in_code,
        **registration_links(registration),
        **extra,
    }


# Attachments -------------------------------------------------------------------------------------


def calendar_attachment(registration, method="REQUEST", details=None):
    return ("event.ics", registration_ics(registration, method=method, details=details), "text/calendar")


def qr_attachment(registration):
    return (f"check-in-{registration.check_in_code}.png", qr_png(registration), "image/png")


def confirmed_attachments(registration, details=None):
    return [calendar_attachment(registration, details=details), qr_attachment(registration)]


# One registrant ----------------------------------------------------------------------------------


def kept_details(event, language):
    """event_details, kept per site version (a publish of its pages renews it) and per the Event's own
    fields it reads (a change of time, place, link or a cancellation is a new entry): a crowd
    registering for one event reads its pages once."""
    fields = (event.title, event.starts_at, event.ends_at, event.venue, event.address, event.online_url)
    state = hashlib.sha256(repr((*fields, event.cancelled_at)).encode()).hexdigest()[:16]
    return site_cache.cached(
        "event-details", lambda: event_details(event, language), event.pk, language, state
    )


# An email to one registrant is queued in the caller's transaction (one INSERT) and written by the
# worker when it is sent (outbox/composing.py): under a crowd, a registration does not wait for its
# templates, calendar file and QR code. What was decided when it was queued (the kind of email, the
# registration's status then, a waitlist position) travels with it; the rest is read when it is written.
REGISTRANT_EMAIL = "events.registrant"


class Kind:
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    ALREADY_REGISTERED = "already_registered"
    PROMOTED = "promoted"
    CANCELLED = "cancelled"


def confirmed_files(registration, details, **arguments):
    return confirmed_attachments(registration, details)


def tentative_files(registration, details, **arguments):
    return [calendar_attachment(registration, details=details)]


def already_registered_files(registration, details, registration_confirmed, **arguments):
    if registration_confirmed:
        return confirmed_attachments(registration, details)
    return [calendar_attachment(registration, details=details)]


def cancelled_files(registration, details, was_confirmed, **arguments):
    return [calendar_attachment(registration, "CANCEL", details)] if was_confirmed else []


# Kind: (template, its files, what its context adds from the registration as it is when written)
KINDS = {
    Kind.CONFIRMED: (CONFIRMED_TEMPLATE, confirmed_files, lambda registration: {}),
    Kind.WAITLISTED: (
        WAITLISTED_TEMPLATE,
        tentative_files,
        lambda registration: {"promotion_deadline": promotion_deadline(registration.event)},
    ),
    Kind.ALREADY_REGISTERED: (ALREADY_REGISTERED_TEMPLATE, already_registered_files, lambda registration: {}),
    Kind.PROMOTED: (PROMOTED_TEMPLATE, confirmed_files, lambda registration: {}),
    Kind.CANCELLED: (
        CANCELLED_TEMPLATE,
        cancelled_files,
        # given when staff cancelled it for them
        lambda registration: {"reason": registration.cancellation_reason},
    ),
}


def send_to(registration, kind, dedupe_key, **arguments):
    """Queue the `kind` email to the registrant, in their language, written when it is sent.
    `arguments` (JSON values) go to its template's context. None when `dedupe_key` was used."""
    return outbox.queue_composed(
        registration.email,
        REGISTRANT_EMAIL,
        {"registration": registration.pk, "kind": kind, "status": registration.status, **arguments},
        language=registration.language,
        dedupe_key=dedupe_key,
    )


@outbox.composer(REGISTRANT_EMAIL)
def write_registrant_email(registration, kind, status, **arguments):
    """The email `send_to` queued, as the registration and its event are now, with the status the
    registration had then; None when the registration is gone (nothing to send)."""
    registration = Registration.objects.select_related("event").filter(pk=registration).first()
    if registration is None:
        return None
    registration.status = status
    template, files, extra = KINDS[kind]
    details = kept_details(registration.event, registration.language)
    return outbox.Composed(
        template,
        registration_context(registration, details, **arguments, **extra(registration)),
        attachments=files(registration, details, **arguments),
    )


def send_confirmation(registration):
    """Confirmed: the calendar file, the check-in QR code and (online events) the joining link."""
    return send_to(registration, Kind.CONFIRMED, f"events:confirmed:{registration.pk}")


def send_waitlisted(registration, position):
    """On the waitlist: a tentative calendar entry (the same UID, so a place later confirms it)."""
    return send_to(registration, Kind.WAITLISTED, f"events:waitlisted:{registration.pk}", position=position)


def send_already_registered(registration, position=None):
    """Someone registered an address that is registered already: remind it of its own links and
    calendar file (a waitlisted one's tentative, without a check-in code).

    At most one such email an hour per registration, so the form cannot flood someone's inbox.
    """
    hour = timezone.now().strftime("%Y%m%d%H")
    return send_to(
        registration,
        Kind.ALREADY_REGISTERED,
        f"events:already-registered:{registration.pk}:{hour}",
        position=position,
        registration_confirmed=registration.status == Registration.Status.CONFIRMED,
    )


def send_promoted(registration):
    """A place from the waitlist: the same as a confirmation, with a link to decline it."""
    return send_to(registration, Kind.PROMOTED, f"events:promoted:{registration.pk}")


def send_cancelled(registration, was_confirmed):
    """The registration is cancelled; a confirmed one's calendar entry is withdrawn. When staff
    cancelled it, the email says so and gives their reason."""
    return send_to(
        registration, Kind.CANCELLED, f"events:cancelled:{registration.pk}", was_confirmed=was_confirmed
    )


# Everyone registered for one event ---------------------------------------------------------------


def queue_for(registrations, template, key, attachments=None, **extra):
    """Render and store one email per registration in one INSERT; skips keys already used.

    `key(registration)` gives the de-duplication key; `attachments(registration, details)` the files.
    """
    registrations = list(registrations)
    if not registrations:
        return []
    keys = {registration.pk: key(registration) for registration in registrations}
    taken = outbox.taken_keys(keys.values())
    details = DetailsByLanguage(registrations[0].event)  # the event's pages, read once
    messages = []
    for registration in registrations:
        if keys[registration.pk] in taken:
            continue
        language = registration.language
        described = details(language)
        context = registration_context(registration, described, **extra)
        subject, body_text, body_html = outbox.render_email(template, context, language)
        messages.append(
            {
                "to": registration.email,
                "subject": subject,
                "body_text": body_text,
                "body_html": body_html,
                "language": language,
                "dedupe_key": keys[registration.pk],
                "attachments": attachments(registration, described) if attachments else None,
            }
        )
    return outbox.queue_messages(messages)


def confirmed_registrations(event):
    return Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).select_related(
        "event"
    )


def event_changed(event):
    """The time or place changed (the Event's SEQUENCE was raised): send confirmed registrants the
    updated calendar entry (same UID, higher SEQUENCE). Once per registration and SEQUENCE."""
    event.refresh_from_db()
    if event.cancelled_at is not None:
        return []
    sequence = event.sequence
    return queue_for(
        confirmed_registrations(event),
        CHANGED_TEMPLATE,
        key=lambda registration: f"events:changed:{registration.pk}:{sequence}",
        attachments=lambda registration, details: [calendar_attachment(registration, details=details)],
    )


def send_event_cancelled(event):
    """The office cancelled the event: tell everyone confirmed or waiting, withdraw calendar entries."""
    registrations = Registration.objects.filter(
        event=event, status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
    ).select_related("event")
    return queue_for(
        registrations,
        EVENT_CANCELLED_TEMPLATE,
        key=lambda registration: f"events:event-cancelled:{registration.pk}",
        attachments=lambda registration, details: [calendar_attachment(registration, "CANCEL", details)],
    )


def send_reminders(registrations):
    """The day-before reminder (see the send_event_reminders command)."""
    return queue_for(
        registrations,
        REMINDER_TEMPLATE,
        key=lambda registration: f"events:reminder:{registration.pk}",
        attachments=lambda registration, details: [qr_attachment(registration)],
    )


def message_registrants(event, subject, body, sender):
    """The office writes to every confirmed registrant; returns how many emails were queued.

    Sending the same words twice (a double click) queues nothing the second time.
    """
    subject = " ".join(str(subject).split())
    body = str(body).strip()
    if not subject or not body:
        raise ValueError(gettext("Write a subject and a message."))
    digest = hashlib.sha256(f"{subject}\n{body}".encode()).hexdigest()[:16]
    messages = queue_for(
        confirmed_registrations(event),
        MESSAGE_TEMPLATE,
        key=lambda registration: f"events:message:{event.pk}:{digest}:{registration.pk}",
        message_subject=subject,
        message_body=body,
        sender_name=(getattr(sender, "get_full_name", lambda: "")() or "") if sender else "",
    )
    return len(messages)


# Invitations -------------------------------------------------------------------------------------


def send_invitation(invitation, language):
    """A personal registration link for a private event; at most once a day per invitation."""
    details = event_details(invitation.event, language)
    context = {
        "event": details,
        "invitation_url": absolute_reverse(language, "events:invitation", token=invitation.token),
    }
    key = f"events:invitation:{invitation.pk}:{timezone.localdate():%Y%m%d}"
    return outbox.send(invitation.email, INVITATION_TEMPLATE, context, language=language, dedupe_key=key)
