"""Keep each themagroep's Django group in step with its members (for Wagtail page privacy),
and surface invitations when an invited address gets verified."""

from allauth.account.signals import email_confirmed
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


@receiver(email_confirmed)
def announce_waiting_invitations(sender, request, email_address, **kwargs):
    """Invitations sent before sign-up (or to a new address) show up once the address is verified."""
    from themagroepen.services import announce_invitations

    announce_invitations(email_address.user, email_address.email)
