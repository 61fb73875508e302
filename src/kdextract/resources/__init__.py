"""Language data (rules, word lists, gazetteers) as versioned files, loaded with importlib.resources."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def read_text(name: str, lang: str = "sv") -> str:
    """The text of ``resources/<lang>/<name>``."""
    return resources.files(__name__).joinpath(lang, name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_json(name: str, lang: str = "sv") -> Any:
    """Parsed JSON resource (cached; treat the result as read-only)."""
    return json.loads(read_text(name, lang))


@lru_cache(maxsize=None)
def load_lines(name: str, lang: str = "sv") -> tuple[str, ...]:
    """Non-empty, non-comment (``#``) lines of a word-list resource."""
    lines = (line.strip() for line in read_text(name, lang).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))
