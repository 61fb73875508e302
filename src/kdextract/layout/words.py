"""Word lists the layout reads as well as the record builders: given names and role titles.

A form label is followed by names, an item title ends where a role or a name begins: the
layout needs to know both, so the lists live here (``resources/sv/first_names.txt`` and
``roles.txt``) and ``records.name_utils`` re-exports them.

>>> is_first_name("Goran"), is_first_name("Ann-Britt"), is_first_name("Kommunen")
(True, True, False)
>>> role_base("Kommundirektören"), role_base("kommunen")
('Kommundirektör', None)
"""

from __future__ import annotations

from functools import lru_cache

from kdextract.pattern_cache import compile_re
from kdextract.resources import load_lines
from kdextract.text.fold import fold_key


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The given names of ``first_names.txt``, folded."""
    return frozenset(fold_key(n) for n in load_lines("first_names.txt"))


@lru_cache(maxsize=65536)
def is_first_name(token: str) -> bool:
    """A known given name (folded; "Goran" counts as "Göran"); double names "Ann-Britt" too."""
    names = first_names()
    f = fold_key(token)
    if f in names:
        return True
    return "-" in f and all(p in names for p in f.split("-") if p)


@lru_cache(maxsize=1)
def _roles() -> tuple[frozenset[str], tuple[str, ...]]:
    words, suffixes = set(), []
    for line in load_lines("roles.txt"):
        if line.startswith("-"):
            suffixes.append(fold_key(line[1:]))
        else:
            words.add(fold_key(line))
    return frozenset(words), tuple(sorted(suffixes, key=len, reverse=True))


def role_words() -> frozenset[str]:
    """The whole role titles of ``roles.txt``, folded (suffix entries excluded)."""
    return _roles()[0]


#: Two capitalised parts joined by a hyphen, the first not in capitals ("Mohammadi-Rad"; not "HR-chef").
_DOUBLE_NAME = compile_re(r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+")


@lru_cache(maxsize=65536)
def role_base(word: str) -> str | None:
    """The base form of a role word ("kommundirektören" -> "kommundirektör", "oppositionsrådet" -> "oppositionsråd"),
    or None."""
    words, suffixes = _roles()
    w = word.strip(",.;:()")
    f = fold_key(w)
    if not f or not w[:1].isalpha() or _DOUBLE_NAME.fullmatch(w):
        return None  # "Mohammadi-Rad": a double surname, whatever its last part ends in
    for cand, cut in ((f, 0), (f[:-2], 2) if f.endswith("en") else (None, 0),
                      (f[:-1], 1) if f.endswith("n") and f[-2:-1] in "aeiouy" else (None, 0),
                      (f[:-1], 1) if f.endswith("s") else (None, 0)):
        if not cand:
            continue
        if cand in words or any(cand.endswith(s) and len(cand) > len(s) + 1 for s in suffixes):
            return w[: len(w) - cut] if cut else w
    if f.endswith("et") and f[:-2] in words:  # a neuter title's definite form ("kommunalrådet"); not a suffix's
        return w[:-2]  # compound ("pensionärsrådet" is a council)
    return None


def is_role(word: str) -> bool:
    """A role title or its inflected form ("ordförande", "HR-chefen")."""
    return role_base(word) is not None
