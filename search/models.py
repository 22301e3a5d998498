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
