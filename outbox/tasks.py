from django_tasks import task

from .delivery import deliver, deliver_many


@task()
def deliver_message(message_id):
    """Send one outbox message. Enqueued on the PORTAL_TASK_BACKEND alias by `queue_message`.

    django-tasks does not retry: a message that could not be sent stays pending and
    `manage.py send_outbox` sends it later.
    """
    return deliver(message_id)


@task()
def deliver_messages(message_ids):
    """Send a batch of outbox messages over one mail connection (queued by `queue_messages`)."""
    return deliver_many(message_ids)
