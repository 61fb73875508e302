"""Which organisation candidates are none, and where a name the model found ends.

* a one-word name right after a given name is that person's surname ("Nils Ekwall", "Maja
  Lindholm"), whichever recogniser found it;
* the model's names stop where a form label begins ("Lund Besöksadress" → "Lund",
  "Underskrift Sekreterare" → nothing; labels in ``form_labels`` of organisations.json);
* an agency's regional division named right after it is that agency ("Trafikverket Region Nord");
* a board's abbreviation ("KS") is an alias of the board written out elsewhere, never an
  organisation of its own, and in a case number ("KS 21/9", "KS/2011:") or a room's name
  ("KS-salen") it names no organisation at all;
* a name the text also gives a project ("projektet X") is the project's, no organisation's;
* letters that the text defines as a person's initials ("JK = Johan Kärrman" in a table's legend) name
  that person, whatever agency they also abbreviate;
* a name right after a project word ("projektet Papperslös nämnd") is the project's (``records.projects``), but
  a municipality's, region's, agency's or company's, which no project's name can be.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import is_first_name, org_rules
from kdextract.records.org_candidates import Cand
from kdextract.records.project_rules import rules as project_rules
from kdextract.text.fold import fold, fold_key
from kdextract.text.word_starts import after_blanks

_NAME_BEFORE = compile_re(r"(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]+\Z", regex.V1)
_TOKEN = compile_re(r"[^\s,;:()]+", regex.V1)
#: After an abbreviation: a case number ("KS 20/5", "KS/2006:", "KS 2014/12") or a room ("KS-salen").
_NOT_A_BODY_AFTER = compile_re(r"[ \t]*(?:/|\d+[ \t]*[/:])|-?(?:salen|rummet|sal|rum)\b", regex.V1 | regex.I)
ABBREVIATION_RULE = "organisations/board_abbreviation"


#: A legend of initials: "JK = Johan Kärrman", "ES: Emma Sandgren".
_INITIALS = compile_re(r"(?<![\p{L}\p{N}])(?P<abbr>\p{Lu}{2,4})[ \t]*[=:][ \t]*(?P<given>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
                          r"[ \t]+(?P<surname>\p{Lu}\p{Ll}+)", regex.V1)


def person_initials(text: str) -> frozenset[str]:
    """The letters ``text`` defines as a person's initials: a given name's and a surname's first letters."""
    return frozenset(m.group("abbr") for m in _INITIALS.finditer(text) if is_first_name(m.group("given"))
                     and m.group("abbr")[0] == m.group("given")[0] and m.group("abbr")[-1] == m.group("surname")[0])


def is_surname(text: str, c: Cand) -> bool:
    """A one-word candidate right after a given name: the person's surname."""
    if " " in c.text.strip() or c.full > 3:
        return False
    m = _NAME_BEFORE.search(text, max(0, c.start - 30), c.start)
    return m is not None and is_first_name(m.group(1))


#: After a form label: a page number ("Sida 2 (3)", "Sida 83"), or the end of its cell (a column gap, the line's end).
_PAGE_NUMBER_AFTER = compile_re(r"[ \t]+\d{1,3}(?!\d)", regex.V1)
_CELL_END = compile_re(r"[ \t]*(?:\n|\Z)|\t|[ ]{3}", regex.V1)
_CELL_START = compile_re(r"(?:\t|[ ]{3})[ \t]*\Z", regex.V1)


def is_form_label(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is one word, a form label over or before a page number ("Sida" in a protocol's header:
    "Sammanträdesdatum        Sida", "Sida 2 (3)"), not the organisation of that name."""
    if fold_key(text[start:end].strip()) not in _labels():
        return False
    if _PAGE_NUMBER_AFTER.match(text, end) is not None:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    cell_start = not text[line_start:start].strip() or _CELL_START.search(text, line_start, start) is not None
    return cell_start and _CELL_END.match(text, end) is not None


@lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    return frozenset(fold_key(w) for w in org_rules().form_labels.words)


def without_labels(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` cut before the first form label in it (leading labels dropped), or None if
    nothing but labels is left."""
    labels = _labels()
    kept: list[tuple[int, int]] = []
    for t in _TOKEN.finditer(text, start, end):
        if fold_key(t.group().rstrip(".")) in labels:
            if kept:
                break
            continue
        kept.append(t.span())
    if not kept:
        return None
    return kept[0][0], kept[-1][1]


def abbreviation_elsewhere(text: str, start: int, end: int) -> bool:
    """A board abbreviation used in a case number or a room's name (no mention of the board)."""
    return _NOT_A_BODY_AFTER.match(text, end) is not None


#: A decision cited by the board's abbreviation, its meeting's day and its paragraph ("KS 2026-09-08 § 143", "KF §
#: 45"; a line break may come before the §), matched after the abbreviation's blanks (``after_blanks``).
_CITED = compile_re(r"(?:§|\d{4}-\d\d-\d\d[ \t]*\n?[ \t]*§)[ \t]*\d")


#: The board's decision cited later in its clause, by its day and § ("KF gav uppdraget den 22 juni 2026, § 71").
_CITED_IN_CLAUSE = compile_re(r"[^.;§\n]{1,60}§[ \t]*\d")


def _cites(text: str, end: int) -> bool:
    """A cited decision's day or paragraph follows the abbreviation that ends at ``end``, after blanks."""
    gap = after_blanks(text, end)
    return gap > end and _CITED.match(text, gap) is not None


def only_abbreviations(text: str, cands: Iterable[Cand]) -> bool:
    """A group whose every mention is a board abbreviation ("KS" without "Kommunstyrelsen") that cites no decision of
    the board ("KS 2026-09-08 § 143", "KF gav uppdraget den 22 juni 2026, § 71" name the board on their own)."""
    return all(c.rule == ABBREVIATION_RULE and not _cites(text, c.end)
               and _CITED_IN_CLAUSE.match(text, c.end) is None for c in cands)


_BLANKS = compile_re(r"[ \t]+")


def regional_divisions(text: str, cands: list[Cand]) -> list[Cand]:
    """``cands`` with each listed agency that a "Region X" follows read as one name ("Trafikverket Region
    Väst"), keyed as the agency so that its other mentions join it."""
    regions = {c.start: c for c in cands if c.rule == "organisations/head_then_name" and c.kind == "region"}
    out: list[Cand] = []
    taken: set[int] = set()
    for c in sorted(cands, key=lambda c: c.start):
        if id(c) in taken:
            continue
        gap = _BLANKS.match(text, c.end)
        r = regions.get(gap.end()) if gap is not None and c.kind == "agency" and c.method == "gazetteer" else None
        if r is None:
            out.append(c)
            continue
        taken.add(id(r))
        form = f"{c.form} {r.form}"
        out.append(Cand(c.start, r.end, text[c.start:r.end], kind="agency", key=c.key, form=form, full=4,
                        rule="organisations/agency_region", method="rule", score=0.85,
                        explanation=f"{c.form}'s regional division {r.form!r}",
                        canonical=c.canonical or c.form))
    return [c for c in out if id(c) not in taken]


#: The kinds of organisation whose name after a project word is no project's (``project_names.ok_name``).
_NO_PROJECT_KINDS = frozenset({"municipality", "region", "agency", "company"})
#: The key of a municipal board's or committee's name (``Socialnämnden``): a committee's is never a project's name.
_BOARD_KEY = "body:"
#: How far before a name its project word is looked for (characters).
_PROJECT_WORD_WINDOW = 40


def named_as_project(text: str, c: Cand) -> bool:
    """``c`` opens right after a project word ("projektet Papperslös nämnd", "satsningen …"): a project's name, no
    organisation's, unless it is of a kind that no project's name is or a board's compound ("satsningen Socialnämnden
    och …": the board takes part in it)."""
    if c.kind in _NO_PROJECT_KINDS or (c.kind == "committee" and c.key.startswith(_BOARD_KEY)):
        return False
    window = fold(text[max(0, c.start - _PROJECT_WORD_WINDOW):c.start])
    if "\n" in window[len(window.rstrip()):]:
        return False  # a project word at a line's end ("Rapporten om projektet" / "Kultur- och … beslutar")
    return any(m.end() == len(window) for m in project_rules().intro.finditer(window))


def without_projects(text: str, groups: dict[str, list[Cand]], cands: Iterable[Cand]) -> dict[str, list[Cand]]:
    """``groups`` less those whose name the text also gives a project, right after a project word, among ``cands``
    ("Projektet Förskolan Solbacken byggs om. Förskolan Solbacken flyttar …"): one name, one record type."""
    projects = {fold_key(c.form) for c in cands if named_as_project(text, c)}
    return {k: cs for k, cs in groups.items() if not projects or not any(fold_key(c.form) in projects for c in cs)}


#: The rest of a line after a name that heads it: nothing, or a dash or a bar and a title ("– Politik och möten").
_LINE_HEAD_REST = compile_re(r"[ \t]*(?:[–|-][^\n]*)?(?:\n|\Z)")


def heads_line(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` opens its line, alone on it or before a dash or a bar: a letterhead's or a page header's
    name ("Ekby kommun – Politik och möten", "Ekby kommun | Socialförvaltningen")."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _LINE_HEAD_REST.match(text, end) is not None
