"""``import spacy`` without spaCy's command-line package, which loading a pipeline never uses.

spaCy's ``__init__`` imports ``spacy.cli`` for one name, ``spacy.info``; that package imports
typer, weasel, httpx, requests and jinja2 for its commands (about 0.2 s, a third of ``import
spacy``). While spaCy is imported here, ``spacy.cli`` and ``spacy.cli.info`` are stand-ins;
they are removed right after, so a later ``import spacy.cli`` imports the real package, and
``spacy.info`` imports the real function when it is called. spaCy imported before kdextract
is used as it is.
"""

from __future__ import annotations

import sys
import threading
from types import ModuleType
from typing import Any

_LOCK = threading.Lock()


def _info(*args: Any, **kwargs: Any) -> Any:
    """spaCy's ``spacy.info``, imported when it is first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> ModuleType:
    """The ``spacy`` module, imported without ``spacy.cli`` if it is not imported yet."""
    with _LOCK:
        if "spacy" not in sys.modules:
            info = ModuleType("spacy.cli.info")
            info.info = _info  # type: ignore[attr-defined]
            stand_ins = {"spacy.cli": ModuleType("spacy.cli"), "spacy.cli.info": info}
            added = [name for name, module in stand_ins.items() if sys.modules.setdefault(name, module) is module]
            try:
                import spacy  # noqa: F401
            finally:
                for name in added:
                    if sys.modules.get(name) is stand_ins[name]:
                        del sys.modules[name]
    return sys.modules["spacy"]
