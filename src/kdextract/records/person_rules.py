"""Rule finders for people: attendance lists, signature blocks, role appositions and
"Given Surname" pairs checked against a list of given names.

Each finder yields ``PCand`` (a full-name span, and where the text gives them a role and
an organisation). ``people.py`` merges them into ``Person`` records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import regex

from kdextract.layout.form import protocol_rules
from kdextract.pattern_cache import compile_re
from kdextract.records.attendance import entries_in
from kdextract.records.attendance_forms import form_entries
from kdextract.records.name_utils import (
    is_first_name,
    is_role,
    is_sentence_start,
    lower_word_elsewhere,
    role_base,
    role_fuzzy,
)
from kdextract.records.org_places import muni_name
from kdextract.records.person_names import NAME_RUN, TOKEN, PeopleRules, common_noun, definite_noun, genitive_end
from kdextract.records.person_initials import find_initialled
from kdextract.records.person_names import name_ok as _name_ok
from kdextract.records.person_candidate import PCand
from kdextract.records.person_model import find_model
from kdextract.records.person_names import name_runs, noun_like, organisation_like, place_like, trim_never_names
from kdextract.records.person_roles import APPOINTED_AS, leading_title, role_after, role_before
from kdextract.records.person_run_ons import without_run_on_words
from kdextract.records.person_signatures import find_titled_signers
from kdextract.records.person_wraps import find_wrapped
from kdextract.records.word_index import word_index
from kdextract.text.fold import fold_key
from kdextract.text.lines import LineStart, line_after, line_before, lines_at
from kdextract.text.word_starts import WB_L, WB_R

if TYPE_CHECKING:
    from spacy.tokens import Doc

_CELL = compile_re(r"[^\t]+?(?=[ ]{2,}|\t|$)")
_CELL_SEP = compile_re(r",|\t")
_TRAILING_PARTY = compile_re(r"[ \t]*\([^()\n]{1,12}\)[ \t]*$")
_TRAILING_BRACKET = compile_re(r"\s*\([^)]*\)\s*$")
_ROLE_WORD_AFTER = compile_re(r"[ \t]+(\p{Ll}[\p{L}-]+)")
_WORDS = compile_re(r"\S+")
_SEMICOLON = compile_re(";")

#: The rule name of the people the protocol form lists; they win over any other reading of their words.
FORM_RULE = "people/form"
#: Form fields that list people (other fields hold names only where a form was read out of its columns).
_PEOPLE_FIELDS = frozenset({"attendance", "adjusters", "signature", "signatures", "author"})

_RULES = PeopleRules.load()
ATTENDANCE_LABELS = "|".join(_RULES.attendance_labels)
_ATT_START = LineStart(r"[ \t]*(?P<label>" + ATTENDANCE_LABELS + r")[ \t]*:?[ \t]*(?=\S)")
SIGNATURE_LABELS = _RULES.signature_labels
_SIG_LABEL = LineStart(r"[ \t]*(?P<l>" + "|".join(map(regex.escape, SIGNATURE_LABELS)) + r")[ \t]*:?"
                       r"[ \t]*(?P<rest>[^\n]*)$", regex.IGNORECASE)
_PARTY = compile_re(r"^\((?P<p>" + "|".join(map(regex.escape, _RULES.parties)) + r")\)$")
#: A party in brackets right after a name ("Maria Lind Berg (S)").
_PARTY_NEXT = compile_re(r"[ \t]*\((?:" + "|".join(map(regex.escape, _RULES.parties)) + r")\)")
#: A sentence's end right after a name, and a lower-case word of prose right before one.
_SENTENCE_CLOSE = compile_re(r"[.!?](?:[ \t\n]|$)")
_PROSE_BEFORE = compile_re(r"(?<![\p{L}\d])\p{Ll}{2,}[ \t]+$")
#: "Eva och Per Holm": two given names that share the surname after them (no third capital after it).
_COUPLE = compile_re(WB_L + r"(?P<g1>" + TOKEN + r")[ ]+(?:" + "|".join(map(regex.escape, _RULES.couple_joiners))
                        + r")[ ]+(?P<g2>" + TOKEN + r")[ ]+(?P<sur>" + TOKEN + r")" + WB_R + r"(?![ ]+\p{Lu})")
_CAPITAL_BEFORE = compile_re(r"\p{Lu}\p{Ll}*[ ]+$")
_SURNAME_AFTER = compile_re(r"[ ]+(" + TOKEN + r")" + WB_R)


# --------------------------------------------------------------------------- finders

def find_attendance(text: str) -> Iterator[PCand]:
    for m in _ATT_START.finditer(text):
        pos = m.end()
        first = True
        while pos < len(text):
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            line = text[pos:line_end]
            if not line.strip():
                break
            if not first and not (line[:1] in " \t" or "\t" in line):
                break
            lead = len(line) - len(line.lstrip())
            if not first:
                lm = _ATT_START.match(line)
                if lm and lm.start("label") == lead:
                    break  # another label: a new block
            yield from _attendance_line(text, pos + lead, line_end, muni_name)
            first = False
            pos = line_end + 1


def _attendance_line(text: str, s: int, e: int, muni_name: Callable[[str], str | None]) -> Iterator[PCand]:
    line = text[s:e]
    cells = [(c.start() + s, c.end() + s) for c in _CELL.finditer(line) if c.group().strip()]
    if not cells:
        return
    if len(cells) == 1:
        # "Ulla Rask Hedemora", "Anna Svensson, Gagnef": split the organisation off
        cs, ce = cells[0]
        if text.find(";", cs, ce) >= 0:  # "Eva Ek (M), ordförande; Bo Holm (S), ledamot": an entry each
            a = cs
            for b in [*(m.start() for m in _SEMICOLON.finditer(text, cs, ce)), ce]:
                while a < b and text[a] in " \t":
                    a += 1
                if a < b:
                    yield from _attendance_line(text, a, b, muni_name)  # no ";" in it: one level deep
                a = b + 1
            return
        cell = text[cs:ce]
        if "," in cell:
            i = cell.index(",")
            name_span, rest_span = (cs, cs + i), (cs + i + 1, ce)
        else:
            toks = list(_WORDS.finditer(cell))
            if len(toks) >= 3 and muni_name(toks[-1].group().strip("()")) is not None:
                name_span, rest_span = (cs, cs + toks[-2].end()), (cs + toks[-1].start(), ce)
            else:
                name_span, rest_span = (cs, ce), None
    else:
        name_span, rest_span = cells[0], (cells[1][0], cells[-1][1])
    ns, ne = name_span
    party = _TRAILING_PARTY.search(text[ns:ne])
    if party:  # "Anna Svensson (S)"
        ne = ns + party.start()
    while ne > ns and text[ne - 1] in " ,":
        ne -= 1
    tokens = text[ns:ne].split()
    if not _name_ok(tokens, text, strict=False):
        return
    role = org = None
    org_span = None
    if rest_span:
        rest = text[rest_span[0]:rest_span[1]].strip()
        parts = [p.strip() for p in _CELL_SEP.split(rest) if p.strip()]
        for p in parts:
            p_clean = _TRAILING_BRACKET.sub("", p).strip()
            if _PARTY.match(p):
                continue
            if p_clean and (is_role(p_clean) or is_role(p_clean.split()[0])) and role is None:
                role = p_clean
            elif org is None and p_clean:
                org = p_clean
                k = text.find(p_clean, rest_span[0])
                org_span = (k, k + len(p_clean)) if k >= 0 else None
    yield PCand(ns, ne, " ".join(tokens), rule="people/attendance_list", score=0.95,
                explanation="name in an attendance list", role=role, role_prio=3 if role else 0, org=org,
                org_span=org_span)


def find_signatures(text: str) -> Iterator[PCand]:
    """Name lines after 'Vid anteckningarna'/'Justeras' or above a title ('Sara Holm\\nKommundirektör')."""
    for s, e in lines_at(text, (m.start() for m in name_runs(text))):  # a name line holds a name run's start
        raw = text[s:e]
        line = raw.strip()
        party = _TRAILING_PARTY.search(line)
        if party and _PARTY.match(line[party.start():].strip()):
            line = line[:party.start()]  # "Eva Ek (M)" over "Ordförande"
        tokens = line.split()
        if not 2 <= len(tokens) <= 4 or not NAME_RUN.fullmatch(line):
            continue
        ls = s + raw.index(line)
        prev, nxt = line_before(text, s), line_after(text, e)
        label = SIGNATURE_LABELS.get(fold_key(prev).rstrip(":").replace("a", "a")) if prev else None
        if label is None and prev:
            for k, v in SIGNATURE_LABELS.items():
                if fold_key(prev).rstrip(":") == fold_key(k):
                    label = v
        # a title under the name; a line of names ("Eva Ek Per Holm") is no title: only other lines are compared
        below = nxt if nxt and not NAME_RUN.fullmatch(nxt) and role_fuzzy(nxt) else None
        if nxt and below is None and "," in nxt and role_fuzzy(head := nxt.split(",")[0].strip()):
            below = head  # "Nämndsekreterare, tfn 08-123 45 67": the title before the contact details
        next_role = below if below and fold_key(below).rstrip(":") not in SIGNATURE_LABELS else None
        given = is_first_name(tokens[0])
        if not (label or next_role or given):
            continue
        if not _name_ok(tokens, text, strict=not (label or next_role)):
            continue
        if label and _title_of_the_name_above(text, s, e):
            # "Eva Ek\nOrdförande\n\nAnna Wik\nSekreterare": the title above is Eva Ek's, the one below hers (none
            # where hers is no role: "Utdragsbestyrkande")
            label, next_role = None, SIGNATURE_LABELS.get(fold_key(below).rstrip(":"), below) if below else None
        role = label or next_role
        for a, b in _names_on_line(text, ls, ls + len(line)):
            yield PCand(a, b, text[a:b], rule="people/signature", score=0.9 if (label or next_role) else 0.75,
                        explanation="name line in a signature block" if (label or next_role)
                        else "name on a line of its own",
                        role=role, role_prio=1 if label else (3 if next_role else 0))
    for m in _SIG_LABEL.finditer(text):
        rest = m.group("rest").strip()
        if rest and NAME_RUN.fullmatch(rest) and _name_ok(rest.split(), text, strict=False):
            rs = m.start("rest") + m.group("rest").index(rest)
            for a, b in _names_on_line(text, rs, rs + len(rest)):
                yield PCand(a, b, text[a:b], rule="people/signature", score=0.9,
                            explanation=f"name after '{m.group('l')}'",
                            role=SIGNATURE_LABELS[m.group("l").lower()], role_prio=1)


def _title_of_the_name_above(text: str, start: int, end: int) -> bool:
    """The title line above the name line ``[start, end)`` belongs to a name above it: it stands right under
    that name, and it is farther from this name than the title below (a blank line between), or as near."""
    above = _nearest_lines(text, start, -1)
    below = _nearest_lines(text, end, 1)
    if len(above) < 2 or not below or above[1][1]:
        return False
    party = _TRAILING_PARTY.search(above[1][0])  # "Eva Ek (M)"
    if not NAME_RUN.fullmatch(above[1][0][:party.start()] if party else above[1][0]):
        return False
    return above[0][1] or not below[0][1]


def _nearest_lines(text: str, pos: int, step: int) -> list[tuple[str, bool]]:
    """The next two lines that are not blank, up (``step`` -1, from a line's start) or down (1, from its end),
    each with whether blank lines stand between it and the one before."""
    found: list[tuple[str, bool]] = []
    gap = False
    while len(found) < 2 and (pos > 0 if step < 0 else pos < len(text)):
        if step < 0:
            end = pos - 1
            pos = text.rfind("\n", 0, end) + 1
            line = text[pos:end].strip()
        else:
            start = pos + 1
            pos = text.find("\n", start)
            pos = len(text) if pos < 0 else pos
            line = text[start:pos].strip()
        if line:
            found.append((line, gap))
            gap = False
        else:
            gap = True
    return found


def _names_on_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names of a line of names ("Eva Ek Per Holm" under "Justerande"): two, or the line as one name."""
    found = [(e.start, e.end) for e in entries_in(text, start, end, "other")]
    return found if len(found) > 1 else [(start, end)]


def find_form(text: str) -> Iterator[PCand]:
    """The people of the protocol form: attendance, adjusters and signatures, and the members substitutes replace.

    Under a label for place or time a name counts only where the form shows it is one (a party, a
    role or a given name): "Gamla Tingshuset" there is the place.
    """
    category_roles = protocol_rules().category_roles
    for field, entries in form_entries(text):
        for e in entries:
            if field.label.field not in _PEOPLE_FIELDS and not (e.party or e.role or is_first_name(e.name.split()[0])):
                continue
            role = e.role or field.label.role or (category_roles.get(e.category) if field.label.field == "attendance"
                                                  and e.party else None)
            yield PCand(e.start, e.end, e.name, rule=FORM_RULE, score=0.95,
                        explanation=f"name under the form label '{field.label.label}'", role=role,
                        role_prio=3 if e.role else (1 if field.label.role else 0))
            if e.replaces and e.replaces_span:
                a, b = e.replaces_span
                yield PCand(a, b, e.replaces, rule=FORM_RULE, score=0.9,
                            explanation="the member a serving substitute replaces")


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
                                                     bracket=_PARTY_NEXT.match(text, take[-1][1]) is not None):
                    take.pop()
                names = [text[a:b] for a, b in take]
                if _name_ok(names, text, strict=True, bracket=_PARTY_NEXT.match(text, take[-1][1]) is not None,
                            party_after=len(take) > 2 and _person_after(text, take[-1][1], take[0][0])):
                    yield PCand(take[0][0], take[-1][1], " ".join(names), rule="people/given_name",
                                score=0.85, explanation=f"'{names[0]}' is a given name")
                    i = j
                    continue
            i += 1


def _person_after(text: str, end: int, start: int) -> bool:
    """What follows a name at ``end`` belongs to a person: a party in brackets ("Maria Lind Berg (S)") or a role
    after a comma ("…, ekonomichef") or "som" ("… som ekonomichef"); or the name, from ``start``, ends a sentence
    of prose ("Kontaktperson är Maria Lind Berg."), where no place follows a name without a comma."""
    return _PARTY_NEXT.match(text, end) is not None or role_after(text, end)[2] >= 2 \
        or _SENTENCE_CLOSE.match(text, end) is not None and _PROSE_BEFORE.search(text, max(0, start - 40), start) is not None


def find_role_named(text: str) -> Iterator[PCand]:
    """A capitalised pair tied to a role: 'Jan Berg som numera är räddningschef'."""
    for m in name_runs(text):
        toks, start, lead = m.group().split(), m.start(), leading_title(m.group())
        if lead is not None:  # "Avdelningschef Dragan Milić": the title opens the run, the name follows it
            toks, start = toks[1:], m.start() + lead[0]
        if len(toks) > 3 or is_sentence_start(text, start) and lower_word_elsewhere(text, toks[0]):
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
    for finder in (find_attendance, find_signatures, find_titled_signers, find_running, find_role_named,
                   find_wrapped, find_initialled):
        found.extend(finder(text))
    if ner is not None:
        found.extend(find_model(text, ner))
    for c in found:
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
    i, j = trim_never_names([text[a:b] for a, b in toks], _PARTY_NEXT.match(text, c.end) is not None)
    if j - i < 2:
        return None
    after = _ROLE_WORD_AFTER.match(text, toks[j - 1][1])
    if j - i > 2 and after is not None and is_role(after.group(1)):
        j -= 1  # "Eva Ek Administrativ chef": the capital before a role word belongs to the role
    start, end = toks[i][0], toks[j - 1][1]
    first = text[start:toks[i][1]]
    if c.rule == "model" and (noun_like(first) or definite_noun(first) or common_noun(first)
                              or place_like(text[toks[j - 1][0]:end])
                              or any(organisation_like(text[a:b]) for a, b in toks[i:j])):
        return None  # "Förstudie Underlag", "Kulturhuset Ekbo", "Skolans Hus", "Norra Ringvägen", "Ekby Tennisklubb"
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
