"""A tick on one checklist item of a chapter, for one organisation."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kennisplatform.access import organisation_ids, organisation_key


class Vinkje(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="vinkjes", verbose_name="organisatie"
    )
    chapter = models.ForeignKey(
        "kennisbank.HoofdstukPage", on_delete=models.CASCADE, related_name="+", verbose_name="hoofdstuk"
    )
    # The checklist is the StreamField block's id; the item its position in that list. The text is
    # kept as it was when ticked, so the dossier still reads right after an editor rewrites it.
    block_id = models.CharField("checklist", max_length=64)
    item = models.PositiveSmallIntegerField("punt")
    item_text = models.CharField("tekst van het punt", max_length=300)
    note = models.TextField("notitie", max_length=1000, blank=True)
    ticked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="afgevinkt door"
    )
    ticked_at = models.DateTimeField("afgevinkt op")

    class Meta:
        verbose_name = "vinkje"
        verbose_name_plural = "vinkjes"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "chapter", "block_id", "item"], name="one_tick_per_item")
        ]

    def __str__(self):
        return f"{self.organisation}: {self.item_text}"

    def read_keys(self) -> frozenset[str]:
        return frozenset({organisation_key(self.organisation_id)})

    @classmethod
    def readable_q(cls, keys) -> Q:
        return Q(organisation_id__in=organisation_ids(keys))
