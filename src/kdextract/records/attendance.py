"""The names in an attendance value of a protocol form, each with party, role and whom they replace.

A form value lists people in whatever shape the form was written and the text extraction
left it: "Anna Ek (S), ordförande Per Berg (M)", "Eva Lund, kd, ersätter Ola Ek, c", one name
per line with the municipality after a comma, "Kommundirektör Lena Holm", or names side by
side with nothing between them ("Kristina Ek Bengt Holm"). Runs of capitalised words are cut
into names by ``records.attendance_names``; the words between names are read for the
party, role, organisation and substitution.

>>> text = "Eva Lund (S), ordförande Per Berg (M) ersätter Ola Ek (M) Kommundirektör Lena Holm"
>>> [(e.name, e.party, e.role, e.replaces) for e in entries_in(text, 0, len(text), "member")]
[('Eva Lund', 'S', 'ordförande', None), ('Per Berg', 'M', None, 'Ola Ek'), ('Lena Holm', None, 'Kommundirektör', None)]
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from kdextract.layout.form import AttendanceCategory
from kdextract.layout.columns import COLUMN_GAP
from kdextract.layout.words import is_role
from kdextract.pattern_cache import compile_re
from kdextract.records.affiliation import fields_after, role_and_org
from kdextract.records.attendance_names import Vocabulary, segment, vocabulary
from kdextract.records.person_names import PeopleRules

#: Tokens of an attendance value; an ordinal ("1:e", "2:a") is a word, so a ranked role ("2:e vice ordförande") is one.
_TOKEN = compile_re(
    r"(?P<party>\([ \t]*\p{L}{1,4}[ \t]*\))|(?P<word>\p{L}[\p{L}\p{M}'’-]*\.?|\d:[ae](?!\p{L}))|(?P<num>\d[\d\-–]*)"
    r"|(?P<punct>[,;:]|\.{2,}|…+|\.)|(?P<nl>\n)")
#: A capitalised name word; an apostrophe may join a prefix to it ("O'Connor", "d'Souza"), and a lower-case article
#: prefix of ``people.json``'s ``name_particles`` a surname ("al-Rashid", "el-Amin").
_NAME_TOKEN = compile_re(r"(?:\p{L}['’]|" + "|".join(map(regex.escape, PeopleRules.load().name_particles.prefixes))
                         + r")?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*")
#: What ends a run of capitalised words: a line break or a bracket ("Eva Ek (Försäkringskassan)"); a column gap (a tab
#: or three blanks) does once the run holds two words (the next column of a table: "Eva Ek\tJa", "Eva Ek     Skatteverket";
#: not "Eva\tEk").
_RUN_BREAKS = frozenset("\n()[]")


@dataclass
class Entry:
    """One person in an attendance value: the name's span and what the value says of them."""

    start: int
    end: int
    name: str
    category: AttendanceCategory
    party: str | None = None
    role: str | None = None
    replaces: str | None = None
    replaces_span: tuple[int, int] | None = None
    organisation: str | None = None
    organisation_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Tok:
    kind: str
    start: int
    end: int
    text: str


def entries_in(text: str, start: int, end: int, category: AttendanceCategory) -> list[Entry]:
    """The people listed in ``text[start:end]``, in order, with the attendance ``category`` of their label."""
    toks = [_Tok(m.lastgroup or "", m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
    names = _names(text, toks)
    entries = _attributes(text, toks, names, category)
    _affiliations(text, entries, end)
    return entries


def _affiliations(text: str, entries: list[Entry], end: int) -> None:
    """The role and organisation in the fields after each person's name ("Per Berg, enhetschef,
    Socialförvaltningen", "Olof Lind, Polisen", "Eva Ek (Polisen) och Per Lund (Region Ekby)"): a body there is the
    person's organisation, never their role."""
    for k, e in enumerate(entries):
        limit = entries[k + 1].start if k + 1 < len(entries) else end
        line_end = text.find("\n", e.end, end)
        span = fields_after(text, e.end, limit, end if line_end < 0 else line_end)
        if e.replaces_span is not None or span is None:
            continue  # no comma or bracket sets the words after the name off
        role, org, org_span = role_and_org(text, *span)
        if org is not None:
            e.organisation, e.organisation_span = org, org_span
            if e.role == org:
                e.role = role


def _is_name_token(tok: _Tok) -> bool:
    return tok.kind == "word" and _NAME_TOKEN.fullmatch(tok.text) is not None


def _names(text: str, toks: list[_Tok]) -> list[tuple[int, int]]:
    """Token index ranges ``[i, j)`` of the names among ``toks``."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not _is_name_token(toks[i]):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and (_is_name_token(toks[j]) or _particles_before_name(toks, j)) \
                and not _RUN_BREAKS.intersection(gap := text[toks[j - 1].end:toks[j].start]) \
                and not (j - i >= 2 and COLUMN_GAP.search(gap) is not None) \
                and not (j - i >= 2 and _role_follows(toks, j)):
            j += 1
        party = j < len(toks) and toks[j].kind == "party"
        member = party and toks[j].text.strip("() \t").casefold() in vocabulary().parties  # a person, no body
        after_comma = i > 0 and toks[i - 1].text == "," and not member and not _listed_after(text, toks, out, i)
        if not _affiliation(text, toks[i].start):
            out += [(i + a, i + b) for a, b in segment(text, [t.text for t in toks[i:j]], after_comma, party)]
        i = j
    return out


#: Between two names of a list of people: a comma, or a lower-case role set off by commas (", ordförande, ").
_PEOPLE_GAP = compile_re(r"[ \t]*,[ \t]*(?:\p{Ll}[\p{L} \t-]*,[ \t]*)?")


def _listed_after(text: str, toks: list[_Tok], names: list[tuple[int, int]], i: int) -> bool:
    """The words at ``i`` follow a comma right after the second of two names listed between commas ("Eva Ek,
    ordförande, Bo Holm, Zeynep Kaya"): one more person of the list, not the last one's organisation."""
    if len(names) < 2 or names[-1][1] != i - 1:
        return False
    (_, a), (b, _) = names[-2], names[-1]
    return _PEOPLE_GAP.fullmatch(text, toks[a - 1].end, toks[b].start) is not None


#: What may stand between a bracket and the words of an affiliation in it: capitals ("SPF", "PRO"), digits, blanks.
_AFFILIATION_LEAD = compile_re(r"[\p{Lu}\d \t]*+")


def _affiliation(text: str, pos: int) -> bool:
    """The capitalised words at ``pos`` stand in an open bracket after an attendee's name, opening what the bracket
    holds but for capitals ("Eva Ek (SPF Seniorerna Alfta)"): where the person comes from, no other person
    ("(ersättare för Ola Ek)" names one)."""
    line = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    opened = text.rfind("(", line, pos)
    if opened < 0 or text.rfind(")", line, pos) > opened or text.find(")", pos, len(text) if line_end < 0 else line_end) < 0:
        return False
    lead = _AFFILIATION_LEAD.match(text, opened + 1, pos)
    return lead is not None and lead.end() == pos


def _particles_before_name(toks: list[_Tok], j: int) -> bool:
    """One or two name particles at ``j`` and a capitalised word after them ("van der Berg", "bin Said")."""
    particles = vocabulary().particles
    for k in (j, j + 1):
        if k >= len(toks) or toks[k].text not in particles:
            return False
        if k + 1 < len(toks) and _is_name_token(toks[k + 1]):
            return True
    return False


def _role_follows(toks: list[_Tok], j: int) -> bool:
    """The capitalised word at ``j`` starts a role ("Administrativ chef Eva Ek"): a lower-case role word follows."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is not None and nxt.kind == "word" and nxt.text[:1].islower() and is_role(nxt.text.rstrip("."))


def _attributes(text: str, toks: list[_Tok], names: list[tuple[int, int]], category: AttendanceCategory) -> list[Entry]:
    v = vocabulary()
    starts = {i: j for i, j in names}
    entries: list[Entry] = []
    cur: Entry | None = None
    pending_role: str | None = None
    replaced_next = False
    i = 0
    while i < len(toks):
        tok = toks[i]
        if i in starts:
            j = starts[i]
            s, e = toks[i].start, toks[j - 1].end
            name = " ".join(t.text for t in toks[i:j])
            if replaced_next and cur is not None:
                cur.replaces, cur.replaces_span = name, (s, e)
                replaced_next = False
            elif _genitive(toks, j):
                pass  # "Karin Bergs rum": a place named after a person
            else:
                cur = Entry(s, e, name, category, role=pending_role)
                entries.append(cur)
                pending_role = None
            i = j
            continue
        low = tok.text.casefold()
        if tok.kind == "party" and cur is not None and cur.party is None:
            party = v.parties.get(tok.text.strip("() \t").casefold())
            if party:
                cur.party = party
        elif tok.kind == "word" and low in v.parties and i > 0 and toks[i - 1].text == "," \
                and cur is not None and cur.party is None and not _abbreviation_at(toks, i, v):
            cur.party = v.parties[low]  # "Eva Lund, s, ordförande"
        elif cur is not None and (size := _absent_at(toks, i, v)):
            cur.category = "absent"  # "Erik Sand (M), frånvarande"
            i += size
            continue
        elif (size := _replacement_at(toks, i, v)) and cur is not None:
            if any("ersättare" in t.text for t in toks[i:i + size]):
                cur.category = "serving_substitute"
            replaced_next = True
            i += size
            continue
        elif tok.kind == "word" and (size := _role_at(toks, i, v)):
            role = _role_text(toks, i, size, v)
            comma_before = i > 0 and toks[i - 1].text == ","
            opens = tok.text[0].isupper() or i == 0 or toks[i - 1].text == ";"  # "…; ekonomichef Olle Sand"
            if _role_line_at(toks, i, size):  # "Antecknare: Eva Ek" ends the list above it
                pending_role, category = role[:1].lower() + role[1:] if role[1:2].islower() else role, "official"
            elif opens and not comma_before and (i + size) in starts:
                pending_role = role  # "Kommundirektör Lena Holm"
            elif cur is not None and cur.role is None:
                cur.role = role
            elif cur is None and not comma_before:
                pending_role = role  # (", ordförande" after words that named no one is no role of the next name)
            i += size
            continue
        i += 1
    for entry in entries:
        _category_from_role(entry)
    return entries


def _role_line_at(toks: list[_Tok], i: int, size: int) -> bool:
    """The role phrase ``toks[i:i+size]`` opens its line as a label with a colon ("Sekreterare: Eva Ek"): it names
    the role of the person after it, who is none of the list above it (the absent, the members)."""
    return i > 0 and toks[i - 1].kind == "nl" and i + size < len(toks) and toks[i + size].text == ":"


def _genitive(toks: list[_Tok], j: int) -> bool:
    """The name that ends before token ``j`` is a genitive of a noun after it."""
    last, nxt = toks[j - 1].text, toks[j] if j < len(toks) else None
    return last.endswith("s") and nxt is not None and nxt.kind == "word" and nxt.text[:1].islower() \
        and not is_role(nxt.text.rstrip(".")) and nxt.text.casefold() not in vocabulary().parties \
        and _replacement_at(toks, j, vocabulary()) == 0


def _abbreviation_at(toks: list[_Tok], i: int, v: Vocabulary) -> int:
    """Tokens of a role abbreviation at ``i`` ("ordf", "v ordf", "vice ordf."), also one that a line break splits
    ("Eva Ek (S), vice" / "ordförande")."""
    ends: list[int] = []  # the token index after each of the next words, a single line break allowed between them
    k = i
    while k < len(toks) and len(ends) < 3 and toks[k].kind == "word":
        ends.append(k + 1)
        k += 2 if k + 2 < len(toks) and toks[k + 1].kind == "nl" and toks[k + 2].kind == "word" else 1
    for size in range(len(ends), 0, -1):
        if _words(toks, i, ends[size - 1]) in v.abbreviations:
            return ends[size - 1] - i
    return 0


def _words(toks: list[_Tok], i: int, j: int) -> str:
    """The words of ``toks[i:j]`` folded to a role's key ("vice ordf." → "vice ordf"), one blank apart."""
    return " ".join(t.text.casefold().rstrip(".") for t in toks[i:j] if t.kind == "word")


def _replacement_at(toks: list[_Tok], i: int, v: Vocabulary) -> int:
    words = [t.text.casefold() for t in toks[i:i + 4]]
    for phrase in v.replaces:
        if tuple(words[:len(phrase)]) == phrase and i + len(phrase) < len(toks) and _is_name_token(toks[i + len(phrase)]):
            return len(phrase)
    return 0


def _absent_at(toks: list[_Tok], i: int, v: Vocabulary) -> int:
    """Tokens of words at ``i`` that say the person before them was not there ("frånvarande")."""
    words = tuple(t.text.casefold() for t in toks[i:i + 2])
    return next((len(p) for p in v.absent if words[:len(p)] == p), 0)


def _role_at(toks: list[_Tok], i: int, v: Vocabulary) -> int:
    """Tokens of a role phrase at ``i``: a role word or abbreviation, or one after a coordinated first part ("kultur-
    och fritidschef"), and the lower-case words after it."""
    size = _abbreviation_at(toks, i, v)
    if not size and toks[i].text.endswith("-") and i + 2 < len(toks) and toks[i + 1].text in ("och", "eller"):
        size = 3 if is_role(toks[i + 2].text.rstrip(".")) else 0
    if not size and not is_role(toks[i].text.rstrip(".")):
        return 0
    size = size or 1
    while i + size < len(toks):
        t = toks[i + size]
        if t.kind != "word" or not t.text[:1].islower() or t.text.casefold() in v.parties \
                or _replacement_at(toks, i + size, v) or _joins_a_name(toks, i + size, v):
            break
        size += 1
    return size


def _joins_a_name(toks: list[_Tok], i: int, v: Vocabulary) -> bool:
    """``toks[i]`` joins the next person to a role ("Eva Ek (Polisen) och Per Lund"): no word of the role."""
    return toks[i].text in v.joiners and i + 1 < len(toks) and _is_name_token(toks[i + 1])


def _role_text(toks: list[_Tok], i: int, size: int, v: Vocabulary) -> str:
    abbr = _abbreviation_at(toks, i, v)
    head = v.abbreviations[_words(toks, i, i + abbr)] if abbr else None
    words = [t.text for t in toks[i + abbr:i + size]] if abbr else [t.text for t in toks[i:i + size]]
    return " ".join(([head] if head else []) + words).strip().rstrip(".")  # "…, sekreterare." ends the list


def _category_from_role(entry: Entry) -> None:
    role = (entry.role or "").casefold()
    if "ej tjänstgörande" in role or "ej beslutande" in role:
        entry.category = "substitute"
    elif "tjänstgörande ersättare" in role or entry.replaces and entry.category == "substitute":
        entry.category = "serving_substitute"  # a substitute in for a member ("tjänstgör för Erik Sand") serves
