"""Shared themes for all content (kennisbank pages, themagroepen, search facets)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class Thema(models.Model):
    name = models.CharField("naam", max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField("omschrijving", blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = "thema"
        verbose_name_plural = "thema's"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("kennisbank:thema", kwargs={"slug": self.slug})
