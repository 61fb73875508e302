"""The grouping of project name candidates: the mentions of one project, its best name and its aliases."""

from __future__ import annotations

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
    """A "Projekt X" title and the one project its section names are the same project."""
    out = list(groups)
    for g in groups:
        if not all(c.title_section for c in g.candidates):
            continue
        a, b = sections[g.candidates[0].title_section or ""]
        inside = [o for o in out if o is not g and any(a <= c.start < b and not c.title_section
                                                       for c in o.candidates)]
        if len(inside) == 1:
            inside[0].candidates.extend(g.candidates)
            out.remove(g)
    return out

def group(cands: list[ProjectCandidate], sections: dict[str, tuple[int, int]]) -> list[Group]:
    groups: list[Group] = []
    for c in sorted(cands, key=lambda c: c.start):
        k = _key(c.name)
        for g in groups:
            if any(_related(k, _key(o.name)) or _related(_key(o.name), k) for o in g.candidates):
                g.candidates.append(c)
                break
        else:
            groups.append(Group([c]))
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
