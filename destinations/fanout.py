"""Sending one safety alert, or one change of a destination's advice, to every confirmed subscriber of it.

A fan-out is keyed on the alert's translation key (or the change note), so publishing again,
publishing a translation, a crash half-way and a retry all continue the same fan-out. It runs as a
task in batches: each batch picks, in one query, subscriptions that have no delivery of this alert
yet, and in one transaction stores their deliveries (unique per subscription and alert) and their
outbox messages (one INSERT each); the outbox sends each batch with one delivery task. Between
batches the fan-out's row is locked and its status read, so staff can stop it; concurrent runs of
the same fan-out take turns on that lock and never queue one person twice. What the email says is
alert_email.py's.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django_tasks import task

import outbox

from .alert_email import Mailing, dedupe_prefix
from .models import AlertDelivery, AlertFanout, AlertSubscription, FollowedDestination, SafetyAlertPage
from .subscriptions import still_followed

BATCH_SIZE = 500
Status = AlertFanout.Status


# Who gets it ------------------------------------------------------------------------------------


def subscribers_of(destination_ids, today=None):
    """Confirmed, still subscribed subscriptions to any of these destinations or to all of them; a
    destination followed for a trip counts until its last day (`ends_on`, Beijing date), not after."""
    chosen = FollowedDestination.objects.filter(
        still_followed(today), subscription_id=OuterRef("pk"), destination_id__in=list(destination_ids)
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


@task()
def send_fanout(fanout_id):
    """The worker's task: queue the emails of one fan-out in batches; returns its status.

    django-tasks does not retry: a run that died half-way is continued by publishing again or by
    "Resume sending" on the fan-out's admin page, and nobody gets the email twice.
    """
    return run_fanout(fanout_id)


def enqueue_run(fanout_id):
    send_fanout.using(backend=settings.PORTAL_TASK_BACKEND).enqueue(fanout_id)


def queue_run(fanout):
    # robust: if the queue cannot be reached the fan-out stays queued; staff can resume it. A lambda, not
    # functools.partial: Django logs a robust callback's failure by its __qualname__, which a partial lacks.
    fanout_id = fanout.pk
    transaction.on_commit(lambda: enqueue_run(fanout_id), robust=True)


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
