"""Compiled patterns kept on disk between processes, as Python keeps bytecode in .pyc files.

Compiling kdextract's ~700 regular expressions (and spaCy's tokenizer patterns) is most of a fresh
process's first-parse warm-up. A compiled pattern comes from a C-level constructor; rebuilding it from
that constructor's arguments is 20-50x faster than compiling. :func:`compile_re` behaves like
``regex.compile`` (the arguments are what pickle stores of the pattern) and :func:`compile_std` like
``re.compile`` (the arguments are what ``re``'s compiler hands ``_sre.compile``; checked at import,
plain ``re.compile`` where the interpreter differs); :func:`preload_std` puts patterns into ``re``'s
own cache for a library that compiles them itself. A ``compile_re`` pattern is compiled where it is
first used (:class:`Deferred`): one that no document needs costs nothing. The first time a process
needs a pattern it compiles it and remembers the arguments; at exit the new ones are merged into one
cache file, which later processes load (once, on their first compile) instead of compiling.

The file lives in ``$KDEXTRACT_CACHE_DIR``, else ``$XDG_CACHE_HOME/kdextract``, else
``~/.cache/kdextract``; ``KDEXTRACT_CACHE_DIR=""`` or ``off`` turns the cache off. Its name and
header carry a format number and the versions of ``regex``, Python and kdextract, so a file is only
ever read by the versions that wrote it; its content is ``marshal`` data (no pickle: loading runs no
code) behind a checksum. Any I/O error, a corrupt or foreign file, or an unwritable directory only
means compiling as usual (a file that fails to load is replaced at exit). Writes go to a temporary
file moved into place; at most :data:`MAX_PATTERNS` patterns are kept. A pattern's text must not
depend on the process (no alternation in set order), or each process compiles it anew.
"""

from __future__ import annotations

import atexit
import copyreg
import importlib
import marshal
import os
import re
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, cast

import regex

from kdextract.version import __version__

#: Bump when the file's layout changes.
FORMAT = 2
#: Most patterns one cache file keeps (kdextract compiles about 550).
MAX_PATTERNS = 4000
#: The environment variable naming the cache directory ("" or "off": no cache).
CACHE_DIR_ENV_VAR = "KDEXTRACT_CACHE_DIR"
HEADER = (FORMAT, regex.__version__, sys.version, marshal.version, __version__)

#: (pattern, flags, default version, named lists): a ``regex`` pattern; (pattern, flags): a stdlib ``re`` one
Key = tuple[Any, ...]


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
        #: "regex" or "re" -> key -> the pattern's constructor arguments (loaded on the first compile)
        self._stored: dict[str, dict[Key, tuple[Any, ...]]] | None = None
        self._made: dict[Key, Any] = {}
        self._new: dict[str, dict[Key, tuple[Any, ...]]] = {"regex": {}, "re": {}}
        self._replace = False  # the file failed to load: write a fresh one

    def compile(self, pattern: str, flags: int = 0, **named_lists: Any) -> regex.Pattern[str]:
        """``regex.compile(pattern, flags, **named_lists)``, from the cache where it holds the pattern."""
        if self.path is None:
            return regex.compile(pattern, flags, **named_lists)
        key: Key = (pattern, int(flags), int(regex.DEFAULT_VERSION),
                    frozenset((name, frozenset(values)) for name, values in named_lists.items()))
        made = self._rebuilt("regex", key, _MAKE)
        if made is not None:
            return cast(regex.Pattern[str], made)
        compiled = regex.compile(pattern, flags, **named_lists)
        if not compiled.flags & regex.LOCALE:
            self._remember("regex", key, _reduce(compiled)[1])
        return compiled

    def compile_std(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)`` (the standard library's engine), from the cache where it holds it."""
        key = (pattern, int(flags))
        if self.path is None or not _STD_REBUILT or flags & (re.LOCALE | re.DEBUG):
            return re.compile(pattern, flags)
        made = self._rebuilt("re", key, _sre_compile)
        if made is not None:
            return cast(re.Pattern[str], made)
        args = _std_args(pattern, int(flags))
        self._remember("re", key, args)
        made = self._made["re", key] = _sre_compile(*args)
        return cast(re.Pattern[str], made)

    def _rebuilt(self, engine: str, key: Key, make: Callable[..., Any]) -> Any:
        """The pattern of ``key`` made from the file's arguments (once a process), or None."""
        made = self._made.get((engine, key))
        if made is not None:
            return made
        if self._stored is None:
            self._stored = self._load()
        stored = self._stored[engine].get(key)
        if stored is not None:
            try:
                made = self._made[engine, key] = make(*stored)  # as unpickling makes it
            except (TypeError, ValueError, OverflowError, RuntimeError):  # a file not of this writer's making
                self._replace = True
        return made

    def _remember(self, engine: str, key: Key, args: tuple[Any, ...]) -> None:
        if not any(self._new.values()):
            atexit.register(self.save)
        self._new[engine][key] = args

    def _load(self) -> dict[str, dict[Key, tuple[Any, ...]]]:
        assert self.path is not None
        try:
            data = self.path.read_bytes()
        except OSError:
            return {"regex": {}, "re": {}}
        try:
            checksum, payload = data[:4], data[4:]
            if _checksum(payload) != checksum:
                raise ValueError("checksum")
            header, patterns = marshal.loads(payload)
            if header != HEADER or not all(isinstance(patterns.get(e), dict) for e in ("regex", "re")):
                raise ValueError("header")
            return cast(dict[str, dict[Key, tuple[Any, ...]]], patterns)
        except (ValueError, TypeError, EOFError, AttributeError):
            self._replace = True
            return {"regex": {}, "re": {}}

    def save(self) -> None:
        """Merge this process's new patterns into the file (nothing where there are none, or on any I/O error)."""
        if self.path is None or not (any(self._new.values()) or self._replace):
            return
        fresh = PatternCache(self.path.parent)  # what other processes may have written meanwhile
        merged = fresh._load()
        room = MAX_PATTERNS - sum(map(len, merged.values()))
        for engine, new in self._new.items():
            for key, args in new.items():
                if room > 0 and key not in merged[engine] and _marshallable((key, args)):
                    merged[engine][key] = args
                    room -= 1
        payload = marshal.dumps((HEADER, merged))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(_checksum(payload) + payload)
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return
        self._new = {"regex": {}, "re": {}}
        self._replace = False


def _checksum(payload: bytes) -> bytes:
    return zlib.crc32(payload).to_bytes(4, "big")


def _marshallable(value: Any) -> bool:
    try:
        marshal.dumps(value)
    except ValueError:
        return False
    return True


def _std_args(pattern: str, flags: int) -> tuple[Any, ...]:
    """The arguments ``re.compile`` hands the C constructor (the steps of ``re._compiler.compile``)."""
    parsed = _std_parse(pattern, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    code = [int(op) for op in _std_code(parsed, flags)]  # plain ints: the opcodes are an int subclass
    return (pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


_MAKE = _reduce(regex.compile(""))[0]
try:  # the standard library's compiler steps, as CPython 3.11-3.13 have them (checked on one pattern)
    _sre_compile: Callable[..., Any] = importlib.import_module("_sre").compile
    _std_code: Callable[..., Any] = importlib.import_module("re._compiler")._code
    _std_parse: Callable[..., Any] = importlib.import_module("re._parser").parse
    _STD_REBUILT = _sre_compile(*_std_args("(?P<a>x)|y", 0)) == re.compile("(?P<a>x)|y")
except (ImportError, AttributeError, TypeError):  # pragma: no cover - another interpreter: compile
    _STD_REBUILT = False
_CACHE: PatternCache | None = None


def _cache() -> PatternCache:
    global _CACHE
    if _CACHE is None:
        _CACHE = PatternCache(cache_dir())
    return _CACHE


def compile_re(pattern: str, flags: int = 0, **named_lists: Any) -> regex.Pattern[str]:
    """``regex.compile``, through the process's cache of the directory :func:`cache_dir` names, compiled
    where the pattern is first used (a :class:`Deferred`)."""
    return cast(regex.Pattern[str], Deferred(pattern, flags, named_lists))


def compile_now(pattern: str, flags: int = 0, **named_lists: Any) -> regex.Pattern[str]:
    """:func:`compile_re` compiled at once: a pattern checked where it is read (``regex.error`` if it is wrong)."""
    return _cache().compile(pattern, flags, **named_lists)


class Deferred:
    """A ``regex`` pattern compiled on its first use (its first attribute read but ``pattern``): a pattern that
    no document of the process needs is never compiled (about a fifth of them for a first document). Then its
    methods and attributes are the compiled pattern's own, kept on the instance: a call costs what it costs on
    the pattern. No ``regex.Pattern`` for ``isinstance`` or the ``regex`` module's functions (kdextract passes
    patterns to neither), and a match's ``re`` is the compiled pattern: compare it by ``.pattern``, not ``is``."""

    def __init__(self, pattern: str, flags: int, named_lists: dict[str, Any]) -> None:
        self.pattern = pattern
        self._args = (flags, named_lists)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_args", "_made"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern (compiled on the first call)."""
        made: regex.Pattern[str] | None = self.__dict__.get("_made")
        if made is None:
            flags, named_lists = self._args
            made = _cache().compile(self.pattern, flags, **named_lists)
            self.__dict__.update({name: getattr(made, name) for name in _PATTERN_ATTRS}, _made=made)
        return made

    def __repr__(self) -> str:
        return repr(self.compiled())

    def __copy__(self) -> Deferred:
        return self

    def __deepcopy__(self, memo: Any) -> Deferred:
        return self

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return _reduce(self.compiled())


#: What a ``regex`` pattern offers (its methods and attributes), read off one.
_PATTERN_ATTRS = tuple(name for name in dir(regex.compile("")) if not name.startswith("_"))


def compile_std(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` (the standard library's engine), through the process's pattern cache."""
    return _cache().compile_std(pattern, flags)


def preload_std(patterns: Iterable[str]) -> None:
    """Put ``patterns`` (flags 0) into ``re``'s own cache, from the pattern cache: a library's later
    ``re.compile`` of one of them (spaCy's tokenizer loading its affix patterns) compiles nothing."""
    cache = getattr(re, "_cache", None)
    if isinstance(cache, dict) and _STD_REBUILT:
        for pattern in patterns:
            cache[str, pattern, 0] = compile_std(pattern)
