"""Compiled ``regex`` patterns kept on disk between processes, as Python keeps bytecode in .pyc files.

Compiling kdextract's ~500 patterns is most of a fresh process's first-parse warm-up. A compiled
``regex`` pattern reduces (for pickle) to the arguments of the C-level constructor, and rebuilding it
from them is 20-50x faster than compiling. :func:`compile_re` behaves like ``regex.compile``;
the first time a process needs a pattern it compiles it and remembers that reduction, and at exit
the new reductions are merged into one cache file, which later processes load (once, on their
first compile) instead of compiling.

The file lives in ``$KDEXTRACT_CACHE_DIR``, else ``$XDG_CACHE_HOME/kdextract``, else
``~/.cache/kdextract``; ``KDEXTRACT_CACHE_DIR=""`` or ``off`` turns the cache off. Its name and
header carry a format number and the versions of ``regex``, Python and kdextract, so a file is only
ever read by the versions that wrote it; its content is ``marshal`` data (no pickle: loading runs no
code) behind a checksum. Any I/O error, a corrupt or foreign file, or an unwritable directory only
means compiling as usual (a file that fails to load is replaced at exit). Writes go to a temporary
file moved into place; at most :data:`MAX_PATTERNS` patterns are kept.
"""

from __future__ import annotations

import atexit
import copyreg
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import regex

from kdextract.version import __version__

#: Bump when the file's layout changes.
FORMAT = 1
#: Most patterns one cache file keeps (kdextract compiles about 550).
MAX_PATTERNS = 4000
#: The environment variable naming the cache directory ("" or "off": no cache).
CACHE_DIR_ENV_VAR = "KDEXTRACT_CACHE_DIR"
HEADER = (FORMAT, regex.__version__, sys.version, marshal.version, __version__)
_DIGEST_SIZE = 16

#: (pattern, flags, default version, named lists) -> the pattern's constructor arguments
Key = tuple[str, int, int, frozenset[tuple[str, frozenset[str]]]]


def _reduce(pattern: regex.Pattern[str]) -> tuple[Callable[..., regex.Pattern[str]], tuple[Any, ...]]:
    """The pattern's constructor and its arguments: what pickle stores of it."""
    return cast(tuple[Callable[..., regex.Pattern[str]], tuple[Any, ...]],
                copyreg.dispatch_table[regex.Pattern](pattern))


def cache_dir() -> Path | None:
    """The cache directory the environment names, or None where the cache is off."""
    named = os.environ.get(CACHE_DIR_ENV_VAR)
    if named is not None:
        return Path(named) if named.strip() and named.strip().lower() != "off" else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kdextract"


class PatternCache:
    """The compiled patterns of one cache file (``directory`` None: compile only)."""

    def __init__(self, directory: Path | None) -> None:
        self.path = directory / f"patterns-f{FORMAT}-regex{regex.__version__}-py{sys.version_info[0]}" \
            f"{sys.version_info[1]}-kdextract{__version__}.marshal" if directory is not None else None
        self._stored: dict[Key, tuple[Any, ...]] | None = None  # loaded on the first compile
        self._made: dict[Key, regex.Pattern[str]] = {}
        self._new: dict[Key, tuple[Any, ...]] = {}
        self._replace = False  # the file failed to load: write a fresh one

    def compile(self, pattern: str, flags: int = 0, **named_lists: Any) -> regex.Pattern[str]:
        """``regex.compile(pattern, flags, **named_lists)``, from the cache where it holds the pattern."""
        if self.path is None:
            return regex.compile(pattern, flags, **named_lists)
        key: Key = (pattern, int(flags), int(regex.DEFAULT_VERSION),
                    frozenset((name, frozenset(values)) for name, values in named_lists.items()))
        made = self._made.get(key)
        if made is not None:
            return made
        if self._stored is None:
            self._stored = self._load()
        stored = self._stored.get(key)
        if stored is not None:
            try:
                made = self._made[key] = _MAKE(*stored)  # as unpickling makes it
                return made
            except (TypeError, ValueError, OverflowError):  # a file not of this writer's making: compile
                self._replace = True
        compiled = regex.compile(pattern, flags, **named_lists)
        if not compiled.flags & regex.LOCALE and key not in self._new:
            if not self._new:
                atexit.register(self.save)
            self._new[key] = _reduce(compiled)[1]
        return compiled

    def _load(self) -> dict[Key, tuple[Any, ...]]:
        assert self.path is not None
        try:
            data = self.path.read_bytes()
        except OSError:
            return {}
        try:
            digest, payload = data[:_DIGEST_SIZE], data[_DIGEST_SIZE:]
            if hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest() != digest:
                raise ValueError("checksum")
            header, patterns = marshal.loads(payload)
            if header != HEADER or not isinstance(patterns, dict):
                raise ValueError("header")
            return patterns
        except (ValueError, TypeError, EOFError):
            self._replace = True
            return {}

    def save(self) -> None:
        """Merge this process's new patterns into the file (nothing where there are none, or on any I/O error)."""
        if self.path is None or not (self._new or self._replace):
            return
        fresh = PatternCache(self.path.parent)  # what other processes may have written meanwhile
        merged = fresh._load()
        for key, args in self._new.items():
            if len(merged) >= MAX_PATTERNS:
                break
            if key not in merged and _marshallable((key, args)):
                merged[key] = args
        payload = marshal.dumps((HEADER, merged))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest() + payload)
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return
        self._new.clear()
        self._replace = False


def _marshallable(value: Any) -> bool:
    try:
        marshal.dumps(value)
    except ValueError:
        return False
    return True


_MAKE = _reduce(regex.compile(""))[0]
_CACHE: PatternCache | None = None


def compile_re(pattern: str, flags: int = 0, **named_lists: Any) -> regex.Pattern[str]:
    """``regex.compile``, through the process's cache of the directory :func:`cache_dir` names."""
    global _CACHE
    if _CACHE is None:
        _CACHE = PatternCache(cache_dir())
    return _CACHE.compile(pattern, flags, **named_lists)
