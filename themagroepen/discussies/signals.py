"""Close live topic connections when the person logs out or may no longer read the topic."""

from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from themagroepen.discussies import live
from themagroepen.models import Membership


@receiver(user_logged_out, dispatch_uid="discussies_close_on_logout")
def close_on_logout(sender, request, user, **kwargs):
    if user is not None:
        live.close_user(user.pk)


@receiver(post_delete, sender=Membership, dispatch_uid="discussies_close_on_leave")
def recheck_on_leave(sender, instance, **kwargs):
    live.user_keys_changed(instance.user_id)


@receiver(post_save, sender=Membership, dispatch_uid="discussies_recheck_on_role_change")
def recheck_on_role_change(sender, instance, created, update_fields=None, **kwargs):
    # A beheerder made lid no longer reads the group's hidden topics.
    if not created:
        live.user_keys_changed(instance.user_id)
