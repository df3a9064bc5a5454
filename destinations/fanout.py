"""Sending one safety alert, or one change of a destination's advice, to every confirmed subscriber of it.

A fan-out is keyed on the alert's translation key (or the change note), so publishing again,
publishing a translation, a crash half-way and a retry all continue the same fan-out. It runs as a
task in batches: each batch picks, in one query, subscriptions that have no delivery of this alert
yet, and in one transaction stores their deliveries (unique per subscription and alert) and their
outbox messages (one INSERT each); the outbox sends each batch with one delivery task. Between
batches the fan-out's row is locked and its status read, so staff can stop it; concurrent runs of
the same fan-out take turns on that lock and never queue one person twice.

Each subscriber gets the alert in their language when that translation is live, otherwise in the
source language (the first copy of the page), with the email's own words in their language. An
email is rendered once per language; each subscriber's own unsubscribe link is put in afterwards.
"""

import logging
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone, translation

import outbox
from home.links import absolute_reverse, absolute_url
from home.reader_language import copy_for_reader

from .models import (
    AlertDelivery,
    AlertFanout,
    AlertSubscription,
    DestinationPage,
    SafetyAlertPage,
)

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
ALERT_TEMPLATE = "destinations/email/alert"
CHANGE_TEMPLATE = "destinations/email/change"
# Stand-in for a subscriber's token while an email is rendered once for everyone of a language.
TOKEN_PLACEHOLDER = "SUBSCRIBER-TOKEN-PLACEHOLDER"  # noqa: S105 (not a secret)
Status = AlertFanout.Status


# Who gets it ------------------------------------------------------------------------------------


def subscribers_of(destination_ids):
    """Confirmed, still subscribed subscriptions to any of these destinations or to all of them."""
    chosen = AlertSubscription.destinations.through.objects.filter(
        alertsubscription_id=OuterRef("pk"), destination_id__in=list(destination_ids)
    )
    return AlertSubscription.objects.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True).filter(
        Q(all_destinations=True) | Exists(chosen)
    )


def delivered(fanout_or_key):
    if isinstance(fanout_or_key, AlertFanout):
        if fanout_or_key.alert_key is not None:
            return AlertDelivery.objects.filter(alert_key=fanout_or_key.alert_key)
        return AlertDelivery.objects.filter(change_note_id=fanout_or_key.change_note_id)
    return AlertDelivery.objects.filter(alert_key=fanout_or_key)


def not_yet_delivered(subscriptions, fanout_or_key):
    done = delivered(fanout_or_key).filter(subscription_id=OuterRef("pk"))
    return subscriptions.filter(~Exists(done))


def alert_destination_ids(page):
    """The destinations of an alert: of the page as saved, or of a draft (a revision's page object)."""
    return [place.pk for place in page.destinations.all()]


def count_recipients(page):
    """How many people the alert would still be emailed to now (a draft's destinations count)."""
    subscribers = subscribers_of(alert_destination_ids(page))
    return not_yet_delivered(subscribers, page.translation_key).count()


def recipients_by_language(page):
    """{language: count} of the people still to get the alert."""
    subscribers = not_yet_delivered(subscribers_of(alert_destination_ids(page)), page.translation_key)
    counts = dict.fromkeys(dict(settings.LANGUAGES), 0)
    for language in subscribers.values_list("language", flat=True).iterator():
        counts[language] = counts.get(language, 0) + 1
    return counts


def fanout_subscribers(fanout):
    if fanout.alert_key is not None:
        places = SafetyAlertPage.destinations.through.objects.filter(
            safetyalertpage__translation_key=fanout.alert_key, safetyalertpage__live=True
        ).values_list("destination_id", flat=True)
        return subscribers_of(set(places))
    return subscribers_of([fanout.change_note.destination_id])


# Starting, stopping, resuming ---------------------------------------------------------------------


def enqueue_run(fanout_id):
    from .tasks import send_fanout

    send_fanout.using(backend=settings.PORTAL_TASK_BACKEND).enqueue(fanout_id)


def queue_run(fanout):
    # robust: if the queue cannot be reached the fan-out stays queued; staff can resume it.
    transaction.on_commit(partial(enqueue_run, fanout.pk), robust=True)


def get_or_create_fanout(lookup, title):
    fanout = AlertFanout.objects.filter(**lookup).first()
    if fanout is not None:
        return fanout, False
    try:
        with transaction.atomic():
            return AlertFanout.objects.create(title=title[:255], **lookup), True
    except IntegrityError:  # started at the same moment by another process
        return AlertFanout.objects.get(**lookup), False


def start_alert_fanout(alert_page):
    """An alert (any language copy) was published: email its subscribers, once per person.

    Returns the fan-out, or None for an alert that is not live or has already ended. A fan-out that
    is done or was stopped by staff is not started again by publishing.
    """
    page = alert_page.specific if not isinstance(alert_page, SafetyAlertPage) else alert_page
    if not page.live or (page.valid_until is not None and page.valid_until <= timezone.now()):
        return None
    fanout, created = get_or_create_fanout({"alert_key": page.translation_key}, page.title)
    if created or fanout.status in (Status.QUEUED, Status.SENDING):
        queue_run(fanout)
    return fanout


def start_change_fanout(change_note):
    """A destination's facts changed (not a minor change): tell its subscribers what changed."""
    if change_note is None:
        return None
    title = f"{change_note.destination}: {change_note.summary_in(settings.LANGUAGE_CODE)}"
    fanout, created = get_or_create_fanout({"change_note": change_note}, title)
    if created or fanout.status in (Status.QUEUED, Status.SENDING):
        queue_run(fanout)
    return fanout


def stop_fanout(fanout, user=None):
    """Stop queueing emails and withdraw those queued but not yet sent. Returns how many were withdrawn.

    The withdrawn subscribers keep no delivery, so resuming sends them the email after all.
    """
    with transaction.atomic():
        # Waits for a batch in progress to commit, so none is queued after this.
        locked = AlertFanout.objects.select_for_update().get(pk=fanout.pk)
        if locked.status not in (Status.QUEUED, Status.SENDING):
            return 0
        keys = outbox.cancel_pending(dedupe_prefix(locked))
        withdrawn = [int(key.rsplit(":", 1)[1]) for key in keys]
        if withdrawn:
            delivered(locked).filter(subscription_id__in=withdrawn).delete()
        AlertFanout.objects.filter(pk=locked.pk).update(
            status=Status.STOPPED,
            stopped_by=user if user is not None and user.is_authenticated else None,
            finished_at=timezone.now(),
            sent=delivered(locked).count(),
        )
    fanout.refresh_from_db()
    return len(withdrawn)


def resume_fanout(fanout):
    """Start a stopped, stalled or never started fan-out (again): whoever has the email is skipped.

    Returns False for a fan-out that is done.
    """
    with transaction.atomic():
        AlertFanout.objects.filter(pk=fanout.pk, status__in=[Status.STOPPED, Status.SENDING]).update(
            status=Status.QUEUED, stopped_by=None, finished_at=None
        )
        fanout.refresh_from_db()
        if fanout.status != Status.QUEUED:
            return False
        queue_run(fanout)
    return True


# Running in batches -----------------------------------------------------------------------------


def dedupe_prefix(fanout):
    if fanout.alert_key is not None:
        return f"destinations-alert:{fanout.alert_key}:"
    return f"destinations-change:{fanout.change_note_id}:"


def run_fanout(fanout_id, batch_size=BATCH_SIZE, max_batches=None):
    """Queue the emails of a fan-out, batch after batch, until done or stopped. Returns its status.

    `max_batches` bounds one run (a test or a benchmark); another run continues where it ended.
    """
    fanout = AlertFanout.objects.select_related("change_note__destination").get(pk=fanout_id)
    if fanout.status in (Status.STOPPED, Status.DONE):
        return fanout.status
    mailing = Mailing.for_fanout(fanout)
    if mailing is None:  # the alert was unpublished before it went out: nothing to send
        AlertFanout.objects.filter(pk=fanout.pk, status__in=[Status.QUEUED, Status.SENDING]).update(
            status=Status.STOPPED, finished_at=timezone.now()
        )
        return Status.STOPPED
    subscribers = fanout_subscribers(fanout)
    AlertFanout.objects.filter(pk=fanout.pk, status=Status.QUEUED).update(status=Status.SENDING)
    AlertFanout.objects.filter(pk=fanout.pk).update(recipients=subscribers.count())
    after, batches = 0, 0
    while max_batches is None or batches < max_batches:
        status, after = run_batch(fanout, subscribers, mailing, batch_size, after)
        batches += 1
        if status != Status.SENDING:
            return status
    return Status.SENDING


def run_batch(fanout, subscribers, mailing, batch_size, after=0):
    """Queue one batch in one transaction; returns (status, last subscription id of the batch)."""
    with transaction.atomic():
        status = (
            AlertFanout.objects.select_for_update().filter(pk=fanout.pk).values_list("status", flat=True)[0]
        )
        if status != Status.SENDING:
            return status, after
        batch = list(
            not_yet_delivered(subscribers, fanout)
            .filter(pk__gt=after)
            .order_by("pk")
            .only("pk", "email", "language", "token")[:batch_size]
        )
        if not batch:
            AlertFanout.objects.filter(pk=fanout.pk, status=Status.SENDING).update(
                status=Status.DONE, finished_at=timezone.now()
            )
            return Status.DONE, after
        AlertDelivery.objects.bulk_create(
            AlertDelivery(
                subscription=subscription,
                fanout=fanout,
                alert_key=fanout.alert_key,
                change_note_id=fanout.change_note_id,
                language=mailing.language_for(subscription),
            )
            for subscription in batch
        )
        outbox.queue_messages([mailing.message_for(subscription) for subscription in batch])
        AlertFanout.objects.filter(pk=fanout.pk).update(sent=F("sent") + len(batch))
    return Status.SENDING, batch[-1].pk


# What the emails say ------------------------------------------------------------------------------


def page_path(page):
    """The page's path with its language prefix, for a link built without a request."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def links_for(language, token):
    return (
        absolute_reverse(language, "destinations:unsubscribe", token=token),
        absolute_reverse(language, "destinations:preferences", token=token),
    )


@dataclass
class Rendered:
    language: str
    subject: str
    body_text: str
    body_html: str


class Mailing:
    """The email of one fan-out, rendered once per subscriber language."""

    def __init__(self, fanout, template, context_for, key_prefix):
        self.fanout = fanout
        self.template = template
        self.context_for = context_for
        self.key_prefix = key_prefix
        self.rendered = {}

    @classmethod
    def for_fanout(cls, fanout):
        if fanout.alert_key is not None:
            copies = list(
                SafetyAlertPage.objects.live()
                .filter(translation_key=fanout.alert_key)
                .select_related("locale")
                .prefetch_related("destinations")
            )
            if not copies:
                return None
            return cls(fanout, ALERT_TEMPLATE, partial(alert_context, copies), dedupe_prefix(fanout))
        note = fanout.change_note
        copies = list(
            DestinationPage.objects.live().filter(destination_id=note.destination_id).select_related("locale")
        )
        return cls(fanout, CHANGE_TEMPLATE, partial(change_context, note, copies), dedupe_prefix(fanout))

    def language_for(self, subscription):
        return self.render(subscription.language).language

    def render(self, language):
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        if language not in self.rendered:
            unsubscribe, preferences = links_for(language, TOKEN_PLACEHOLDER)
            context = self.context_for(language) | {
                "unsubscribe_url": unsubscribe,
                "preferences_url": preferences,
            }
            subject, body_text, body_html = outbox.render_email(self.template, context, language)
            self.rendered[language] = Rendered(language, subject, body_text, body_html)
        return self.rendered[language]

    def message_for(self, subscription):
        rendered = self.render(subscription.language)
        token = subscription.token

        def personal(text):
            return text.replace(TOKEN_PLACEHOLDER, token)

        unsubscribe, _preferences = links_for(rendered.language, token)
        return {
            "to": subscription.email,
            "subject": rendered.subject,
            "body_text": personal(rendered.body_text),
            "body_html": personal(rendered.body_html),
            "language": rendered.language,
            "dedupe_key": f"{self.key_prefix}{subscription.pk}",
            "headers": unsubscribe_headers(unsubscribe),
        }


def unsubscribe_headers(url):
    """RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe (a POST to the URL)."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def place_names(places, language):
    with translation.override(language):
        return sorted(str(place.country.name) for place in places)


def alert_context(copies, language):
    copy = copy_for_reader(copies, language)
    path = page_path(copy)
    return {
        "alert": copy,
        "alert_url": absolute_url(path) if path else absolute_url(),
        "is_fallback": copy.locale.language_code != language,
        "destination_names": place_names(copy.destinations.all(), language),
    }


def change_context(note, copies, language):
    copy = copy_for_reader(copies, language)
    path = page_path(copy) if copy else None
    return {
        "note": note,
        "summary": note.summary_in(language),
        "destination_name": place_names([note.destination], language)[0],
        "destination_url": absolute_url(path or f"/{language}/"),
        "level": note.get_risk_level_display,
    }


# Staff: preview and test --------------------------------------------------------------------------


def preview_alert_email(page, language):
    """(subject, body_text, body_html) of the email about `page` (a draft too) in `language`.

    The other language copies that are live stand in where they exist; links to manage a
    subscription show as examples.
    """
    copies = [page]
    if page.translation_key:
        copies += list(
            SafetyAlertPage.objects.live()
            .filter(translation_key=page.translation_key)
            .exclude(pk=page.pk)
            .select_related("locale")
        )
    copies.sort(key=lambda copy: (copy.locale.language_code != language, copy.pk != page.pk))
    chosen = copies[0] if copies[0].locale.language_code == language else page
    unsubscribe, preferences = links_for(language, "example")
    path = page_path(chosen) if chosen.pk and chosen.live else None
    context = {
        "alert": chosen,
        "alert_url": absolute_url(path) if path else absolute_url(),
        "is_fallback": chosen.locale.language_code != language,
        "destination_names": place_names(chosen.destinations.all(), language),
        "unsubscribe_url": unsubscribe,
        "preferences_url": preferences,
    }
    return outbox.render_email(ALERT_TEMPLATE, context, language)


def send_test_email(page, user, language):
    """Queue the alert's email to the member of staff who asked for it (no subscription, no delivery)."""
    subject, body_text, body_html = preview_alert_email(page, language)
    with translation.override(language):
        prefix = translation.gettext("[Test]")
    return outbox.queue_message(
        to=user.email,
        subject=f"{prefix} {subject}",
        body_text=body_text,
        body_html=body_html,
        language=language,
    )
