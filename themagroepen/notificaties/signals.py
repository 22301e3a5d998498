"""Close a person's live connections when they log out."""

from django.contrib.auth.signals import user_logged_out
from django.db import transaction
from django.dispatch import receiver


@receiver(user_logged_out)
def close_live_connections(sender, request, user, **kwargs):
    if user is not None:
        from themagroepen.notificaties import live

        user_id = user.pk
        transaction.on_commit(lambda: live.end_sessions(user_id))
