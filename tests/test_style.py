"""Style rules checked on the source: no regular expression compiled on a hot path, and every one
compiled through the on-disk pattern cache.

A call such as ``regex.search(r"\\s+", text)`` inside a function looks its pattern up in the
module's cache on every call; the pattern belongs in a module-level constant
(``_SPACE_RUN = compile_re(r"\\s+")``) or in a cached builder. Module-level calls are fine.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "kdextract"

#: the pattern-taking functions of ``re`` and ``regex`` that compile (or look up) their pattern per call
MATCHING = frozenset({"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"})
REGEX_MODULES = frozenset({"re", "regex"})
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def _pattern(call: ast.Call) -> ast.expr | None:
    if call.args:
        return call.args[0]
    return next((k.value for k in call.keywords if k.arg == "pattern"), None)


def _is_literal(node: ast.expr | None) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def literal_patterns_in_functions(source: str) -> list[tuple[int, str]]:
    """(line, ``module.function``) of each ``re``/``regex`` call in a function body whose pattern is a literal."""
    found: set[tuple[int, str]] = set()
    for scope in ast.walk(ast.parse(source)):
        if not isinstance(scope, FUNCTIONS):
            continue
        for node in ast.walk(scope):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in REGEX_MODULES
                    and node.func.attr in MATCHING and _is_literal(_pattern(node))):
                found.add((node.lineno, f"{node.func.value.id}.{node.func.attr}"))
    return sorted(found)


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_literal_pattern_compiled_in_a_function(path: Path) -> None:
    assert literal_patterns_in_functions(path.read_text(encoding="utf-8")) == []


def test_the_walker_sees_literal_patterns() -> None:
    source = '''
import re
import regex

_SPACE = regex.compile(r"\\s+")
_WORDS = regex.findall(r"\\w+", "at module level")


def clean(s: str, sep: str) -> str:
    _SPACE.sub(" ", s)
    regex.split(sep, s)
    regex.search(pattern=r"a+", string=s)
    return regex.sub(r"\\s+", " ", s)


class Reader:
    def read(self, word: str) -> object:
        def inner(t: str) -> object:
            return re.fullmatch(f"{word}s?", t)
        return inner(word) or (lambda t: regex.finditer("x", t))
'''
    assert literal_patterns_in_functions(source) == [
        (12, "regex.search"), (13, "regex.sub"), (19, "re.fullmatch"), (20, "regex.finditer")]


@pytest.mark.parametrize("path", sorted(p for p in SRC.rglob("*.py") if p.name != "pattern_cache.py"),
                         ids=lambda p: str(p.relative_to(SRC)))
def test_patterns_compile_through_the_cache(path: Path) -> None:
    """``compile_re`` and ``compile_std`` (kdextract.pattern_cache) keep compiled patterns between processes:
    run ``python scripts/use_pattern_cache.py`` to route new ``regex.compile`` and ``re.compile`` calls through them."""
    source = path.read_text(encoding="utf-8")
    assert "regex.compile" not in source and not re.search(r"\bre\.compile\b", source)


#: A match's pattern compared by identity or equality (``m.re is PATTERN``).
_MATCH_RE_COMPARED = re.compile(r"\.re\s*(?:is\b|==|!=)|(?:\bis(?:\s+not)?|==|!=)\s*[\w.]*\.re\b(?!\.)")


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_a_match_s_pattern_is_compared_by_its_text(path: Path) -> None:
    """``compile_re`` gives a pattern compiled where it is first used (``pattern_cache.Deferred``), and a
    match's ``re`` is the compiled pattern itself: ``m.re is _PATTERN`` never holds. Compare
    ``m.re.pattern == _PATTERN.pattern``."""
    assert not _MATCH_RE_COMPARED.search(path.read_text(encoding="utf-8"))


def test_the_match_pattern_check_finds_identity_and_equality() -> None:
    assert all(_MATCH_RE_COMPARED.search(s) for s in ("if m.re is _DECIMAL:", "m.re == g.decimal", "p is m.re"))
    assert not any(_MATCH_RE_COMPARED.search(s)
                   for s in ("m.re.pattern == g.decimal.pattern", "words in m.re.groupindex"))
