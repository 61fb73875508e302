"""A body's name that goes on with an acronym of what the body is for: "Brukarrådet LSS".

A council or group for one area often carries that area's acronym after its head word as part of
its name ("Brukarrådet LSS", "Pensionärsrådet KPR", "Samverkansgruppen FSG"): the body is named
with it, and "brukarrådet LSS" later in the text is the same body. An acronym that names an
organisation of its own (another candidate starts there) or that opens a § reference ("KS § 12")
is no part of the name. A body named for a place in the genitive takes the adjective that qualifies the place
("Östra Vänerns renhållningsförbund", ``owner_place_adjectives``). A joint body goes on with the municipalities it
serves joined by a dash ("Överförmyndarnämnden Kalix–Haparanda"): they are named with it. A municipality's council
goes on with "i" and the municipality's name ("Pensionärsrådet i Ekby", ``heads_named_with_municipality``).
"""

from __future__ import annotations

import regex

from functools import lru_cache

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import kind_words, org_rules
from kdextract.records.org_candidates import FULL_NAME, Cand
from kdextract.records.org_places import muni_name

#: An acronym of two to five capitals one blank after a name (a column gap parts cells), not glued to a word or a dash.
_ACRONYM = compile_re(r" (?P<a>\p{Lu}{2,5})(?![\p{L}\d\-–]|[ \t]*§)", regex.V1)


#: "i" and one or two capitalised words one blank after a name (a line may break after "i"), not before the
#: municipality's own "kommun", "stad" or "län" ("Pensionärsrådet i Ekby kommun" names two).
_IN_MUNICIPALITY = compile_re(r" i(?:[ \t]+|[ \t]*\n[ \t]*)(?P<p>\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+)?)(?![\p{L}\d\-–])"
                              r"(?![ \t]+(?:" + kind_words("municipality", "county") + r")(?![\p{L}]))")
#: One or two capitalised words and one blank right before a name, not after a letter or a dash.
_MUNICIPALITY_BEFORE = compile_re(r"(?<![\p{L}\d\-])(?P<p>(?:\p{Lu}\p{Ll}+[ ])?\p{Lu}\p{Ll}+)[ ]\Z")
#: The rules whose candidates a council's name may be (a compound body, a listed agency of the same name).
_COUNCIL_RULES = frozenset({"organisations/body_compound", "organisations/gazetteer_agency"})

#: Two place names joined by a dash one blank after a name ("… Kalix–Haparanda"), the last not glued to more.
_PLACE_PAIR = compile_re(r" (?P<a>\p{Lu}\p{Ll}+)[ \t]*[–-][ \t]*(?P<b>\p{Lu}\p{Ll}+)(?![\p{L}\d\-–])")


def acronym_qualified(text: str, c: Cand, taken: frozenset[int]) -> Cand:
    """``c`` with the acronym after it where ``c`` is a body's definite compound not in the genitive
    ("Brukarrådet" + " LSS"); ``taken``: the starts of the other candidates (an acronym found as a name
    of its own stays apart)."""
    if c.rule != "organisations/body_compound" or c.full != FULL_NAME or c.genitive or c.link_only:
        return c
    m = _ACRONYM.match(text, c.end)
    if m is None or m.start("a") in taken:
        return c
    acronym = m.group("a")
    return Cand(c.start, m.end(), text[c.start:m.end()], kind=c.kind, key=f"{c.key}:{acronym.casefold()}",
                form=f"{c.form} {acronym}", full=c.full, rule=c.rule, method=c.method, score=c.score,
                explanation=f"{c.explanation} and the acronym {acronym!r} of what it is for", aliases=list(c.aliases))


@lru_cache(maxsize=1)
def _place_adjective() -> regex.Pattern[str]:
    """A capitalised adjective of place and one blank, ending where a name begins ("Östra ", "ÖVRE ")."""
    words = sorted(org_rules().owner_place_adjectives, key=lambda w: (-len(w), w))
    alts = "|".join(f"{w[:1].upper()}(?:{regex.escape(w[1:])}|{regex.escape(w[1:].upper())})" for w in words)
    return compile_re(rf"(?<![\p{{L}}\d\-])(?:{alts})[ \t]\Z")


def place_qualified(text: str, c: Cand) -> Cand:
    """``c`` with the adjective of place before it where ``c`` is a body named for its owner in the genitive
    ("Vänerns renhållningsförbund" after "Östra ")."""
    if c.rule != "organisations/owner_genitive":
        return c
    m = _place_adjective().search(text, max(0, c.start - 12), c.start)
    if m is None:
        return c
    adjective = text[m.start():c.start].strip()
    return Cand(m.start(), c.end, text[m.start():c.end], kind=c.kind, key=f"{c.key}:{adjective.casefold()}",
                form=f"{adjective} {c.form}", full=c.full, rule=c.rule, method=c.method, score=c.score,
                explanation=f"{c.explanation}, the place qualified by {adjective!r}", aliases=list(c.aliases),
                head_key=c.head_key, genitive=c.genitive)


def places_qualified(text: str, c: Cand) -> Cand:
    """``c`` with the municipalities after it where ``c`` is a body's definite compound not in the genitive and two
    municipalities joined by a dash follow it ("Överförmyndarnämnden" + " Kalix–Haparanda"): a joint body's name."""
    if c.rule != "organisations/body_compound" or c.full != FULL_NAME or c.genitive or c.link_only:
        return c
    m = _PLACE_PAIR.match(text, c.end)
    if m is None or muni_name(m.group("a")) is None or muni_name(m.group("b")) is None:
        return c
    places = text[m.start("a"):m.end()]
    return Cand(c.start, m.end(), text[c.start:m.end()], kind=c.kind, key=f"{c.key}:{places.casefold()}",
                form=f"{c.form} {places}", full=c.full, rule=c.rule, method=c.method, score=c.score,
                explanation=f"{c.explanation} and the municipalities {places!r} it serves", aliases=list(c.aliases))


@lru_cache(maxsize=1)
def _council_forms() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The indefinite and the definite forms of the heads of a municipality's councils."""
    stems = frozenset(org_rules().heads_named_with_municipality.words)
    heads = [h for h in org_rules().body_heads if h.stem in stems]
    return tuple(h.forms[0] for h in heads), tuple(h.forms[1] for h in heads)


def _municipality(place: str) -> str | None:
    """``place`` or its first word where that is a municipality's name ("Upplands Väsby", "Ekby" of "Ekby Ny")."""
    if muni_name(place) is not None:
        return place
    first = place.split()[0]
    return first if first != place and muni_name(first) is not None else None


def municipality_qualified(text: str, c: Cand) -> Cand:
    """``c`` named with its municipality where ``c`` is a council's name not in the genitive: in the definite form
    with "i" and the municipality after it ("Pensionärsrådet" + " i Ekby"), its bare head later the same body; a
    capitalised compound in the indefinite form after the municipality ("Ekby " + "Föreningsråd")."""
    if c.rule not in _COUNCIL_RULES or c.genitive:
        return c
    indefinite, definite = _council_forms()
    if c.link_only and c.text[:1].isupper() and c.form.endswith(indefinite):
        return _after_municipality(text, c)
    if c.link_only or not c.form.endswith(definite) or (m := _IN_MUNICIPALITY.match(text, c.end)) is None \
            or (place := _municipality(m.group("p"))) is None:
        return c
    end = m.start("p") + len(place)
    return Cand(c.start, end, text[c.start:end], kind="committee", key=f"{c.key}:{place.casefold()}",
                form=f"{c.form} i {place}", full=FULL_NAME, rule=c.rule, method=c.method, score=c.score,
                explanation=f"{c.explanation}, the council of {place!r}", aliases=list(c.aliases), head_key=c.key)


def _after_municipality(text: str, c: Cand) -> Cand:
    """``c``, a council's capitalised compound in the indefinite form, named with the municipality's name right
    before it ("Ekby Föreningsråd"); else ``c`` as it was."""
    m = _MUNICIPALITY_BEFORE.search(text, max(0, c.start - 40), c.start)
    if m is None:
        return c
    place = m.group("p")
    if muni_name(place) is None:  # "Upplands Väsby" or, of two capitalised words, the last ("Nya Ekby")
        place = place.split()[-1]
        if muni_name(place) is None:
            return c
    start = c.start - 1 - len(place)
    return Cand(start, c.end, text[start:c.end], kind=c.kind, key=f"{c.key}:{place.casefold()}",
                form=f"{place} {c.form}", full=FULL_NAME, rule=c.rule, method=c.method, score=c.score,
                explanation=f"{c.explanation}, the council of {place!r}", aliases=list(c.aliases))
