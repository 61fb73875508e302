"""Record builders: one function per record kind, ``build(ctx) -> list[Record]``, run in order.

A builder module registers its function with ``@builder("kind", after=(...))``; ``kind`` is the
``Document`` field it fills and ``after`` the kinds it reads from the context. The pipeline
runs every registered builder in an order that honours ``after`` (ties in the order of the
``Document`` fields), so a new record kind is its model, its builder module, its rule file
and its tests.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from kdextract.models import Document

if TYPE_CHECKING:
    from kdextract.records.context import Context

BuildFn = Callable[["Context"], list[Any]]
F = TypeVar("F", bound=BuildFn)


@dataclass(frozen=True)
class Builder:
    """A registered builder: the ``Document`` field it fills and the kinds it needs first."""

    kind: str
    build: BuildFn
    after: tuple[str, ...] = ()


_BUILDERS: dict[str, Builder] = {}


def builder(kind: str, *, after: tuple[str, ...] = ()) -> Callable[[F], F]:
    """Register the decorated function as the builder of the ``Document`` field ``kind``."""
    if kind not in Document.model_fields:
        raise ValueError(f"{kind!r} is not a Document field: add the record kind to kdextract.models first")

    def register(fn: F) -> F:
        if kind in _BUILDERS and _BUILDERS[kind].build is not fn:
            raise ValueError(f"two builders for {kind!r}: {_BUILDERS[kind].build.__module__} and {fn.__module__}")
        _BUILDERS[kind] = Builder(kind, fn, after)
        return fn
    return register


@cache
def builders() -> tuple[Builder, ...]:
    """Every builder of the ``kdextract.records`` package, in an order that honours ``after``."""
    import kdextract.records as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    fields = list(Document.model_fields)
    pending = dict(_BUILDERS)
    done: set[str] = set(fields) - set(pending)  # kinds no builder makes (sections, meta) are there from the start
    order: list[Builder] = []
    while pending:
        ready = [b for b in pending.values() if set(b.after) <= done]
        if not ready:
            raise RuntimeError(f"record builders wait on each other: {sorted(pending)}")
        first = min(ready, key=lambda b: fields.index(b.kind))
        order.append(first)
        done.add(first.kind)
        del pending[first.kind]
    return tuple(order)
