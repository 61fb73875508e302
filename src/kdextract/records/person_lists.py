"""Rule finders for the people of lists: attendance lists, signature blocks and the protocol form.

Each finder yields ``PCand`` (a full-name span, and where the list gives them a role and an organisation).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from kdextract.layout.form import protocol_rules
from kdextract.pattern_cache import compile_re
from kdextract.records.affiliation import role_and_org
from kdextract.records.attendance import entries_in
from kdextract.records.attendance_forms import form_entries
from kdextract.records.name_utils import is_first_name, is_role, role_fuzzy
from kdextract.records.org_places import muni_name
from kdextract.records.person_candidate import PCand
from kdextract.records.person_inverted import surname_before
from kdextract.records.person_names import NAME_RUN, PeopleRules, name_runs
from kdextract.records.person_names import name_ok as _name_ok
from kdextract.text.fold import fold_key
from kdextract.text.lines import LineStart, line_after, line_before, lines_at

_CELL = compile_re(r"[^\t]+?(?=[ ]{2,}|\t|$)")
_TRAILING_PARTY = compile_re(r"[ \t]*\([^()\n]{1,12}\)[ \t]*$")
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
    if not _name_ok(tokens, text, strict=False, party_after=party is not None):  # "Eva Ek Lund (S)": Lund no place
        return
    role, org, org_span = role_and_org(text, *rest_span) if rest_span else (None, None, None)
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


def _whole_name(name: str) -> bool:
    """A listed given name and a surname ("Lars Ek"): no surname in capitals before it belongs to it."""
    words = name.split()
    return len(words) > 1 and is_first_name(words[0]) and not is_first_name(words[-1])


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
            start, name = e.start, e.name
            if not _whole_name(e.name) and (sur := surname_before(text, e.start)) is not None:
                # "NGUYEN Thi Lan (S)", "ÖZTÜRK Cemal": the surname opens it ("KSAU Lars Ek": a whole name follows)
                start, name = sur, f"{text[sur:e.start].strip()} {e.name}"
            yield PCand(start, e.end, name, rule=FORM_RULE, score=0.95,
                        explanation=f"name under the form label '{field.label.label}'", role=role,
                        role_prio=3 if e.role else (1 if field.label.role else 0), org=e.organisation,
                        org_span=e.organisation_span)
            if e.replaces and e.replaces_span:
                a, b = e.replaces_span
                yield PCand(a, b, e.replaces, rule=FORM_RULE, score=0.9,
                            explanation="the member a serving substitute replaces")
