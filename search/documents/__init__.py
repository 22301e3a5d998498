"""The registry of search adapters: one small module per content type in this package.

Modules call ``register`` for each adapter class. Read keys and readable querysets come from
the access module's registered policies, never from the adapter itself.
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
    return [cls() for cls in _classes]


def adapter_for(model_or_label) -> Adapter | None:
    label = model_or_label if isinstance(model_or_label, str) else model_or_label._meta.label_lower
    for adapter in adapters():
        if adapter.label == label.lower():
            return adapter
    return None
