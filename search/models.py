"""The durable indexing queue: one row per object whose search documents must be brought up to date."""

from django.db import models
from django.utils import timezone


class IndexQueue(models.Model):
    """Written in the same transaction as the content change, so a committed change is never lost.

    Rows coalesce per object: processing re-reads the object, so the latest state always wins.
    """

    class Action(models.TextChoices):
        INDEX = "index", "indexeren"
        DELETE = "delete", "verwijderen"

    model_label = models.CharField(max_length=100)
    object_pk = models.CharField(max_length=64)
    action = models.CharField(max_length=8, choices=Action.choices, default=Action.INDEX)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.TextField(blank=True)
    enqueued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "zoekindex-wachtrij"
        verbose_name_plural = "zoekindex-wachtrij"
        constraints = [models.UniqueConstraint(fields=["model_label", "object_pk"], name="search_queue_one_per_object")]

    def __str__(self):
        return f"{self.action} {self.model_label}:{self.object_pk} (pogingen: {self.attempts})"


class Synoniemgroep(models.Model):
    """Words that search treats as one: synonyms, or the names of one place."""

    class Soort(models.TextChoices):
        SYNONIEM = "synoniem", "synoniemen"
        PLAATSNAAM = "plaatsnaam", "plaatsnaam en alias"

    soort = models.CharField("soort", max_length=12, choices=Soort.choices, default=Soort.SYNONIEM)
    termen = models.TextField(
        "termen",
        help_text="Woorden of woordgroepen gescheiden door komma's, bijvoorbeeld: Den Haag, 's-Gravenhage. "
        "Een wijziging werkt direct bij het zoeken; opnieuw indexeren is niet nodig.",
    )

    class Meta:
        ordering = ["soort", "termen"]
        verbose_name = "synoniemgroep"
        verbose_name_plural = "synoniemen en plaatsnamen"

    def __str__(self):
        return self.termen

    def term_list(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.strip().lower() for t in self.termen.replace("\n", ",").split(",") if t.strip()))

    def clean(self):
        from django.core.exceptions import ValidationError

        if len(self.term_list()) < 2:
            raise ValidationError({"termen": "Geef ten minste twee termen op, gescheiden door komma's."})


class EmbeddedEntry(models.Model):
    """One search document in the embedded full-text index (see search/embedded.py).

    The ``*_terms`` and ``*_parts`` columns hold the Python analysis (words, Snowball stems,
    compound parts); SQLite indexes them with FTS5, PostgreSQL with GIN full-text indexes
    (both created in migration 0003). ``read_keys`` holds the access module's keys as tokens.
    """

    doc_id = models.CharField(max_length=255, unique=True)
    object_key = models.CharField(max_length=160, db_index=True)
    type = models.CharField(max_length=20)
    title = models.TextField()
    body = models.TextField(blank=True)
    context = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    date = models.DateTimeField(null=True)
    facets = models.JSONField(default=dict)
    read_keys = models.TextField()
    title_terms = models.TextField()
    body_terms = models.TextField()
    title_parts = models.TextField(blank=True)
    body_parts = models.TextField(blank=True)
    fingerprint = models.CharField(max_length=40)

    class Meta:
        verbose_name = "document in de ingebouwde zoekindex"
        verbose_name_plural = "ingebouwde zoekindex"


class EmbeddedTerm(models.Model):
    """A word that occurs in some indexed document: the vocabulary for typo tolerance."""

    term = models.CharField(max_length=64, primary_key=True)

    class Meta:
        verbose_name = "zoekwoord"
        verbose_name_plural = "zoekwoorden"
