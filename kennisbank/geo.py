"""Provinces and municipalities: reference data from CBS, loaded by migration."""

from django.db import models


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

    class Meta:
        ordering = ["name"]
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"

    def __str__(self):
        return self.name
