"""Keep the dates of a bijeenkomst in step with it, and tidy up when someone leaves a group."""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from themagroepen.bijeenkomsten.models import Bijeenkomst
from themagroepen.models import Membership


@receiver(post_save, sender=Bijeenkomst)
def materialise_occurrences(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from themagroepen.bijeenkomsten.occurrences import materialise

    materialise(instance)


@receiver(post_delete, sender=Membership)
def cancel_registrations_of_former_member(sender, instance, origin=None, **kwargs):
    """A former member keeps no places in the group's coming meetings (unless open to all)."""
    from themagroepen.bijeenkomsten.services import cancel_inaccessible_registrations
    from themagroepen.models import Themagroep

    if getattr(origin, "model", type(origin)) is not Membership:
        return  # a group or an account is being deleted: its registrations go with it, unmailed
    try:
        themagroep, user = instance.themagroep, instance.user
    except (Themagroep.DoesNotExist, ObjectDoesNotExist):
        return  # the whole group (or account) is being deleted; its registrations go with it
    cancel_inaccessible_registrations(user, themagroep)
