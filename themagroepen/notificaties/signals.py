"""Close a person's live connections when they log out."""

from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver

from kennisplatform.aftercommit import after_commit


@receiver(user_logged_out)
def close_live_connections(sender, request, user, **kwargs):
    if user is not None:
        from themagroepen.notificaties import live

        user_id = user.pk
        after_commit(lambda: live.end_sessions(user_id), name="live sessies sluiten")
