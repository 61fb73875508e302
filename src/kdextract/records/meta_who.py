"""Who issued and who wrote the document: organisation, body (board or committee), author, diarienummer.

* organisation: named in the title ("Minnesanteckningar från Skaraborgs kommunalförbund"); a
  letterhead or running header ("HEDEMORA KOMMUN PROTOKOLL", "Sundsvallsregionen"); a footer
  ("Postadress: Ekby kommun"); the municipality where the meeting was held ("Kommunhuset,
  Arjeplog"); else the municipality the text names most. Written in its official form
  ("Arjeplogs kommun", "Heby kommun", "Falu kommun", "Sundbybergs stad").
* body: "Organ" in the notice box, else a board or committee named in the head or headers.
* author: see ``records.meta_author``.
* diarienummer: after a Dnr label in the head, in its real shapes ("KSN-2016-1123", "KS/2017:215").
"""

from __future__ import annotations


import regex

from kdextract.layout.lines import COLUMN_GAP, Line
from kdextract.layout.rules import rules as section_rules
from kdextract.pattern_cache import compile_re
from kdextract.records.meta_reader import Reader, meta_rules
from kdextract.records.name_utils import ambiguous_municipality_names, is_first_name, kind_words, official_name
from kdextract.text.word_starts import after_blanks

_PLACE_WORDS = compile_re(r"\p{Lu}[\p{L}-]+")
#: "<Place> kommun": a place word read whole, never given back (nothing in it can be a blank), and a
#: failed start skips to its run's end (later starts in the run share the failing rest): linear time.
_MUNICIPALITY = compile_re(r"(?<![\p{L}])(?P<place>\p{Lu}[\p{L}-]++(*SKIP)(?:[ \t]\p{Lu}[\p{L}-]++)?)[ \t]+"
                              r"(?P<word>" + kind_words("municipality") + r")(?:en|s)?(?![\p{L}])", regex.IGNORECASE)
#: A region's or county council's word right before a place word, perhaps over one more place word ("Region
#: Stockholm", "Region Jämtland Härjedalen"), and a county's word after one ("Stockholms län"): the place names the
#: region or county, not its municipality.
_REGION_BEFORE = compile_re(r"(?<![\p{L}])(?:" + kind_words("region") + r")(?:et|en)?[ \t]+(?:\p{Lu}[\p{L}-]*[ \t]+)?\Z",
                            regex.IGNORECASE)
#: The county's word after the place's blanks (matched from the word: ``after_blanks``).
_COUNTY_AFTER = compile_re(r"(?:" + kind_words("county") + r")s?(?![\p{L}])")
#: Form fields that name where the meeting was held or the protocol is kept.
_PLACE_FIELDS = ("place_time", "place", "adjustment", "storage")
#: A label in a later column of its line (three blanks or a tab before it), as PDF text lays out a table.
_AFTER_COLUMN_GAP = compile_re(r"(?:\t|[ ]{3})[ \t]*$")
#: A day written as digits: no diarienummer, however its separators look.
_ISO_DAY = compile_re(r"\d{4}-\d{2}-\d{2}(?!\d)")
#: A word of letters (a line in capitals is cased word by word).
#: A cell of a line: words parted by single blanks (a column gap of two or more parts two cells).
_CELL = compile_re(r"\S+(?:[ ]\S+)*")


def read_organisation(r: Reader, title: Line | None) -> str | None:
    rules = meta_rules()
    if title and (m := rules.org_title.search(title.text)):
        r.note("organisation", title.start + m.start("org"), title.start + m.end("org"), "org_title", "named in the title")
        return str(m.group("org"))
    for line in r.cover()[:HEADER_LINES] + r.page_headers:
        if len(line.text) > LETTERHEAD_CHARS:
            continue
        found = _issuer_in(line.text)
        if found is not None:
            r.note("organisation", line.start, line.end, "org_letterhead", "letterhead or running header")
            return found
    for line in r.lines:
        if line.kind == "contact" and (m := _MUNICIPALITY.search(line.text)) and official_name(m.group("place")):
            r.note("organisation", line.start + m.start(), line.start + m.end(), "org_footer", "the footer's address")
            return official_name(m.group("place"))
    for field, _ in r.fields(*_PLACE_FIELDS):
        for m in _PLACE_WORDS.finditer(r.text, field.value_start, field.value_end):
            name = official_name(m.group())
            if name:
                r.note("organisation", m.start(), m.end(), "org_place", f"the meeting place under '{field.label.label}'")
                return name
    return _most_named(r)


#: Head lines searched for a letterhead, and the longest line taken for one.
HEADER_LINES = 15
LETTERHEAD_CHARS = 100


def _issuer_in(line: str) -> str | None:
    """A letterhead's issuer: "<X> kommun", "<X>s stad", "Region X", a cooperation "<X>regionen", a company or a
    federation whose own minutes these are ("Ekby Energi AB", "Ådalens kommunalförbund")."""
    rules = meta_rules()
    m = _MUNICIPALITY.search(line)
    if m is not None and (name := official_name(m.group("place").split()[-1])):
        return name
    first = COLUMN_GAP.split(line.strip())[0]  # the letterhead's first column ("REGION X      PROTOKOLL")
    m = rules.org_letterhead.match(_cased(first) if first.isupper() else first)
    if m is not None and m.group("org").split()[-1].casefold() not in ("kommun", "stad"):
        return str(m.group("org"))
    m = rules.cooperation.search(line)
    if m is not None:
        name = m.group("name")
        return name.title() if name.isupper() else name
    m = rules.org_own.match(line) or rules.org_own.match(first)  # alone or in the first column
    if m is not None:  # the company or federation whose own minutes these are
        name = " ".join(m.group("org").split())
        if not name.isupper():
            return name
        *words, last = name.split()
        return " ".join([w.title() for w in words] + [last if len(last) <= 2 else last.lower()])  # "AB" stays
    return None


def _cased(name: str) -> str:
    """A letterhead in capitals as a name is written: "REGION JÄMTLAND HÄRJEDALEN" -> "Region Jämtland Härjedalen"."""
    return " ".join(w.lower() if w == "LÄN" else w.title() for w in name.split())


def _most_named(r: Reader) -> str | None:
    """The municipality the text names most: "<X> kommun" counts twice, a name in an attendance list
    (where members' municipalities stand) a quarter."""
    counts: dict[str, float] = {}
    first: dict[str, tuple[int, int]] = {}
    lists = {"attendance", "signature", "adjusters"}
    for pattern, weight in ((_MUNICIPALITY, 2.0), (_PLACE_WORDS, 1.0)):
        for m in pattern.finditer(r.text):
            place = m.group("place").split()[-1] if pattern is _MUNICIPALITY else m.group()
            if pattern is _PLACE_WORDS and (_surname_or_word(r.text, m.start(), place)
                                            or _region_or_county(r.text, m.start(), m.end())):
                continue
            name = official_name(place)
            if name:
                counts[name] = counts.get(name, 0.0) + (weight / 4 if r.inside_field(m.start(), lists) else weight)
                first.setdefault(name, m.span())
    if not counts:
        return None
    best = min(counts, key=lambda n: (-counts[n], first[n][0]))
    r.note("organisation", *first[best], "org_named_most", "the municipality the text names most")
    return best


def _region_or_county(text: str, start: int, end: int) -> bool:
    """The place word at ``start``-``end`` is part of a region's or a county's name ("Region Stockholm")."""
    return _REGION_BEFORE.search(text, max(0, start - 60), start) is not None \
        or (gap := after_blanks(text, end)) > end and _COUNTY_AFTER.match(text, gap) is not None


def _surname_or_word(text: str, start: int, place: str) -> bool:
    """A bare municipality name that is a common word ("Mark", "Vara") or a surname after a given name
    ("Jonas Berg"): no sign of the municipality."""
    if place in ambiguous_municipality_names():
        return True
    before = text[max(0, start - 40):start].split()
    return bool(before) and is_first_name(before[-1])


def read_body(r: Reader) -> str | None:
    """The board or committee: "Organ" in the notice box, else one named in the head or a running header."""
    rules = meta_rules()
    for field, _ in r.fields("body"):
        m = rules.body.match(r.text, field.value_start, field.value_end)
        if m is not None:
            r.note("body", m.start(), m.end(), "body_organ", f"under '{field.label.label}'")
            return m.group("body")
    for line in r.cover()[:HEADER_LINES]:
        if line.kind in ("agenda", "paragraph", "entry") or r.inside_field(line.start, {"attendance"}):
            continue
        m = rules.body_search.search(_cased_in_place(line.text) if line.text.isupper() else line.text)
        if m is not None:  # (a letterhead in capitals: "KOMMUNSTYRELSEN" names 'Kommunstyrelsen')
            r.note("body", line.start + m.start(), line.start + m.end(), "body_header", "a board named in the header")
            return m.group("body")
    return None


def _cased_in_place(line: str) -> str:
    """A line in capitals with each cell in sentence case as a body's name is written ("KOMMUNSTYRELSENS
    ARBETSUTSKOTT" → "Kommunstyrelsens arbetsutskott", "BARN- OCH UTBILDNINGSNÄMNDEN"), every character where it
    was."""
    return _CELL.sub(lambda c: c.group().capitalize(), line)


def _same_column(text: str, at: int, line: str, start: int) -> tuple[str, int]:
    """The part of ``line`` (its content starting at ``start``) from the column that holds ``at`` in its own
    line on: the word that starts there or runs over it. The whole line where it is shorter."""
    column = at - (text.rfind("\n", 0, at) + 1)
    k = column - (start - (text.rfind("\n", 0, start) + 1))
    if k <= 0 or k >= len(line):
        return line, start
    while k > 0 and not line[k - 1].isspace():
        k -= 1
    return line[k:], start + k


def read_diarienummer(r: Reader) -> str | None:
    rules = meta_rules()
    case = section_rules().case
    for field, _ in r.fields("case"):
        m = case.search(r.text, field.value_start, field.value_end) or rules.dnr.search(r.text, field.value_start,
                                                                                         field.value_end)
        if m is not None and not _ISO_DAY.fullmatch(m.group().strip()):
            r.note("diarienummer", m.start(), m.end(), "dnr_form", f"under '{field.label.label}'")
            return m.group().strip()
    cover = r.cover()
    for i, line in enumerate(cover):
        label = rules.dnr_label.search(line.text)
        if not label or _table_head(cover, i):
            continue  # (a table's "Dnr" column heads the rows' case numbers, not the document's)
        below = [(ln.text, ln.start) for ln in r.head[i + 1:i + 3]]
        if _AFTER_COLUMN_GAP.search(line.text, 0, label.start()):
            below = [_same_column(r.text, line.start + label.start(), *b) for b in below]
        after = line.text[label.end():]
        pad = len(after) - len(after.lstrip(" \t"))  # "Dnr:       REV 2026/07": a label set apart in a column
        for candidate, offset in ((after[pad:], line.start + label.end() + pad), *below):
            m = rules.dnr.search(candidate)
            c = case.search(candidate)
            if c is not None and c.start() <= 2 and (m is None or m.start() > 2 or len(c.group()) > len(m.group())):
                m = c
            if m and m.start() <= 2 and not _ISO_DAY.fullmatch(m.group().strip()):
                value = str(m.group()).strip()
                r.note("diarienummer", offset + m.start(), offset + m.start() + len(value), "dnr_label", "after a Dnr label")
                return value
    for line in r.head:
        if d := rules.dated_case.match(line.text):
            r.note("diarienummer", line.start + d.start("case"), line.start + d.end("case"), "dnr_dated_line",
                   "a case number beside the date in the head")
            return str(d.group("case"))
    for above, line in zip(r.head, r.head[1:]):  # "2026-11-12" over "RS-LED26-1184" in the head's right column
        day = _DAY_ENDS_LINE.search(above.text)
        case_number = rules.case_under_date.fullmatch(line.text)
        if day and case_number and abs(_column(r.text, line.start) - _column(r.text, above.start + day.start(1))) <= 2:
            r.note("diarienummer", line.start, line.end, "dnr_under_date", "a case number under the date in the head")
            return line.text
    return None


#: A day that ends a line, alone or after a column gap.
_DAY_ENDS_LINE = compile_re(r"(?:^|\t|[ ]{3})[ \t]*(\d{4}-\d{2}-\d{2})[ \t]*$")


def _column(text: str, at: int) -> int:
    """The column of offset ``at`` in its line."""
    return at - text.rfind("\n", 0, at) - 1


def _table_head(lines: list[Line], i: int) -> bool:
    """Line ``i`` heads a table: three cells or more set apart by wide gaps, each a label of at most three words and
    no digit ("Dnr   Beslutsdatum   Ärende   Beslut"), over two rows of as many cells or more (a form's labels stand
    over one row of values)."""
    cells = [_cells(ln.text) for ln in lines[i:i + 3]]
    return len(cells) == 3 and len(cells[0]) >= 3 and all(len(c) >= len(cells[0]) for c in cells[1:]) \
        and all(len(c.split()) <= 3 and not any(ch.isdigit() for ch in c) for c in cells[0])


def _cells(text: str) -> list[str]:
    return [c for c in COLUMN_GAP.split(text.strip()) if c.strip()]
