"""Close live topic connections when the person logs out or leaves the group."""

from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import post_delete
from django.dispatch import receiver

from themagroepen.discussies import live
from themagroepen.models import Membership


@receiver(user_logged_out, dispatch_uid="discussies_close_on_logout")
def close_on_logout(sender, request, user, **kwargs):
    if user is not None:
        live.close_user(user.pk)


@receiver(post_delete, sender=Membership, dispatch_uid="discussies_close_on_leave")
def close_on_leave(sender, instance, **kwargs):
    live.close_user_in_group(instance.user_id, instance.themagroep_id)
