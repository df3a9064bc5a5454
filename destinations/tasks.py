"""Tasks of the destinations room, run on the PORTAL_TASK_BACKEND alias ("portal") by the worker."""

from django_tasks import task


@task()
def send_fanout(fanout_id):
    """Queue the emails of one alert fan-out in batches (see destinations/fanout.py); returns its status.

    django-tasks does not retry: a run that died half-way is continued by publishing again or by
    "Resume sending" on the fan-out's admin page, and nobody gets the email twice.
    """
    from .fanout import run_fanout

    return run_fanout(fanout_id)
