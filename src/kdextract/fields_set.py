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
        """pydantic's copy, sharing the set of set fields again.

        A shallow copy is made here, as pydantic makes it less its copy of the set of set fields
        (these models keep no extra fields and no private attributes): ``parse`` copies every
        record once, to move its offsets.
        """
        if deep:
            out = super().model_copy(update=update, deep=deep)
        else:
            out = self.__class__.__new__(self.__class__)
            object.__setattr__(out, "__dict__", {**self.__dict__, **update} if update else self.__dict__.copy())
            object.__setattr__(out, "__pydantic_extra__", None)
            object.__setattr__(out, "__pydantic_private__", None)
        share_fields_set(out)
        return out
