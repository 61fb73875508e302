"""Rule finders for people in running text: role appositions, "Given Surname" pairs checked against a list
of given names, members named before their party and a member's verb, and couples; and ``person_candidates``, which gathers every finder's candidates (the people of
lists come from ``person_lists``).

Each finder yields ``PCand`` (a full-name span, and where the text gives them a role and
an organisation). ``people.py`` merges them into ``Person`` records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import (is_first_name, is_role, is_sentence_start, kind_words, lower_word_elsewhere,
                                         role_base)
from kdextract.records.person_candidate import PCand
from kdextract.records.person_coordinated import find_coordinated
from kdextract.records.person_eponyms import names_a_thing
from kdextract.records.person_initials import find_initialled
from kdextract.records.person_inverted import find_surname_first
from kdextract.records.person_lists import find_attendance, find_form, find_signatures
from kdextract.records.person_model import find_model
from kdextract.records.person_names import PARTICLE_RE, TOKEN, PeopleRules, common_noun, definite_noun, genitive_end
from kdextract.records.person_names import name_ok as _name_ok
from kdextract.records.person_names import (listed_unit, name_runs, noun_like, organisation_like, place_like,
                                           trim_never_names)
from kdextract.records.person_roles import APPOINTED_AS, leading_title, role_after, role_before
from kdextract.records.person_particles import find_particle_names, with_particles
from kdextract.records.person_presenters import find_presenters
from kdextract.records.person_run_ons import without_run_on_words
from kdextract.records.person_signatures import find_titled_signers
from kdextract.records.person_wraps import find_wrapped
from kdextract.records.word_index import word_index
from kdextract.text.word_starts import WB_L, WB_R

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ROLE_WORD_AFTER = compile_re(r"[ \t]+(\p{Ll}[\p{L}-]+)")
_WORDS = compile_re(r"\S+")

_RULES = PeopleRules.load()
#: A party in brackets after a name's blanks ("Maria Lind Berg (S)"): matched from the bracket (``_after_blanks``).
_PARTY_NEXT = compile_re(r"\((?:" + "|".join(map(regex.escape, _RULES.parties)) + r")\)")
#: The word right before a name.
_WORD_BEFORE = compile_re(r"(?<![\p{L}\d])(\p{L}+)[ \t]+$")
#: A municipality's or region's word right after a name's last word ("… Berg kommun", "… Bergs kommun").
_PLACE_KIND_NEXT = compile_re(r"s?[ \t]+(?:" + kind_words("municipality", "county", "region") + r")", regex.IGNORECASE)
#: "Eva och Per Holm": two given names that share the surname after them (no third capital after it).
_COUPLE = compile_re(WB_L + r"(?P<g1>" + TOKEN + r")[ ]+(?:" + "|".join(map(regex.escape, _RULES.couple_joiners))
                        + r")[ ]+(?P<g2>" + TOKEN + r")[ ]+(?P<sur>" + TOKEN + r")" + WB_R + r"(?![ ]+\p{Lu})")
#: A member's party in brackets and what the member does next ("(S) yrkar", "(M) reserverar sig").
_PARTY_VERB = compile_re(r"\((?:" + "|".join(map(regex.escape, _RULES.parties)) + r")\)[ \t]+(?:"
                         + "|".join(map(regex.escape, _RULES.member_verbs)) + r")" + WB_R)
#: A member's party in brackets and a comma, "och" or "samt" before the next member of a list ("(S) och …").
_PARTY_JOIN = compile_re(r"\((?:" + "|".join(map(regex.escape, _RULES.parties)) + r")\)[ \t]*+(?:,[ \t]*+|(?<=[ \t])(?:"
                         + "|".join(map(regex.escape, _RULES.couple_joiners)) + r"|samt)[ \t]++)")
#: A label that opens the line right before a name ("Förslag: ", "Justerare: ").
_LABEL_BEFORE = compile_re(r"(?m)^[ \t]*\p{Lu}\p{Ll}+[ \t]*:[ \t]*\Z")
_CAPITAL_BEFORE = compile_re(r"\p{Lu}\p{Ll}*[ ]+$")
_SURNAME_AFTER = compile_re(r"[ ]+(" + TOKEN + r")" + WB_R)


# --------------------------------------------------------------------------- finders

def find_running(text: str) -> Iterator[PCand]:
    """'Given Surname' in running text: a known given name, or a name a role is attached to."""
    for m in name_runs(text):
        toks = [(t.start() + m.start(), t.end() + m.start()) for t in _WORDS.finditer(m.group())]
        i = 0
        while i < len(toks) - 1:
            w = text[toks[i][0]:toks[i][1]]
            if is_first_name(w):
                j = i + 1
                take = [toks[i]]
                while j < len(toks) and len(take) < 3:
                    t = text[toks[j][0]:toks[j][1]]
                    if len(take) >= 2 and is_first_name(t) and j + 1 < len(toks):
                        break
                    take.append(toks[j])
                    j += 1
                # drop trailing tokens that are not name-like
                while len(take) > 2 and not _name_ok([text[a:b] for a, b in take], text, strict=True,
                                                     party_after=_person_after(text, take[-1][1], take[0][0]),
                                                     bracket=_party_next(text, take[-1][1])):
                    take.pop()
                names = [text[a:b] for a, b in take]
                if _name_ok(names, text, strict=True, bracket=_party_next(text, take[-1][1]),
                            party_after=len(take) > 2 and _person_after(text, take[-1][1], take[0][0])):
                    yield PCand(take[0][0], take[-1][1], " ".join(names), rule="people/given_name",
                                score=0.85, explanation=f"'{names[0]}' is a given name")
                    i = j
                    continue
            i += 1


def _person_after(text: str, end: int, start: int) -> bool:
    """What follows a name at ``end`` belongs to a person: a party in brackets ("Maria Lind Berg (S)") or a role
    after a comma ("…, ekonomichef") or "som" ("… som ekonomichef"); or the name, from ``start``, stands in a
    sentence of prose or after a title ("Kontaktperson är Maria Lind Berg.", "… gavs av Maria Lind Berg i maj"), where no place
    follows a name without a comma (but its municipality's word may follow the place: "… Lind Berg kommun")."""
    return _party_next(text, end) or role_after(text, end)[2] >= 2 \
        or _prose_before(text, start) and _PLACE_KIND_NEXT.match(text, end) is None


def _prose_before(text: str, start: int) -> bool:
    """A lower-case word of prose ("… gavs av") or a title ("Kommundirektör …") stands right before ``start``."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and (m.group(1).islower() and len(m.group(1)) >= 2 or is_role(m.group(1)))


def _after_blanks(text: str, pos: int) -> int:
    """Where the blanks and tabs at ``pos`` end. The bracket patterns start there: ``regex`` seeks the bracket a
    pattern requires through the rest of the text before it matches blanks that open the pattern."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _party_next(text: str, end: int) -> bool:
    """A party in brackets follows ``end`` after any blanks."""
    return _PARTY_NEXT.match(text, _after_blanks(text, end)) is not None


def find_role_named(text: str) -> Iterator[PCand]:
    """A capitalised pair tied to a role: 'Jan Berg som numera är räddningschef'."""
    for m in name_runs(text):
        toks, start, lead = m.group().split(), m.start(), leading_title(m.group())
        if lead is not None:  # "Avdelningschef Dragan Milić": the title opens the run, the name follows it
            toks, start = toks[1:], m.start() + lead[0]
        if sum(not PARTICLE_RE.fullmatch(t) for t in toks) > 3 \
                or is_sentence_start(text, start) and lower_word_elsewhere(text, toks[0]):
            continue
        if not _name_ok(toks, text, strict=True) or lower_word_elsewhere(text, toks[0]):
            continue
        role, org, prio = role_after(text, m.end())
        anst = APPOINTED_AS.match(text[m.end(): m.end() + 120])
        if anst and (base := role_base(anst.group("role"))) is not None:
            role, prio = ((anst.group("adj") or "") + base).strip(), 3
        before, bprio = (lead[1], 3) if lead is not None else role_before(text, start)
        if not role and before:
            role, prio = before, bprio
        if role:
            yield PCand(start, m.end(), text[start:m.end()], rule="people/role_context", score=0.8,
                        explanation=f"a name with the role '{role}'", role=role, role_prio=prio, org=org)


def find_party_members(text: str) -> Iterator[PCand]:
    """A member named before the party in brackets and a member's verb ("Zeynep Kaya (S) yrkar bifall"): the party
    is the evidence, so the given name need not be listed (a title or a noun that opens the run is left out; a party's
    own name is no member: "Miljöpartiet De Gröna (MP) yrkar"); so are the members listed before that one, each
    with a party ("Eva Ek (S) och Zeynep Kaya (V) yrkar bifall"), and a member with a party right after a line's
    label ("Förslag: Zeynep Kaya (L), justering …")."""
    members: set[int] = set()  # where a run opens that the verb or a listed member after it makes a member
    found: list[PCand] = []
    for m in reversed(name_runs(text)):
        at = _after_blanks(text, m.end())
        if _PARTY_VERB.match(text, at) is None and not _labelled_member(text, m.start(), at) \
                and ((j := _PARTY_JOIN.match(text, at)) is None or j.end() not in members):
            continue
        members.add(m.start())
        toks, start, lead = m.group().split(), m.start(), leading_title(m.group())
        if lead is not None:  # "Ledamoten Lise Berg (S) yrkar …"
            toks, start = toks[1:], m.start() + lead[0]
        if len(toks) == 3 and not is_first_name(toks[0]) and (common_noun(toks[0]) or is_role(toks[0])):
            toks, start = toks[1:], start + len(toks[0]) + 1  # "Motionären Petra Lind (MP) föreslår …"
        if 2 <= len(toks) <= 3 and not any(map(organisation_like, toks)) \
                and _name_ok(toks, text, strict=True, party_after=True, bracket=True):
            found.append(PCand(start, m.end(), " ".join(toks), rule="people/party_member", score=0.85,
                               explanation="a name before a party in brackets and a member's verb"))
    yield from reversed(found)


def _labelled_member(text: str, start: int, at: int) -> bool:
    """A party in brackets at ``at`` after a name that a line's label opens at ``start``."""
    return _PARTY_NEXT.match(text, at) is not None and _LABEL_BEFORE.search(text, max(0, start - 40), start) is not None


def find_couples(text: str) -> Iterator[PCand]:
    """The first of two given names that share a surname: 'Eva och Per Holm' names Eva Holm (Per Holm is a
    name run of its own). Not where the first given name ends a name run ('Anna Eva och Per Holm') or stands
    with another surname elsewhere in the text ('Eva Lund ... Eva och Per Holm')."""
    for m in _COUPLE.finditer(text):
        g1, g2, sur = m.group("g1", "g2", "sur")
        if not (is_first_name(g1) and is_first_name(g2)) or _CAPITAL_BEFORE.search(text, max(0, m.start() - 40),
                                                                                    m.start()):
            continue
        if not _name_ok([g2, sur], text, strict=True) or not _name_ok([g1, sur], text, strict=True):
            continue
        surname = sur[:-1] if genitive_end(text, m.end("sur")) and len(sur) > 3 else sur
        if any((after := _SURNAME_AFTER.match(text, e)) and after.group(1) not in (surname, surname + "s")
               for _, e in word_index(text).occurrences(g1)):
            continue
        yield PCand(m.start("g1"), m.end("g1"), f"{g1} {surname}", rule="people/couple", score=0.8,
                    explanation=f"'{g1}' shares the surname of '{g2} {sur}'")


def person_candidates(text: str, ner: Doc | None = None) -> list[PCand]:
    """Every finder's candidates; words that are never names are cut from their ends (form names and the given
    name of a couple are exact)."""
    out: list[PCand] = [*find_form(text), *find_couples(text)]
    found: list[PCand] = []
    for finder in (find_attendance, find_signatures, find_titled_signers, find_running, find_party_members,
                   find_role_named, find_wrapped, find_initialled, find_surname_first, find_particle_names,
                   find_presenters):
        found.extend(finder(text))
    if ner is not None:
        found.extend(find_model(text, ner))
    found.extend(find_coordinated(text, found))
    for c in with_particles(text, found):
        checked = _checked(text, c)
        if checked is not None:
            out.append(checked)
    return without_run_on_words(text, out)


def _checked(text: str, c: PCand) -> PCand | None:
    """``c`` as the list evidence leaves it, or None.

    Form labels and heading words are cut from its ends ("Tjänstemän Eva Ek"); a genitive loses
    its s in the name ("Eva Lunds förslag" names Eva Lund); a name the model alone proposes may not start
    with a common noun ("Förstudie Underlag", "Arbetsgrupp Ekby") or a noun's definite form ("Kulturhuset Ekbo").
    """
    toks = [(m.start(), m.end()) for m in _WORDS.finditer(text, c.start, c.end)]
    i, j = trim_never_names([text[a:b] for a, b in toks], _party_next(text, c.end))
    if j - i < 2:
        return None
    after = _ROLE_WORD_AFTER.match(text, toks[j - 1][1])
    if j - i > 2 and after is not None and is_role(after.group(1)):
        j -= 1  # "Eva Ek Administrativ chef": the capital before a role word belongs to the role
    start, end = toks[i][0], toks[j - 1][1]
    if names_a_thing(text, start, end):
        return None  # "Karl Johans skola", "Stiftelsen Anna Lindh": a thing named after the person
    first = text[start:toks[i][1]]
    if c.rule == "model" and (noun_like(first) or definite_noun(first) or common_noun(first)
                              or place_like(text[toks[j - 1][0]:end])
                              or any(organisation_like(text[a:b]) for a, b in toks[i:j])
                              or listed_unit([text[a:b] for a, b in toks[i:j]])):
        return None  # "Förstudie Underlag", "Kulturhuset Ekbo", "Skolans Hus", "Norra Ringvägen", "Ekby Tennisklubb",
        # "Ekby Torg", "Visma Window"
    name = " ".join(text[start:end].split())
    if genitive_end(text, end) and end - 1 > toks[j - 1][0] + 2:
        name = name[:-1]  # the mention keeps its s, the name does not
    if (start, end, name) == (c.start, c.end, c.name):
        return c
    return PCand(start, end, name, rule=c.rule, score=c.score, explanation=c.explanation, role=c.role,
                 role_prio=c.role_prio, org=c.org, org_span=c.org_span)


def person_spans(cands: Iterable[PCand]) -> list[tuple[int, int]]:
    """Spans of the full names of ``person_candidates`` (used to keep people out of the organisations)."""
    return sorted({(c.start, c.end) for c in cands})
