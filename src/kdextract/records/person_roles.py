"""The role and organisation that the words around a name give it: "Karin Sjöberg, folkhälsosamordnare
vid Region Dalarna", "Lena Holm som är kommundirektör", "kommunens folkhälsosamordnare Karin Sjöberg"."""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.layout.form import protocol_rules
from kdextract.pattern_cache import compile_re
from kdextract.records.affiliation import titled_body
from kdextract.records.name_utils import WB_L, is_first_name, is_role, role_base
from kdextract.records.person_names import PeopleRules

_BEFORE_LOWER = compile_re(r"[ \t]+(?=\p{Ll})")
_IN_PLACE = compile_re(r"[ \t]+i[ \t]+(\p{Lu}\p{Ll}+)")
_ROLE_BEFORE = compile_re(r"(?:(?<![\p{L}])(?P<adj>\p{Ll}+(?:ande|ende|iga|isk|a))[ \t]+)?(?P<role>[\p{L}\-]+)[ \t]+$")
#: The last two words before the end, each with the blanks after it (read backwards): a match of
#: ``_ROLE_BEFORE`` starts in them, and searching from there finds what searching the whole text does.
_LAST_TWO_WORDS = compile_re(r"(?r)(?:[\p{L}\-]+[ \t]+){1,2}\n?\Z")
_VERB_STOP = frozenset(PeopleRules.load().verb_stops)
_ADJ = r"(?:\p{Ll}+(?:ande|ende|iga|ig|isk|iska|a|e)[ \t]+)"
_SOM = compile_re(r"^[^.!?\n]{0,60}?" + WB_L + r"som[ \t]+(?:(?:är|var|blir|blev|numera|arbetar|nu|ny|nya|"
                     r"tillförordnad|biträdande|vår|kommunens|som|har|anställd|anställts|utsetts|tidigare|"
                     r"tf|t\.f\.|tillträder|tillträdde|tillträtt|börjar|började|börjat)[ \t]+)*"
                     r"(?P<adj>" + _ADJ + r")?(?P<role>[\p{L}\-]+)")
#: ", utredare": the phrase after a comma, up to a wide gap (a right-hand column: "… , utredare      Dnr KS 2027/12").
_COMMA_ROLE = compile_re(r"^,[ \t]+(?P<phrase>(?:(?!\t|[ ]{3})[^,.;:\n()]){2,140})")
#: "… har anställts som ny ekonomichef": the role a name is appointed to.
APPOINTED_AS = compile_re(r"^[ \t]+(?:har[ \t]+)?(?:anställts|utsetts|rekryterats|utses|valts)[ \t]+(?:som|till)"
                             r"[ \t]+(?:ny[ \t]+)?(?P<adj>" + _ADJ + r")?(?P<role>[\p{L}\-]+)")


@lru_cache(maxsize=1)
def _ranked_roles() -> dict[str, str]:
    """The protocol's role forms of several words ("2:e vice ordförande", "v ordf") by their words in lower case,
    without dots: what they stand for ("andre vice ordförande")."""
    return {k.casefold(): v for k, v in protocol_rules().role_abbreviations.items() if " " in v}


def _ranked_forms() -> str:
    """The alternation of ``_ranked_roles``' forms, a dot allowed after each word."""
    forms = sorted(_ranked_roles(), key=len, reverse=True)
    return "|".join(r"\.?[ \t]+".join(map(regex.escape, f.split())) + r"\.?" for f in forms)


@lru_cache(maxsize=1)
def _ranked_before() -> regex.Pattern[str]:
    """One of ``_ranked_roles`` right before a name ("… av 2:e vice ordförande Eva Ek")."""
    return compile_re(r"(?<![\p{L}\d])(?P<role>" + _ranked_forms() + r")[ \t]+\Z", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _ranked_after() -> regex.Pattern[str]:
    """One of ``_ranked_roles`` after a name and a comma ("Eva Ek, 2:e vice ordförande, …")."""
    return compile_re(r",[ \t]+(?P<role>" + _ranked_forms() + r")(?![\p{L}\d])", regex.IGNORECASE)


def _ranked(m: regex.Match[str] | None) -> str | None:
    """What the ranked role ``m`` found stands for, or None."""
    return None if m is None else _ranked_roles()[" ".join(m.group("role").casefold().replace(".", "").split())]


def role_after(text: str, end: int, limit: int | None = None) -> tuple[str | None, str | None, int]:
    """(role, organisation, priority) from the words after a name."""
    rest = text[end: limit if limit is not None else end + 200]
    if (ranked := _ranked(_ranked_after().match(rest))) is not None:
        return ranked, None, 3  # ", 2:e vice ordförande,"
    m = _COMMA_ROLE.match(rest)
    if m:
        words = m.group("phrase").split()
        if words and not titled_body(m.group("phrase").strip()) and (is_role(words[0]) or (len(words) > 1 and regex.fullmatch(_ADJ.strip("()?:"), words[0] + " ")
                                            and is_role(words[1]))):
            kept, org = [], None
            for i, w in enumerate(words):
                if w in ("från", "vid", "på") and i + 1 < len(words) and words[i + 1][:1].isupper():
                    org = " ".join(words[i + 1:])
                    org = _BEFORE_LOWER.split(org)[0]
                    break
                if i > 0 and w in _VERB_STOP and w not in ("och", "för", "i"):
                    break
                if i > 0 and w[:1].isupper() and is_first_name(w) and i + 1 < len(words) and words[i + 1][:1].isupper():
                    return None, None, 0  # ", äldreomsorgschef Lena Moberg": the next person's title, before their name
                kept.append(w)
            while kept and kept[-1] in ("och", "för", "i", "samt"):
                kept.pop()
            return " ".join(kept), org, 3
    m = _SOM.match(rest)
    if m and (base := role_base(m.group("role"))) is not None:
        role = (m.group("adj") or "") + base
        tail = _IN_PLACE.match(rest, m.end())
        return role.strip(), tail.group(1) if tail else None, 2
    return None, None, 0


#: A role the name is stated to hold before it: "Projektledare är Ali Hadzic", "Ny ekonomichef blir Eva Ek".
_COPULAS = ("är", "blir", "blev", "var")
_COPULA_BEFORE = compile_re(r"(?<![\p{L}])(?:(?:[Tt]illförordnad|[Nn]ya|[Nn]y)[ \t]+)?(?P<role>[\p{L}\-]+)[ \t]+"
                            r"(?:" + "|".join(_COPULAS) + r")[ \t]+\Z")

#: A role fronted before its verb and the name: "Till ny räddningschef har … anställts", "Som ny miljöchef börjar …".
_FRONTED_BEFORE = compile_re(r"(?<![\p{L}])(?:[Tt]ill|[Ss]om)[ \t]+(?:(?:tillförordnad|nya|ny|tf)[ \t]+)?"
                             r"(?P<role>[\p{L}\-]+)[ \t]+(?:\p{Ll}+[ \t]+){1,3}\Z")


def role_before(text: str, start: int) -> tuple[str | None, int]:
    """'Kommunens folkhälsosamordnare Karin Sjöberg', 'landshövdingen Maria Lundqvist Ek'; a copula between
    them ('Projektledare är Ali Hadzic', 'Ny ekonomichef blir Eva Ek'), or a fronted role and its verb ('Som ny
    miljöchef börjar Eva Ek'), gives the role a lower priority."""
    before = text[max(0, start - 80): start]
    if (ranked := _ranked(_ranked_before().search(before, max(0, len(before) - 30)))) is not None:
        return ranked, 3
    verb = before.rstrip(" \t")  # the copula shape is searched only where one ends the text before the name
    copula = verb != before and verb.endswith(_COPULAS)
    for shape in (_COPULA_BEFORE, _FRONTED_BEFORE) if copula else (_FRONTED_BEFORE,):
        if (c := shape.search(before)) is not None and (base := role_base(c.group("role"))) is not None:
            return base, 2
    m = _role_words_at_end(before)
    if not m or "\n" in m.group():
        return None, 0
    base = role_base(m.group("role"))
    if base is None:
        return None, 0
    if m.group("adj") and m.group("adj") not in ("nya", "vår", "sina"):
        return f"{m.group('adj')} {base}", 3
    return base, 3


def _role_words_at_end(before: str) -> regex.Match[str] | None:
    """``_ROLE_BEFORE.search(before)``, searched from the last two words only."""
    tail = _LAST_TWO_WORDS.match(before)
    return _ROLE_BEFORE.search(before, tail.start() if tail else len(before))


#: A capitalised title that opens a run of capitalised words before the name ("Avdelningschef Dragan Milić").
_LEAD_TITLE = compile_re(r"(?P<role>\p{Lu}[\p{L}\-]+)[ \t]+(?=\p{Lu})")


def leading_title(run: str) -> tuple[int, str] | None:
    """Where the name starts in ``run`` and its role, where a title (no given name) opens the run of three
    capitalised words ("Avdelningschef Dragan Milić", "Vd Eva Ek"); else None."""
    m = _LEAD_TITLE.match(run)
    if m is None or len(run.split()) != 3 or is_first_name(m.group("role")):
        return None
    base = role_base(m.group("role"))
    return None if base is None else (m.end(), base)
