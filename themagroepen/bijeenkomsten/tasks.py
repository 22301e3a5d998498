"""Background work for bijeenkomsten, run by django-tasks (see settings.TASKS)."""

from django_tasks import task


@task()
def send_reminders() -> int:
    """Send the day-before e-mails that are due; safe to run as often as you like."""
    from themagroepen.bijeenkomsten.occurrences import extend_horizon
    from themagroepen.bijeenkomsten.reminders import send_due_reminders

    extend_horizon()
    return send_due_reminders()
