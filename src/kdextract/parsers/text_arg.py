"""The argument check the standalone finders share: they read ``str`` and say so clearly."""

from __future__ import annotations

from kdextract.errors import ArgumentError


def require_text(text: object, finder: str) -> str:
    """``text`` itself when it is a ``str``; an ``ArgumentError`` (also a ``TypeError``) that says what to do otherwise."""
    if isinstance(text, str):
        return text
    hint = " (decode the bytes first, or use kdextract.parse, which reads bytes and files)" if isinstance(
        text, (bytes, bytearray)) else ""
    raise ArgumentError(f"{finder}() takes the text as str, not {type(text).__name__}{hint}")
