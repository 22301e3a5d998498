"""Provinces and municipalities: reference data from CBS, loaded by migration."""

from django.db import models

# CBS gemeentegrootteklassen, joined into five classes: (lowest, below, label).
GROOTTEKLASSEN = [
    (0, 20_000, "minder dan 20.000 inwoners"),
    (20_000, 50_000, "20.000 tot 50.000 inwoners"),
    (50_000, 100_000, "50.000 tot 100.000 inwoners"),
    (100_000, 250_000, "100.000 tot 250.000 inwoners"),
    (250_000, None, "250.000 inwoners of meer"),
]


class Provincie(models.Model):
    name = models.CharField("naam", max_length=60, unique=True)
    code = models.CharField("CBS-code", max_length=4, unique=True, help_text="Bijvoorbeeld PV26.")
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "provincie"
        verbose_name_plural = "provincies"

    def __str__(self):
        return self.name


class Gemeente(models.Model):
    name = models.CharField("naam", max_length=80)
    cbs_code = models.CharField("CBS-code", max_length=6, unique=True, help_text="Bijvoorbeeld GM0344.")
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="gemeenten", verbose_name="provincie"
    )
    slug = models.SlugField(max_length=80, unique=True)
    # Only where the figure is known reliably (kennisbank/data/gemeenten.csv); else the size
    # class is unknown and the gemeente is "like" no other.
    inwoners = models.PositiveIntegerField(
        "inwoners", null=True, blank=True, help_text="Volgens het CBS op 1 januari 2024, afgerond; leeg als onbekend."
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"

    def __str__(self):
        return self.name

    @property
    def grootteklasse(self) -> str:
        """The CBS size class as a label, or "" when the population is unknown."""
        if self.inwoners is None:
            return ""
        return next(label for low, below, label in GROOTTEKLASSEN if below is None or self.inwoners < below)
