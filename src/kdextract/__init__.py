"""kdextract: typed records from Swedish municipal documents.

>>> import kdextract
>>> doc = kdextract.parse("Kommunstyrelsen\\n\\nBudget 2024\\n\\nRamen är 2,5 mnkr.", ner=False)
>>> [s.title for s in doc.sections]
['Budget 2024']
>>> doc.amounts[0].value
Decimal('2500000')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kdextract.version import __version__

__all__ = [
    "Amount", "DateMention", "Deadline", "Decision", "Document", "DocumentMeta", "Extractor",
    "ArgumentError", "KdextractError", "InputError", "InternalError", "OcrOptions", "Organisation", "ParseFailure", "Person",
    "Project", "Section",
    "find_amounts", "find_dates", "load_jsonl", "parse", "parse_many", "save_jsonl", "to_dataframe", "visualize",
    "__version__",
]

# The models (they carry the registry of output views) and ``find_dates`` load with the package,
# so a first ``find_dates`` call costs no rule compilation; ``find_amounts``, the pipeline, spaCy
# and the NER model load on first use.
from kdextract.models import VIEWS as _VIEWS
from kdextract.parsers.dates import find_dates

_VIEWS.update(html="kdextract.output.html:visualize", dataframe="kdextract.output.tables:to_dataframe")

if TYPE_CHECKING:
    from kdextract.api import Extractor, parse, parse_many
    from kdextract.parsers.amounts import find_amounts
    from kdextract.batch import ParseFailure
    from kdextract.errors import ArgumentError, InputError, InternalError, KdextractError
    from kdextract.models import (
        Amount,
        DateMention,
        Deadline,
        Decision,
        Document,
        DocumentMeta,
        Organisation,
        Person,
        Project,
        Section,
    )
    from kdextract.readers.ocr_options import OcrOptions

_LAZY = {
    "Extractor": "kdextract.api", "parse": "kdextract.api", "parse_many": "kdextract.api",
    "ParseFailure": "kdextract.batch", "OcrOptions": "kdextract.readers.ocr_options",
    "ArgumentError": "kdextract.errors", "KdextractError": "kdextract.errors", "InputError": "kdextract.errors", "InternalError": "kdextract.errors",
    "visualize": "kdextract.output.html", "to_dataframe": "kdextract.output.tables",
    "save_jsonl": "kdextract.output.jsonl", "load_jsonl": "kdextract.output.jsonl",
    "find_amounts": "kdextract.parsers.amounts",
}


def __getattr__(name: str) -> Any:
    """Import public names on first use so that ``import kdextract`` stays fast."""
    import importlib

    module = _LAZY.get(name)
    if module is None and name in __all__:
        module = "kdextract.models"
    if module is None:
        raise AttributeError(f"module 'kdextract' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public API with what is loaded, so a notebook's tab completion offers ``parse`` and the models."""
    return sorted(set(globals()) | set(__all__))
