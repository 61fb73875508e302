"""The grouping of project name candidates: the mentions of one project, its best name and its aliases."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from kdextract.pattern_cache import compile_re
from kdextract.records.project_names import ProjectCandidate
from kdextract.text.fold import fold

_WORD = compile_re(r"[\w-]+")


def _key(name: str) -> list[str]:
    return _WORD.findall(fold(name))

@dataclass
class Group:
    candidates: list[ProjectCandidate] = field(default_factory=list)
    name: str = ""
    aliases: list[str] = field(default_factory=list)

def _related(a: list[str], b: list[str]) -> str | None:
    """'same', 'prefix' (a begins b), 'suffix' (a ends b) or None."""
    if a == b:
        return "same"
    if len(a) < len(b) and "".join(a) and len("".join(a)) >= 4:
        if b[:len(a)] == a:
            return "prefix"
        if b[-len(a):] == a:
            return "suffix"
    return None

def _merge_titles(groups: list[Group], sections: dict[str, tuple[int, int]]) -> list[Group]:
    """A "Projekt X" title and the one project its section names are the same project.

    Only candidates outside titles count, and merging moves titles only: the groups named in a section are found
    by bisection over those candidates, each run of one group's candidates skipped at once."""
    named = sorted((c.start, n) for n, g in enumerate(groups) for c in g.candidates if not c.title_section)
    starts = [start for start, _ in named]
    other = list(range(1, len(named) + 1))  # where the run of named[k]'s group ends
    for k in range(len(named) - 2, -1, -1):
        if named[k][1] == named[k + 1][1]:
            other[k] = other[k + 1]
    merged: set[int] = set()
    for n, g in enumerate(groups):
        if not all(c.title_section for c in g.candidates):
            continue
        a, b = sections[g.candidates[0].title_section or ""]
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        if lo < hi and other[lo] >= hi:
            groups[named[lo][1]].candidates.extend(g.candidates)
            merged.add(n)
    return [g for n, g in enumerate(groups) if n not in merged]

class _Keys:
    """The first group with a candidate whose key is ``_related`` to a key either way, found by the key's word runs
    (each new candidate compared with every one before it took the square of their number)."""

    def __init__(self) -> None:
        self._exact: dict[tuple[str, ...], int] = {}
        self._begun: dict[tuple[str, ...], int] = {}  # a key's first words -> the first group with a longer key so
        self._ended: dict[tuple[str, ...], int] = {}  # begun / ended

    def add(self, key: tuple[str, ...], g: int) -> None:
        """``key``'s candidate is in group ``g`` (a later candidate may join an earlier group: each keeps the least)."""
        for index, part in ((self._exact, key), *((self._begun, key[:n]) for n in range(1, len(key))),
                            *((self._ended, key[-n:]) for n in range(1, len(key)))):
            index[part] = min(index.get(part, g), g)

    def first(self, key: tuple[str, ...]) -> int | None:
        found = [self._exact.get(key)]
        if len("".join(key)) >= 4:  # the key begins or ends a longer one
            found += [self._begun.get(key), self._ended.get(key)]
        for part in (p for n in range(1, len(key)) for p in (key[:n], key[-n:])):  # a shorter key begins or ends it
            if len("".join(part)) >= 4:
                found.append(self._exact.get(part))
        return min((g for g in found if g is not None), default=None)

def group(cands: list[ProjectCandidate], sections: dict[str, tuple[int, int]]) -> list[Group]:
    groups: list[Group] = []
    keys = _Keys()
    for c in sorted(cands, key=lambda c: c.start):
        k = tuple(_key(c.name))
        at = keys.first(k)
        if at is None:
            at = len(groups)
            groups.append(Group([]))
        groups[at].candidates.append(c)
        keys.add(k, at)
    groups = _merge_titles(groups, sections)
    for g in groups:
        forms: dict[str, ProjectCandidate] = {}
        for c in g.candidates:
            forms.setdefault(fold(c.name), c)
        names = list(forms.values())
        # the long form that a short one begins ("Grön stad" -> "Grön stad för alla …")
        best = names[0]
        for c in names:
            for o in names:
                rel = _related(_key(o.name), _key(c.name))
                if rel == "prefix" and len(c.name) > len(best.name) or (rel == "suffix" and c.rule == "projects/title"
                                                                        and o.rule != "projects/title"):
                    best = c if rel == "prefix" else o
        if best.rule == "projects/title":
            explicit = [c for c in names if c.rule != "projects/title" and _related(_key(c.name), _key(best.name)) == "suffix"]
            if explicit:
                best = explicit[0]
        g.name = best.name
        g.aliases = [c.name for c in names if fold(c.name) != fold(best.name)]
    return groups
