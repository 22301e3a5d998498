"""The registry of search adapters: one small module per content type in this package.

Modules call ``register`` for each adapter class; adapters whose model has not landed yet
(``Adapter.available()`` is False) are skipped, so the search app never breaks on them.
"""

from __future__ import annotations

import pkgutil
from functools import cache
from importlib import import_module

from .base import TYPE_LABELS, Adapter, PageAdapter, SearchDocument  # noqa: F401

_classes: list[type[Adapter]] = []


def register(cls: type[Adapter]) -> type[Adapter]:
    _classes.append(cls)
    return cls


@cache
def _autodiscover() -> None:
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base":
            import_module(f"{__name__}.{module.name}")


def adapters() -> list[Adapter]:
    _autodiscover()
    return [cls() for cls in _classes if cls.available()]


def adapter_for(model_or_label) -> Adapter | None:
    label = model_or_label if isinstance(model_or_label, str) else model_or_label._meta.label_lower
    for adapter in adapters():
        if adapter.label == label.lower():
            return adapter
    return None


def follower_keys(instance) -> list[tuple[str, str]]:
    """(label, pk) of the objects whose documents depend on ``instance`` (an adapter's
    ``follows``), e.g. the replies of a topic that was hidden."""
    from django.core.exceptions import ObjectDoesNotExist

    label = instance._meta.label_lower
    keys = []
    for adapter in adapters():
        related = adapter.follows.get(label)
        if related:
            try:
                keys += [(adapter.label, str(obj.pk)) for obj in related(instance)]
            except ObjectDoesNotExist:  # deleted together with the instance (cascade)
                continue
    return keys


def object_keys(instance) -> list[tuple[str, str]]:
    """The instance's own documents (when it has an adapter) and those that follow it."""
    label = instance._meta.label_lower
    own = [(label, str(instance.pk))] if adapter_for(label) else []
    return own + follower_keys(instance)
