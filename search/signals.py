"""Connect content changes to the indexing queue for every registered adapter's model."""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import queue
from .documents import adapter_for, adapters
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


def _reindex_subtree(page_id) -> None:
    """A page and everything below it: their read keys follow the page's privacy and place."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific(defer=True):
        if adapter_for(_label(descendant)):
            queue.enqueue(_label(descendant), descendant.pk)


def _on_restriction_change(sender, instance, **kwargs):
    """A restriction saved or deleted. Wagtail saves its groups only afterwards (and a change of
    groups alone saves no restriction), hence also ``_on_restriction_groups_change``; the queue
    computes keys after commit, when the groups are in place."""
    _reindex_subtree(instance.page_id)


def _on_restriction_groups_change(sender, instance, action, reverse, pk_set, **kwargs):
    from wagtail.models import PageViewRestriction

    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        _reindex_subtree(instance.page_id)
        return
    # From the group's side (group.pageviewrestriction_set.add(...)); a clear names none.
    restrictions = PageViewRestriction.objects.filter(pk__in=pk_set or ())
    for page_id in restrictions.values_list("page_id", flat=True):
        _reindex_subtree(page_id)


def _on_subtree_change(sender, instance, **kwargs):
    """Moved under a restricted parent (or out of one), or a new slug: the page and all its
    descendants get new read keys or URLs."""
    _reindex_subtree(instance.pk)


def _on_page_change(sender, instance, **kwargs):
    queue.enqueue(_label(instance.specific_deferred), instance.pk)


def _enqueue_followers(instance):
    """E.g. a themagroep that turns hidden changes the keys of its topics' documents."""
    for adapter in adapters():
        related = adapter.follows.get(_label(instance))
        if related:
            try:
                objects = list(related(instance))
            except ObjectDoesNotExist:  # deleted together with the instance (cascade)
                continue
            for obj in objects:
                queue.enqueue(adapter.label, obj.pk)


def connect() -> None:
    from django.apps import apps
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    watched = {adapter.model_class for adapter in adapters()}
    for adapter in adapters():
        for label in adapter.follows:
            watched.add(apps.get_model(label))
    for model in watched:
        post_save.connect(_on_save, sender=model, dispatch_uid=f"search-save-{model._meta.label_lower}")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"search-delete-{model._meta.label_lower}")
    post_save.connect(_on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-restriction-save")
    post_delete.connect(_on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-restriction-delete")
    m2m_changed.connect(
        _on_restriction_groups_change,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="search-restriction-groups",
    )
    post_page_move.connect(_on_subtree_change, dispatch_uid="search-page-moved")
    page_slug_changed.connect(_on_subtree_change, dispatch_uid="search-page-slug-changed")
    page_published.connect(_on_page_change, dispatch_uid="search-page-published")
    page_unpublished.connect(_on_page_change, dispatch_uid="search-page-unpublished")
