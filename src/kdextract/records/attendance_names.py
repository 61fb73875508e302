"""How a run of capitalised words in an attendance value is cut into names: a small dynamic programme that scores
each reading with what we know of its words (given names start names; roles, municipalities, form labels and words the
document also writes in lower case do not belong in them; particles keep a surname together)."""

from __future__ import annotations

from functools import lru_cache

from kdextract.layout.form import protocol_rules
from kdextract.layout.words import is_first_name, is_role
from kdextract.records.name_utils import lower_word_elsewhere, municipalities, org_rules
from kdextract.records.person_names import PeopleRules, body_head_endings, never_names, noun_like
from kdextract.text.fold import fold_key

#: Score of a name by its length (two words is the common case).
_LENGTH = {2: 0.0, 3: -0.6, 4: -1.5}


class Vocabulary:
    """What the parser knows of single words."""

    def __init__(self) -> None:
        rules = protocol_rules()
        self.parties = {p.casefold(): p.upper() for p in rules.parties}
        self.replaces = tuple(sorted((tuple(r.split()) for r in rules.replaces), key=len, reverse=True))
        self.abbreviations = {k.casefold(): v for k, v in rules.role_abbreviations.items()}
        self.places = frozenset(fold_key(m) for m in municipalities())
        orgs = org_rules()
        self.org_words = frozenset(fold_key(w) for w in orgs.generic_words)
        self.particles = frozenset(PeopleRules.load().name_particles.words)
        self.absent = tuple(tuple(w.split()) for w in rules.absent_words)
        self.joiners = frozenset(PeopleRules.load().couple_joiners)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """What the attendance parser knows of single words (cached)."""
    return Vocabulary()


def segment(text: str, words: list[str], after_comma: bool, party: bool = False) -> list[tuple[int, int]]:
    """The best cut of a run of capitalised words into names (dynamic programme over the run); where a party in
    brackets follows the run (``party``), its last word is the person's surname even if a municipality's or a given
    name too ("Anna Lindqvist Berg (S)", "Youssef Ben Ali (V)").

    A run that alternates surname and given name ("Holmberg Sara Lindqvist Mattias", as memo
    headers write their handläggare) is read in pairs.
    """
    n = len(words)
    kinds = [_kind(text, w) for w in words]
    if party and (kinds[-1] == "place" or kinds[-1] == "given" and n > 2):
        kinds[-1] = "name"
    if n % 2 == 0 and all(k in ("name", "place") for k in kinds[0::2]) and all(k == "given" for k in kinds[1::2]):
        return [(i, i + 2) for i in range(0, n, 2)]
    best: list[tuple[float, list[tuple[int, int]]]] = [(0.0, []) if i == 0 else (-1e9, []) for i in range(n + 1)]
    for i in range(n):
        score, cut = best[i]
        if score <= -1e9:
            continue
        skip = score + _skip_score(kinds[i], words[i], after_comma and not cut)
        if skip > best[i + 1][0]:
            best[i + 1] = (skip, cut)
        for size in (2, 3, 4):
            if i + size > n:
                break
            s = score + _name_score(words[i:i + size], kinds[i:i + size], after_comma and not cut and i == 0)
            if s > best[i + size][0]:
                best[i + size] = (s, [*cut, (i, i + size)])
    return best[n][1]


@lru_cache(maxsize=8192)
def _word_kind(word: str) -> str:
    v = vocabulary()
    f = fold_key(word)
    if is_first_name(word):
        return "given"
    if is_role(word) or f in never_names() or _organisation_word(f, v) or noun_like(word):
        return "known"
    if f in v.places or (f.endswith("s") and f[:-1] in v.places):
        return "place"
    return ""


def _organisation_word(f: str, v: Vocabulary) -> bool:
    """"Socialförvaltningen", "Stadsledningskontorets": the word of a public body, not a name."""
    base = f[:-1] if f.endswith("s") else f
    if f in v.org_words or base in v.org_words:
        return True
    return base.endswith(body_head_endings("", "en", "et", "n"))


def _kind(text: str, word: str) -> str:
    """'given', 'known' (a role, label or listed non-name), 'place' (a municipality, also a surname: Lund, Berg),
    'common' (written in lower case too) or 'name'."""
    kind = _word_kind(word)
    if kind:
        return kind
    if lower_word_elsewhere(text, word):
        return "common"
    return "name"


def _skip_score(kind: str, word: str, free: bool) -> float:
    if free or kind in ("known", "common", "place") or word in vocabulary().particles:
        return 0.0
    return -0.5 if kind == "given" else -1.0


def _name_score(words: list[str], word_kinds: list[str], after_comma: bool) -> float:
    particles = vocabulary().particles
    kinds = [k for w, k in zip(words, word_kinds, strict=True) if w not in particles]
    if len(kinds) < 2 or words[0] in particles or words[-1] in particles:
        return -1e9
    score = 1.0 + _LENGTH.get(len(kinds), -3.0)  # the particles of a surname do not make a name longer
    first, rest = kinds[0], kinds[1:]
    if first == "given":
        score += 2.0
    elif first in ("known", "common", "place"):
        score -= 4.0
    elif after_comma:
        score -= 1.5  # "Eva Ek, Näringslivsbolaget Sydkusten": an organisation after the comma
    for k, kind in enumerate(rest, 1):
        if kind == "known":
            score -= 4.0
        elif kind == "given" and k == 1 and len(kinds) == 3 and kinds[2] != "given":
            score += 0.6  # a double given name: "Per Anders Lindgren"
        elif kind == "given":
            score -= 1.5
    return score
