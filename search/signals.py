"""Connect content changes to the indexing queue for every registered adapter's model."""

from django.db.models.signals import post_delete, post_save

from . import queue
from .documents import adapter_for, adapters, follower_keys
from .models import IndexQueue


def _label(instance) -> str:
    return instance._meta.label_lower


def _on_save(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures
        return
    if adapter_for(_label(instance)):
        queue.enqueue(_label(instance), instance.pk)
    _enqueue_followers(instance)


def _on_delete(sender, instance, **kwargs):
    if adapter_for(_label(instance)):
        queue.enqueue(_label(instance), instance.pk, IndexQueue.Action.DELETE)
    _enqueue_followers(instance)


def _on_restriction_change(sender, instance, **kwargs):
    """Page privacy changed: the page and everything below it get new read keys."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific(defer=True):
        if adapter_for(_label(descendant)):
            queue.enqueue(_label(descendant), descendant.pk)


def _on_page_change(sender, instance, **kwargs):
    queue.enqueue(_label(instance.specific_deferred), instance.pk)


def _enqueue_followers(instance):
    """E.g. a themagroep that turns hidden changes the keys of its topics' documents."""
    for label, pk in follower_keys(instance):
        queue.enqueue(label, pk)


def connect() -> None:
    from django.apps import apps
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished

    watched = {adapter.model_class for adapter in adapters()}
    for adapter in adapters():
        for label in adapter.follows:
            watched.add(apps.get_model(label))
    for model in watched:
        post_save.connect(_on_save, sender=model, dispatch_uid=f"search-save-{model._meta.label_lower}")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"search-delete-{model._meta.label_lower}")
    post_save.connect(_on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-restriction-save")
    post_delete.connect(_on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-restriction-delete")
    page_published.connect(_on_page_change, dispatch_uid="search-page-published")
    page_unpublished.connect(_on_page_change, dispatch_uid="search-page-unpublished")
