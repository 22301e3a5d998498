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


class VerordeningConcept(models.Model):
    """A gemeente's own leegstandverordening in the making: the wizard's answers, and the version
    of the model it was built on (kept as it was, so the result does not change under the
    officials when editors publish a new model; they are told and choose to move over)."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="verordeningconcepten",
        verbose_name="organisatie",
    )
    model_page = models.ForeignKey(
        "kennisbank.VerordeningPage", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="model"
    )
    # The model's live revision when the draft was built (or moved over), and its articles then.
    model_revision_id = models.PositiveBigIntegerField("versie van het model", null=True)
    model_title = models.CharField("titel van het model", max_length=255)
    model_articles = models.JSONField("artikelen van het model", default=list)
    # Per wizard step, the values as entered (also when not yet valid): going back loses nothing.
    answers = models.JSONField("antwoorden", default=dict, blank=True)
    # The latest model revision whose publication the holders were told about (once per revision).
    notified_revision_id = models.PositiveBigIntegerField("gemeld bij versie", null=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="gemaakt door"
    )
    created_at = models.DateTimeField("gemaakt op", auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="laatst gewijzigd door",
    )
    updated_at = models.DateTimeField("laatst gewijzigd op")
    generated_at = models.DateTimeField("verordening gemaakt op", null=True, blank=True)

    class Meta:
        verbose_name = "concept-verordening"
        verbose_name_plural = "concept-verordeningen"
        ordering = ["-updated_at", "-pk"]

    def __str__(self):
        return f"{self.organisation}: concept {self.pk}"

    def read_keys(self) -> frozenset[str]:
        return frozenset({organisation_key(self.organisation_id)})

    @classmethod
    def readable_q(cls, keys) -> Q:
        return Q(organisation_id__in=organisation_ids(keys))
