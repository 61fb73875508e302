"""One set of set fields per model class, shared by its instances.

pydantic gives every instance its own ``__pydantic_fields_set__`` (200-700 bytes): a third of the
memory of a long document's records. kdextract's records count every field as set, so they can
share one set per class (copies too); assigning a field adds nothing to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel
from typing_extensions import Self

_EVERY_FIELD: dict[type[BaseModel], set[str]] = {}


def share_fields_set(model: BaseModel) -> None:
    """Give ``model`` its class's one set of every field name as its set fields."""
    cls = type(model)
    every = _EVERY_FIELD.get(cls)
    if every is None:
        every = _EVERY_FIELD[cls] = set(cls.model_fields)
    object.__setattr__(model, "__pydantic_fields_set__", every)


class SharedFieldsSet(BaseModel):
    """A model whose instances share their class's one set of set fields (every field counts as set)."""

    def model_post_init(self, context: Any, /) -> None:
        share_fields_set(self)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """pydantic's copy, sharing the set of set fields again."""
        out = super().model_copy(update=update, deep=deep)
        share_fields_set(out)
        return out
