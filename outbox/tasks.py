from django_tasks import task

from .delivery import deliver


@task()
def deliver_message(message_id):
    """Send one outbox message. Enqueued on the PORTAL_TASK_BACKEND alias by `queue_message`.

    django-tasks does not retry: a message that could not be sent stays pending and
    `manage.py send_outbox` sends it later.
    """
    return deliver(message_id)
