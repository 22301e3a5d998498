"""Keep each themagroep's Django group in step with its members (for Wagtail page privacy),
and surface invitations when an invited address gets verified."""

from allauth.account.signals import email_confirmed
from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from themagroepen.models import Membership, Themagroep


@receiver(post_save, sender=Membership)
def add_to_auth_group(sender, instance, **kwargs):
    if instance.themagroep.auth_group_id:
        instance.user.groups.add(instance.themagroep.auth_group_id)


@receiver(post_delete, sender=Membership)
def remove_from_auth_group(sender, instance, **kwargs):
    # By ids only: when the group or the account itself is being deleted, its row may already be gone.
    auth_group_id = Themagroep.objects.filter(pk=instance.themagroep_id).values_list("auth_group_id", flat=True).first()
    if auth_group_id:
        get_user_model().groups.through.objects.filter(user_id=instance.user_id, group_id=auth_group_id).delete()


@receiver(pre_delete, sender=Themagroep)
def empty_auth_group(sender, instance, **kwargs):
    """A deleted group's members leave its permission group (their memberships go before it)."""
    if instance.auth_group_id:
        get_user_model().groups.through.objects.filter(group_id=instance.auth_group_id).delete()


@receiver(email_confirmed)
def announce_waiting_invitations(sender, request, email_address, **kwargs):
    """Invitations sent before sign-up (or to a new address) show up once the address is verified."""
    from themagroepen.services import announce_invitations

    announce_invitations(email_address.user, email_address.email)
