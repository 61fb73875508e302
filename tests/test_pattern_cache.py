"""The on-disk cache of compiled patterns: rebuilt patterns behave as compiled ones, and a missing,
corrupt, foreign or unwritable cache only means compiling."""

from __future__ import annotations

import marshal
import os
import pickle
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import regex

from kdextract import pattern_cache
from kdextract.pattern_cache import PatternCache, cache_dir, preload_std

#: (pattern, flags, named lists) with flags, inline flags, named groups, fuzzy matching, named lists
PATTERNS: list[tuple[str, int, dict[str, Any]]] = [
    (r"(?P<day>\d{1,2})\s+(?P<month>jan|feb|mars)\w*\s+(?P<year>\d{4})", regex.IGNORECASE, {}),
    (r"(?<![\p{L}])(?:nämnd|styrelse)(?:ns|n)?\b", 0, {}),
    (r"(?:kommun){e<=1}", regex.BESTMATCH, {}),
    (r"(?V1)[[\p{L}]--[a-z]]+", 0, {}),
    (r"\b\L<bodies>\b", regex.IGNORECASE, {"bodies": ["Kommunstyrelsen", "Socialnämnden", "Bygg- och miljönämnden"]}),
    (r"(?m)^[ \t]*§\s*(\d+)(?:\s*[-–]\s*(\d+))?$", 0, {}),
    (r"(?P<w>\w+)\s+(?P=w)", regex.V1 | regex.IGNORECASE, {}),
    (r"kr\b", regex.REVERSE, {}),
]
TEXT = ("Kommunstyrelsen beslutade den 3 mars 2024.\n§ 12 - 14\nSOCIALNÄMNDEN Kommnstyrelsen ÅÄÖ åäö\n"
        "Bygg- och miljönämnden ger 12 kr och och 5 Kr.\n")


def _behaviour(p: regex.Pattern[str]) -> object:
    return (p.pattern, p.flags, p.groups, dict(p.groupindex), p.named_lists,
            [(m.span(), m.groups(), m.fuzzy_counts) for m in p.finditer(TEXT)], p.sub("#", TEXT))


def _fill(directory: Path) -> list[regex.Pattern[str]]:
    cache = PatternCache(directory)
    compiled = [cache.compile(p, f, **kw) for p, f, kw in PATTERNS]
    cache.save()
    return compiled


def test_rebuilt_patterns_behave_as_compiled_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = _fill(tmp_path)
    assert [_behaviour(p) for p in compiled] == [_behaviour(regex.compile(p, f, **kw)) for p, f, kw in PATTERNS]
    later = PatternCache(tmp_path)
    monkeypatch.setattr(regex, "compile", lambda *a, **k: pytest.fail("compiled, not rebuilt"))
    rebuilt = [later.compile(p, f, **kw) for p, f, kw in PATTERNS]
    assert [_behaviour(p) for p in rebuilt] == [_behaviour(p) for p in compiled]
    assert later.compile(*PATTERNS[0][:2]) is rebuilt[0]  # made once per process


def test_a_named_list_is_part_of_the_key(tmp_path: Path) -> None:
    _fill(tmp_path)
    other = PatternCache(tmp_path).compile(r"\b\L<bodies>\b", regex.IGNORECASE, bodies=["Kulturnämnden"])
    assert [m.group() for m in other.finditer(TEXT + "kulturnämnden")] == ["kulturnämnden"]


def test_errors_are_regex_errors(tmp_path: Path) -> None:
    with pytest.raises(regex.error):
        PatternCache(tmp_path).compile(r"(?P<open")
    with pytest.raises(regex.error, match="named list"):
        PatternCache(tmp_path).compile(r"\L<words>")


def test_new_patterns_merge_into_the_file(tmp_path: Path) -> None:
    first = PatternCache(tmp_path)
    first.compile("ett")
    second = PatternCache(tmp_path)
    second.compile("två")
    first.save()
    second.save()  # keeps what the first wrote
    assert {k[0] for k in PatternCache(tmp_path)._load()["regex"]} == {"ett", "två"}


def test_the_file_holds_at_most_max_patterns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pattern_cache, "MAX_PATTERNS", 3)
    _fill(tmp_path)
    assert sum(map(len, PatternCache(tmp_path)._load().values())) == 3


@pytest.mark.parametrize("damage", [
    lambda data: b"not a cache file",
    lambda data: b"",
    lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit flipped: the checksum fails
    lambda data: data[:len(data) // 2],
])
def test_a_corrupt_file_is_ignored_and_replaced(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    _fill(tmp_path)
    path = PatternCache(tmp_path).path
    assert path is not None
    path.write_bytes(damage(path.read_bytes()))
    cache = PatternCache(tmp_path)
    assert [_behaviour(cache.compile(p, f, **kw)) for p, f, kw in PATTERNS] == [
        _behaviour(regex.compile(p, f, **kw)) for p, f, kw in PATTERNS]
    cache.save()
    assert len(PatternCache(tmp_path)._load()["regex"]) == len(PATTERNS)


def test_a_file_of_other_versions_is_not_loaded(tmp_path: Path) -> None:
    _fill(tmp_path)
    cache = PatternCache(tmp_path)
    assert cache.path is not None
    patterns = cache._load()
    payload = marshal.dumps(((pattern_cache.FORMAT, "2000.1.1", *pattern_cache.HEADER[2:]), patterns))
    cache.path.write_bytes(pattern_cache._checksum(payload) + payload)
    assert PatternCache(tmp_path)._load() == {"regex": {}, "re": {}}
    assert regex.__version__ in cache.path.name  # each version has its own file besides


def test_an_unwritable_directory_only_means_compiling(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    cache = PatternCache(blocker / "cache")  # a directory that cannot be made
    assert [_behaviour(cache.compile(p, f, **kw)) for p, f, kw in PATTERNS] == [
        _behaviour(regex.compile(p, f, **kw)) for p, f, kw in PATTERNS]
    cache.save()
    assert not (blocker / "cache").exists()


@pytest.mark.parametrize("value", ["", "off", "OFF", " "])
def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("KDEXTRACT_CACHE_DIR", value)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() is None
    cache = PatternCache(cache_dir())
    assert _behaviour(cache.compile(*PATTERNS[0][:2])) == _behaviour(regex.compile(*PATTERNS[0][:2]))
    cache.save()
    assert list(tmp_path.iterdir()) == []


def test_where_the_cache_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KDEXTRACT_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("KDEXTRACT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "kdextract"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache_dir() == tmp_path / ".cache" / "kdextract"


def test_the_suite_keeps_its_cache_out_of_the_home_directory() -> None:
    directory = cache_dir()
    assert directory is not None and directory.name.startswith("kdextract-test-cache-")


def test_a_stored_pattern_that_cannot_be_rebuilt_is_compiled(tmp_path: Path) -> None:
    cache = PatternCache(tmp_path)
    cache._stored = {"regex": {("a+", 0, int(regex.DEFAULT_VERSION), frozenset()): ("a+", "not flags")}, "re": {}}
    assert cache.compile("a+").findall("caaab") == ["aaa"]


_PARSE_IN_A_FRESH_PROCESS = """
import sys
import kdextract
from kdextract import pattern_cache
print(kdextract.parse(sys.argv[1], ner=False).model_dump_json())
print(sorted(k[0] for new in pattern_cache._CACHE._new.values() for k in new) if pattern_cache._CACHE else [])
"""


def test_a_warm_process_compiles_nothing_and_parses_the_same(tmp_path: Path) -> None:
    """The patterns' texts do not depend on the process (hash seed), so a later process finds them all."""
    text = ("Kommunstyrelsen\n\nProtokoll 2024-03-12\n\n§ 4 Budget 2025\n\nRamen är 2,5 mnkr. "
            "Kommunstyrelsen beslutar att anta budgeten. Redovisas senast den 1 juni 2025.\n")

    def run(seed: str) -> list[str]:
        env = {**os.environ, "KDEXTRACT_CACHE_DIR": str(tmp_path), "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", _PARSE_IN_A_FRESH_PROCESS, text], capture_output=True,
                             text=True, env=env, check=True, timeout=300)
        return out.stdout.splitlines()

    cold_doc, cold_new = run("1")
    warm_doc, warm_new = run("2")
    assert cold_new != "[]" and warm_new == "[]"
    assert warm_doc == cold_doc


#: standard-library patterns: flags, inline flags, named groups, a verbose one, classes beyond Latin-1
STD_PATTERNS = [(r"(?P<num>\d+)[ \t]*(?:kr|kronor)\b", re.IGNORECASE), (r"^§\s*\d+$", re.MULTILINE),
                (r"(?x) (?P<y>\d{4}) - (?P<m>\d\d)  # a month", 0), (r"[^\W\d_]+(?:-[^\W\d_]+)*", 0),
                (r"(?<=[\u2010-\u2015])\w|\.\.\.|…", 0)]


def test_rebuilt_standard_library_patterns_equal_compiled_ones(tmp_path: Path) -> None:
    first = PatternCache(tmp_path)
    compiled = [first.compile_std(p, f) for p, f in STD_PATTERNS]
    first.save()
    later = PatternCache(tmp_path)
    rebuilt = [later.compile_std(p, f) for p, f in STD_PATTERNS]
    assert not later._new["re"] and len(later._made) == len(STD_PATTERNS)  # all made from the file
    for made, (pattern, flags) in zip(compiled + rebuilt, STD_PATTERNS * 2):
        reference = re.compile(pattern, flags)
        assert made == reference  # same flags, pattern and code
        assert (made.groupindex, made.groups) == (reference.groupindex, reference.groups)
        assert [m.span() for m in made.finditer(TEXT)] == [m.span() for m in reference.finditer(TEXT)]
    with pytest.raises(re.error):
        PatternCache(tmp_path).compile_std(r"(unclosed")


def test_preloaded_patterns_are_what_re_compile_returns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pattern_cache, "_CACHE", PatternCache(tmp_path))
    pattern = r"(?:\d+[ \t]*(?:kr|kronor))+"  # no other test compiles it
    try:
        preload_std([pattern])
        assert re.compile(pattern) is pattern_cache.compile_std(pattern)
    finally:
        re.purge()


def test_a_deferred_pattern_compiles_on_its_first_use_and_behaves_as_compiled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pattern_cache, "_CACHE", PatternCache(tmp_path))
    deferred = [pattern_cache.compile_re(p, f, **kw) for p, f, kw in PATTERNS]
    assert [p.pattern for p in deferred] == [p for p, _, _ in PATTERNS]
    assert not pattern_cache._CACHE._made and not pattern_cache._CACHE._new["regex"]  # nothing compiled yet
    assert [_behaviour(p) for p in deferred] == [_behaviour(regex.compile(p, f, **kw)) for p, f, kw in PATTERNS]
    assert len(pattern_cache._CACHE._new["regex"]) == len(PATTERNS)
    assert pickle.loads(pickle.dumps(deferred[0])).pattern == PATTERNS[0][0]


def test_a_wrong_pattern_fails_where_it_is_used_or_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pattern_cache, "_CACHE", PatternCache(tmp_path))
    wrong = pattern_cache.compile_re(r"(?P<open")
    with pytest.raises(regex.error):
        wrong.search("text")
    with pytest.raises(regex.error):
        pattern_cache.compile_now(r"(?P<open")


def _deferred_in(value: object, depth: int = 2) -> list[pattern_cache.Deferred]:
    """The deferred patterns a module attribute is or holds (in a tuple, list, set or dict, two levels deep)."""
    if isinstance(value, pattern_cache.Deferred):
        return [value]
    if depth and isinstance(value, (tuple, list, set, frozenset)):
        return [d for v in value for d in _deferred_in(v, depth - 1)]
    if depth and isinstance(value, dict):
        return [d for v in value.values() for d in _deferred_in(v, depth - 1)]
    return []


def test_every_pattern_a_module_defines_compiles() -> None:
    """A deferred pattern fails only where it is first used, so every module-level one is compiled here: a
    mistyped pattern that no test document reaches still fails the suite."""
    import importlib
    import pkgutil

    import kdextract

    found = []
    for info in pkgutil.walk_packages(kdextract.__path__, "kdextract."):
        if info.name.endswith("__main__"):
            continue  # running it is the command line
        module = importlib.import_module(info.name)
        found += [d for value in vars(module).values() for d in _deferred_in(value)]
    assert len(found) > 300
    for deferred in found:
        deferred.compiled()
