"""Who wrote the document: the protocol's secretary (the "Sekreterare"/"Vid protokollet" signature, or the listed
participant whose role is secretary), a memo's "Handläggare", a name above a title at the end; a notice's chair."""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.layout.form import form_label
from kdextract.layout.columns import cells
from kdextract.layout.lines import Line
from kdextract.layout.rules import rules as section_rules
from kdextract.layout.signature_rows import column_pairs
from kdextract.models import DocumentKind
from kdextract.pattern_cache import compile_re
from kdextract.records.meta_byline import byline, in_header
from kdextract.records.meta_reader import Reader, meta_rules
from kdextract.records.name_utils import is_first_name, is_role
from kdextract.text.cell_lines import cell_tables


#: A word of a signature row.
_WORD = compile_re(r"\S+")


def read_author(r: Reader, kind: DocumentKind | None = None) -> str | None:
    """The writer: a secretary or author in the form, a signature, a running header or (for ``kind`` in
    ``byline_kinds``) a byline in the head; for ``kind`` in ``convener_kinds`` first the chair who signs it. In
    ``minutes_kinds`` an author label inside an item names its case officer, taken only where nothing else names one."""
    rules = meta_rules()
    if kind in rules.data.convener_kinds and not _mailed(r) and (
            chair := _chair_signing(r) or _chair_under_label(r) or _chair_over_agenda(r)):
        return chair
    officer: tuple[int, int, str] | None = None  # an author label inside an item of minutes: its case officer
    for field, entries in r.fields("signature", "author"):
        if not entries or not (field.label.role == "sekreterare" or field.label.field == "author"):
            continue
        why = f"the name under '{field.label.label}'"
        if field.label.field == "author" and kind in rules.data.minutes_kinds and r.sections \
                and field.label_start > r.sections[0].start:
            officer = officer or (entries[0].start, entries[0].end, why)
            continue
        return _noted_author(r, entries[0].start, entries[0].end, why)
    if not _secretary_in_head(r) and (row := _signature_row(r)) is not None:
        return row
    stacked = False
    for field, entries in r.form:  # "Sekreterare Ordförande Justerande Eva Ek Per Holm …": the first name
        if field.label.role == "sekreterare" and field.value_start == field.value_end:
            stacked = True
        elif stacked and field.label.field in ("signature", "signatures") and field.value_start == field.value_end:
            continue
        elif stacked and entries:
            return _noted_author(r, entries[0].start, entries[0].end, "the first name under stacked signature labels")
        else:
            stacked = False
    for field, entries in r.form:
        for e in entries:
            if e.role and rules.secretary.match(e.role):
                return _noted_author(r, e.start, e.end, f"listed as {e.role}")
    found = _signed(r, kind in rules.data.minutes_kinds, kind in rules.data.convener_kinds) or in_header(r) \
        or (byline(r) if kind in rules.data.byline_kinds else None)
    return found if found is not None or officer is None else _noted_author(r, *officer)


def _signature_row(r: Reader) -> str | None:
    """The secretary of a flattened signature row: capitalised one-word labels side by side over as many given names
    and surnames, one blank between all words ("Ordförande Justerande Utdragsbestyrkande" over "Eva Ek Per Holm Anna
    Wik"), the name in the column of a ``signature_row_writers`` label. The labels' row is read as the input has it:
    the layout step may have set each label on a line of its own."""
    labels, writers = _row_rules()
    for i in range(1, len(r.tail)):
        below, first = r.tail[i], i - 1
        while first and "\n" not in r.view.input_text(r.tail[first - 1].end, r.tail[first].start):
            first -= 1  # (a line break the layout step put in between two labels)
        heads = [w for line in r.tail[first:i] for w in line.text.split()]
        row = r.view.input_text(r.tail[first].start, r.tail[i - 1].end)
        if len(heads) < 2 or not all(w[:1].isupper() and labels.match(w) for w in heads) \
                or " ".join(row.split()) != row or " ".join(below.text.split()) != below.text.strip():
            continue  # (a wide gap between them: the columns of names over their titles, ``_signer``)
        words = [m.span() for m in _WORD.finditer(r.text, below.start, below.end)]
        column = next((k for k, w in enumerate(heads) if writers.match(w)), None)
        if column is None or len(words) != 2 * len(heads) or not all(
                is_first_name(r.text[slice(*words[2 * k])]) and r.text[words[2 * k + 1][0]].isupper()
                for k in range(len(heads))):
            continue
        start, end = words[2 * column][0], words[2 * column + 1][1]
        return _noted_author(r, start, end, f"the name under '{heads[column]}' in a signature row")
    return None


def _secretary_in_head(r: Reader) -> bool:
    """A head line names the secretary after their label outside a form ("Sekreterare: Eva Ek"): that is the author,
    not the name under a signature row's label."""
    rules = meta_rules()
    return any((m := rules.author_label.match(line.text)) is not None and _secretary(line.text[:m.start("name")])
               and rules.person.match(m.group("name").strip()) is not None for line in r.head)


@lru_cache(maxsize=1)
def _row_rules() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    data = meta_rules().data
    return compile_re(data.signature_row_labels, regex.IGNORECASE), compile_re(data.signature_row_writers,
                                                                              regex.IGNORECASE)


def _noted_author(r: Reader, start: int, end: int, why: str) -> str:
    r.note("author", start, end, "author_form", why)
    return " ".join(r.text[start:end].split())


def _signed(r: Reader, protocol: bool, agenda: bool) -> str | None:
    """The signer at the end, else a memo header's author or sender; in an ``agenda`` (a kallelse) an item's
    presenter ("Föredragande: Eva Ek" under an item) is no author."""
    tail = r.tail
    if labelled := protocol and _after_label(r, tail, "a signature label", agenda=agenda, run_in=False) \
            or _after_label(r, tail, "a signature label", agenda=agenda):
        return labelled
    if secretary := _secretary_signing(r, tail):
        return secretary
    for i in range(len(tail) - 2, -1, -1):
        if (found := _signer(r.text, tail[i], tail[i + 1], protocol)) is not None:
            name, at = found
            r.note("author", at, at + len(name), "signature", "name above a title at the end")
            return name
    return _party_signer(r, tail) or _after_label(r, r.head, "a memo header's label", agenda=agenda) \
        or _after_label(r, r.head, "a memo's sender", meta_rules().sender_label) or _signer_with_title(r) \
        or _after_label(r, r.head, "a label run into the head", meta_rules().inline_author_label)


#: A sentence's end before a label on its line: "Beviljat 2028-02-02. Avgift 9 840 kr. Handläggare Eva Ek".
_SENTENCE_BEFORE = compile_re(r"[.!?][ \t]")


def _party_signer(r: Reader, lines: list[Line]) -> str | None:
    """The first of the signers at the end who give their party instead of a title, side by side or one a line
    ("Eva Ek (C)     Per Holm (KD)" under a motion): every column of those last lines a name and a party."""
    first: tuple[Line, int, str] | None = None
    for line in reversed([line for line in lines if line.text]):
        columns = _columns(line.text)
        found = [(meta_rules().person.match(text.strip()), at) for text, at in columns if text.rstrip().endswith(")")]
        if not found or len(found) != len(columns) or any(m is None for m, _ in found):
            break
        m, at = found[0]
        assert m is not None
        first = (line, at, str(m.group("name")))
    if first is None:
        return None
    line, at, name = first
    r.note("author", line.start + at, line.start + at + len(name), "signature", "the first signer, with a party")
    return name


def _secretary_signing(r: Reader, lines: list[Line]) -> str | None:
    """A signature that gives the secretary's title after the name on its line ("Eva Ek, sekreterare")."""
    rules = meta_rules()
    for line in reversed(lines):
        for column, at in _columns(line.text):
            head, comma, title = column.partition(",")
            name = rules.person.match(head.strip()) if comma and rules.secretary.match(title.strip()) else None
            if name is not None:
                start = line.start + at + (len(head) - len(head.lstrip()))
                r.note("author", start, start + len(name.group("name")), "signature", "the secretary's signature")
                return str(name.group("name"))
    return None


def _mailed(r: Reader) -> bool:
    """The document opens with an e-mail's sender line ("Från: …"): its sender wrote it."""
    first = next((line for line in r.head if line.text.strip()), None)
    return first is not None and bool(meta_rules().mail_from.match(first.text))


def _chair_signing(r: Reader) -> str | None:
    """The signer whose title is a chair's, on their line ("Eva Ek, ordförande", "Ordförande: Eva Ek") or below
    their name, where signatures stand side by side or stacked: a notice is the chair's, whoever else signs it."""
    rules = meta_rules()
    tail = r.tail
    for i, line in enumerate(tail):
        if (stacked := _stacked_chair(r, i)) is not None:
            return stacked
        columns = _columns(line.text)
        below = _columns(tail[i + 1].text) if i + 1 < len(tail) else []
        if len(columns) == 1 and len(below) == 1 and len(flat := column_pairs(
                r.text, (line.start, line.end), (tail[i + 1].start, tail[i + 1].end))) > 1:
            names, titles = zip(*flat)
            columns = [(r.text[a:b], a - line.start) for a, b in names]
            below = [(r.text[a:b], a - tail[i + 1].start) for a, b in titles]
        elif len(columns) == 1 and below:
            below = [(tail[i + 1].text, 0)]
        for k, (column, at) in enumerate(columns):
            head, comma, title = column.partition(",")
            label, colon, rest = column.partition(":")
            if colon and rules.chair.match(label.strip()):  # "Ordförande: Eva Ek (S)" under a notice
                head, title, at = rest, label, at + len(label) + 1
            elif not comma:
                head, title = column, below[k][0] if len(below) == len(columns) else ""
            name = rules.person.match(head.strip())
            if name is not None and rules.chair.match(title.strip()):
                start = line.start + at + (len(head) - len(head.lstrip()))
                r.note("author", start, start + len(name.group("name")), "signature", "the chair's signature")
                return str(name.group("name"))
    return None


def _chair_over_agenda(r: Reader) -> str | None:
    """A name alone on its line over a chair's title alone on the next, in the head: the chair who signs the notice
    above its agenda ("Eva Ek" / "Ordförande" before "Föredragningslista"), where another signs the list below it."""
    rules = meta_rules()
    for line, below in zip(r.head, r.head[1:]):
        name = rules.person.fullmatch(line.text.strip())
        if name is not None and rules.chair.fullmatch(below.text.strip()):
            start = line.start + len(line.text) - len(line.text.lstrip())
            r.note("author", start, start + len(name.group("name")), "signature",
                   "the chair's signature over the agenda")
            return str(name.group("name"))
    return None


def _stacked_chair(r: Reader, i: int) -> str | None:
    """Two signers' names on lines ``i`` and ``i + 1`` of the tail over their titles on the next two, in the same
    order ("Eva Ek" / "Per Holm" / "Ordförande" / "Sekreterare": two columns a PDF reader stacked): the name
    whose title is a chair's."""
    rules = meta_rules()
    rows = r.tail[i:i + 4]
    if len(rows) < 4 or not all(rules.person.fullmatch(ln.text.strip()) for ln in rows[:2]):
        return None
    titles = [ln.text.strip() for ln in rows[2:]]
    if any(rules.person.fullmatch(t) for t in titles) or sum(bool(rules.chair.fullmatch(t)) for t in titles) != 1:
        return None
    line = rows[0] if rules.chair.fullmatch(titles[0]) else rows[1]
    name = rules.person.fullmatch(line.text.strip())
    assert name is not None  # (checked above)
    start = line.start + len(line.text) - len(line.text.lstrip())
    r.note("author", start, start + len(name.group("name")), "signature", "the chair's signature, names over titles")
    return str(name.group("name"))


def _chair_under_label(r: Reader) -> str | None:
    """The name under the chair's label in a row of signers' labels over their names, in the head or at the end
    ("Ordförande      Sekreterare" over "Eva Ek      Per Holm")."""
    rules = meta_rules()
    seen = {ln.start for ln in r.head}
    lines = [*r.head, *(ln for ln in r.tail if ln.start not in seen)]
    for line, below in zip(lines, lines[1:]):
        labels, names = _columns(line.text), _columns(below.text)
        if len(labels) < 2 or len(names) != len(labels) or not all(_title_line(label) for label, _ in labels):
            continue
        found = [(rules.person.match(name.strip()), at + len(name) - len(name.lstrip())) for name, at in names]
        for (label, _), (m, at) in zip(labels, found):
            if m is not None and all(n is not None for n, _ in found) and rules.chair.match(label.strip()):
                r.note("author", below.start + at, below.start + at + len(m.group("name")), "signature",
                       "the name under the chair's label")
                return str(m.group("name"))
    return None


def _signer_with_title(r: Reader) -> str | None:
    """A signature of one line at the very end, the name and the title after it ("Eva Ek Utredare"; the line break
    between them lost)."""
    last = r.tail[-1] if r.tail else None
    words = last.text.split() if last is not None else []
    if last is None or not 3 <= len(words) <= 4 or not is_role(words[-1]) or is_role(words[-2]):
        return None
    m = meta_rules().person.match(" ".join(words[:-1]))
    if m is None or not is_first_name(words[0]):
        return None
    text = last.text.rstrip()
    start, end = last.start + len(text) - len(text.lstrip()), last.start + len(text[:text.rfind(words[-1])].rstrip())
    r.note("author", start, end, "signature", "a name and a title on the last line")
    return str(m.group("name"))


def _signer(text: str, names: Line, titles: Line, protocol: bool) -> tuple[str, int] | None:
    """The writer among signatures (line ``names``) over their titles (line ``titles``), and where in ``text`` the
    name starts. Side by side ("Eva Ek      Per Holm" over "Förvaltningschef      Utredare"; the columns read by
    ``layout.signature_rows.column_pairs``): in a ``protocol`` the secretary, who keeps it ("Justerare      Sekreterare"),
    else the first whose title is no manager's (a manager co-signs the writer's memo); a name never runs over a
    column gap."""
    rules = meta_rules()
    columns = column_pairs(text, (names.start, names.end), (titles.start, titles.end), whole_under_one=True)
    pairs = [(rules.person.match(text[a:b]), a, text[c:d]) for (a, b), (c, d) in columns]
    if not pairs:
        return None
    if not all(m is not None and (_title_line(title) or _label_role(title)) for m, _, title in pairs):
        return None
    m, at, _ = next((p for p in pairs if protocol and _secretary(p[2])), None) \
        or next((p for p in pairs if not rules.manager.match(p[2])), pairs[0])
    assert m is not None
    return str(m.group("name")), at


def _label_role(title: str) -> str | None:
    """The role a signature label gives ("Vid protokollet": sekreterare, "Justerande": justerare)."""
    label = form_label(title.strip().rstrip(":"))
    return label.role if label is not None else None


def _secretary(title: str) -> bool:
    """A secretary's title or signature label ("Nämndsekreterare", "Vid protokollet")."""
    return bool(meta_rules().secretary.match(title.strip())) or _label_role(title) == "sekreterare"


def _columns(text: str) -> list[tuple[str, int]]:
    """The columns of a line and where each starts in it (``layout.columns.cells``)."""
    return [(text[a:b], a) for a, b in cells(text)]


def _after_label(r: Reader, lines: list[Line], where: str, label: regex.Pattern[str] | None = None,
                 agenda: bool = False, run_in: bool = True) -> str | None:
    """The name after an author label ("Handläggare", "Vid anteckningarna"; or ``label``) on its line or the next,
    a title before it left out ("Utredare Eva Ek"); in an ``agenda`` an item's body label ("Föredragande") skipped;
    without ``run_in`` a label after a sentence on its line too ("… Avgift 9 840 kr. Handläggare Eva Ek": a case
    officer in an entry of minutes, where a label that opens its line names their writer)."""
    rules = meta_rules()
    table_cells: list[tuple[int, int]] | None = None
    for i, line in enumerate(lines):
        m = (label or rules.author_label).match(line.text)
        if not m or agenda and _item_body_label(line.text[:m.start("name")]) \
                or not run_in and _SENTENCE_BEFORE.search(line.text, 0, m.start("name")) is not None:
            continue
        if table_cells is None:
            table_cells = [(a, b) for table in cell_tables(r.text) for row in table.rows for a, b in row]
        if any(a <= line.start < b for a, b in table_cells):
            continue  # (a table's cell, "Handläggare Eva Ek" under "Delegat", is no signature)
        rest = _columns(m.group("name").strip().removesuffix("."))[:1]
        candidates = [(rest[0][0], line.start + m.start("name"))] if rest else []
        candidates += [(text, ln.start + at) for ln in lines[i + 1:i + 2] for text, at in _columns(ln.text)[:1]]
        for text, start in candidates:
            name = rules.person.match(text)
            head, comma, title = text.partition(",")
            role = title.split()[:1]  # "Eva Ek, planarkitekt", or flattened: "Eva Ek, planarkitekt Nämnden …"
            if name is None and comma and (_title_line(title.strip()) or role and role[0].islower() and is_role(role[0])):
                name = rules.person.match(head.rstrip())
            if name:
                found = name.group("name")
                title, _, after = found.partition(" ")
                if len(after.split()) >= 2 and is_role(title) and not is_first_name(title):
                    start, found = start + len(found) - len(after), after
                r.note("author", start, start + len(found), "author_label", f"name after {where}")
                return str(found)
    return None


def _item_body_label(label: str) -> bool:
    """``label`` (the text before a name) ends in a label of an agenda item's body ("Föredragande:")."""
    words = label.strip().rstrip(":").strip().casefold()
    return any(words == b or words.endswith(" " + b) for b in section_rules().item_body_labels)


def _title_line(text: str) -> bool:
    """A line that gives a signer's title: "Kommundirektör", "Planarkitekt", "Ekonom, ekonomiavdelningen"."""
    words = text.split()
    return bool(meta_rules().role.match(text)) or (0 < len(words) <= 4 and is_role(words[0].rstrip(",")))
