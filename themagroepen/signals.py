"""Keep each themagroep's Django group in step with its members (for Wagtail page privacy)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from themagroepen.models import Membership


@receiver(post_save, sender=Membership)
def add_to_auth_group(sender, instance, **kwargs):
    if instance.themagroep.auth_group_id:
        instance.user.groups.add(instance.themagroep.auth_group_id)


@receiver(post_delete, sender=Membership)
def remove_from_auth_group(sender, instance, **kwargs):
    if instance.themagroep.auth_group_id:
        instance.user.groups.remove(instance.themagroep.auth_group_id)
