"""The protocol form: its labels as rule data (``resources/sv/protocol.json``), where they stand, and the fields they open.

The first page of a Swedish protocol is a form ("Plats och tid", "Beslutande", "Utses att
justera", "Underskrifter", the "Anslag/Bevis" box); minutes have a short one ("Tid", "Plats",
"Deltagare", "Frånvarande"). A *form region* is a stretch of text where such labels cluster;
inside it every label opens a field whose value runs to the next label. Labels are found on
line-broken and on flattened text alike, so the layout step can restore the line breaks that
text extraction lost, and the record builders can read the values.

>>> text = "Plats och tid Stadshuset kl. 9.00 Beslutande Eva Ek (S) Ola Berg (M) Sekreterare Lena Holm"
>>> [(f.label.label, text[f.value_start:f.value_end]) for f in form_fields(text)]
[('Plats och tid', 'Stadshuset kl. 9.00'), ('Beslutande', 'Eva Ek (S) Ola Berg (M)'), ('Sekreterare', 'Lena Holm')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict

from kdextract.layout.columns import cells
from kdextract.layout.signature_rows import NAME_CELL, signer_pairs
from kdextract.layout.words import is_first_name
from kdextract.pattern_cache import compile_re
from kdextract.resources import Rules
from kdextract.text.fold import fold_key
from kdextract.text.word_starts import WB_L, WB_R, Beginnings, after_blanks

FormField = Literal[
    "place_time", "time", "date", "place", "attendance", "adjusters", "adjustment", "paragraphs", "signatures",
    "signature", "notice", "body", "posted", "taken_down", "appeal", "storage", "author", "case", "furniture",
]
AttendanceCategory = Literal["member", "serving_substitute", "substitute", "official", "other", "absent"]

#: Most characters between two labels of one form region.
REGION_GAP = 700
#: Lines after the last label of a region that may still hold its value (a name under "Sekreterare").
TAIL_LINES = 2
#: Most lines of a list written one person per line under the last label of a region.
LIST_LINES = 60
#: A line of such a list: a name (two capitalised words) and what follows it, no longer than a list line.
_LIST_LINE = compile_re(r"[ \t]*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?[ \t]+\p{Lu}[\p{L}-]+[^\n]{0,100}$")


class FormLabel(BaseModel):
    """A label of the protocol form: the field it opens, and for attendance and signatures what it says of a person."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str
    field: FormField
    category: AttendanceCategory | None = None
    role: str | None = None
    anchor: bool = False


class ProtocolRules(Rules, file="protocol.json"):
    """The protocol form: labels, substitution words, role abbreviations, parties, lower-case values."""

    labels: list[FormLabel]
    replaces: list[str]
    role_abbreviations: dict[str, str]
    category_roles: dict[str, str]
    parties: list[str]
    lower_case_values: list[str]
    lower_case_fields: list[FormField]
    absent_words: list[str]


_SLASH = compile_re(r"\s*/\s*")
#: The dot of a short abbreviation inside a label ("Ej tjg. ersättare"): the label is the same without it.
_ABBREVIATION_DOT = compile_re(r"(?<=(?<!\p{L})\p{L}{2,3})\.(?=[ \t])")


def _label_key(s: str) -> str:
    return fold_key(_SLASH.sub("/", _ABBREVIATION_DOT.sub("", s)))


class _Compiled:
    def __init__(self, data: ProtocolRules) -> None:
        self.by_key = {_label_key(lb.label): lb for lb in data.labels}
        self.lower_values = frozenset(data.lower_case_values)
        self.lower_fields = frozenset(data.lower_case_fields)
        parts = []  # a short word may carry an abbreviation's dot ("Ej tjg. ersättare")
        for lb in sorted(data.labels, key=lambda lb: len(lb.label), reverse=True):
            words = [regex.escape(w).replace("/", r"[ \t]*/[ \t]*") + (r"\.?" if 2 <= len(w) <= 3 else "")
                     for w in lb.label.split(" ")]
            parts.append(r"[ \t]+".join(words))
        self.label = compile_re(WB_L + "(?:" + "|".join(parts) + ")" + WB_R, regex.IGNORECASE)
        # a label's first word, up to a slash (around which blanks may come), is matched letter by letter
        self.label_starts = Beginnings(list(lb.label.split(" ")[0].split("/")[0]) for lb in data.labels)


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    return _Compiled(ProtocolRules.load())


def protocol_rules() -> ProtocolRules:
    """The protocol form rules (cached)."""
    return ProtocolRules.load()


def is_form_label(s: str) -> bool:
    """``s`` is one of the form's labels ("Datum", "Plats och tid"), in any case."""
    return _label_key(s) in _compiled().by_key


def form_label(s: str) -> FormLabel | None:
    """The form's label ``s`` is, in any case; None for no label."""
    return _compiled().by_key.get(_label_key(s))


def label_row(text: str, pos: int) -> bool:
    """The line at ``pos`` holds only form labels set apart by column gaps ("Justerare      Sekreterare") over a
    line of two or more cells (a blank line between or not): the head of signature columns, whose names stand under
    their labels."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    row = [text[a:b].rstrip(":") for a, b in cells(text, start, end)]
    if len(row) < 2 or not all(is_form_label(c) for c in row):
        return False
    below = text.find("\n", end + 1)
    under = cells(text, end + 1, len(text) if below < 0 else below)
    if not under and below >= 0:  # a blank line between: the names under it, each a name's capitalised words
        after = text.find("\n", below + 1)
        under = cells(text, below + 1, len(text) if after < 0 else after)
        return len(under) >= 2 and all(NAME_CELL.fullmatch(text, *c) is not None for c in under)
    return len(under) >= 2


@dataclass(frozen=True)
class LabelHit:
    """A form label in the text."""

    start: int
    end: int
    label: FormLabel


@dataclass(frozen=True)
class Field:
    """A label and the value after it, as offsets into the text."""

    label: FormLabel
    label_start: int
    label_end: int
    value_start: int
    value_end: int


_NEXT_TOKEN = compile_re(r"[ \t]*:?[ \t]*(\S*)")
#: The first word of the next line after a label that ends a line of prose: a lower-case one goes on with its
#: sentence ("… senast den 3 december. Förhinder" / "anmäls till …"), as it does on the label's own line.
_NEXT_LINE_TOKEN = compile_re(r"\n[ \t]*(\S*)")  # no colon after the label; matched after its blanks
#: What stands before an item's title on its line: "§ 44", "KS § 12", "Punkt 2", "Ärende 5:" (the title may be a
#: label's word: "Justering", "Justerare"). Searched backwards: it ends where the label starts.
_ITEM_MARK = compile_re(r"(?r)(?:^|\n)[ \t]*(?:(?:\p{Lu}{2,6}[ \t]+)?§[ \t]*\d{1,3}|(?i:punkt|ärende)[ \t]+\d{1,3}[.:]?)"
                        r"[ \t]+\Z")


def _words_before(text: str, line: int, pos: int) -> bool:
    """Whether ``text[line:pos]`` holds more than whitespace (read back over the whitespace before ``pos`` only)."""
    while pos > line and text[pos - 1].isspace():
        pos -= 1
    return pos > line


def label_hits(text: str) -> list[LabelHit]:
    """Every capitalised form label in ``text`` (in capitals or with a capital first letter)."""
    c = _compiled()
    out = []
    line, seen = 0, 0
    no_labels: dict[int, tuple[int | None, set[int]]] = {}  # a line's start: its header and title cells, read once
    for m in c.label_starts.finditer(c.label, text):
        found = m.group()
        if not found[0].isupper():
            continue
        label = c.by_key.get(_label_key(found))
        if label is None:
            continue
        line = text.rfind("\n", seen, m.start()) + 1 or line
        seen = m.start()
        nxt = _NEXT_TOKEN.match(text, m.end())
        after = nxt.group(1) if nxt is not None else ""
        if " " not in label.label and is_first_name(label.label) and after[:1].isupper():
            continue  # "Dag Larsson": a given name, not the label "Dag"
        if not after and _words_before(text, line, m.start()):
            # "… den 3 december. Förhinder\nanmäls till …"
            wrapped = _NEXT_LINE_TOKEN.match(text, after_blanks(text, m.end()))
            after = wrapped.group(1) if wrapped is not None else ""
        if not label.anchor and label.field not in c.lower_fields and after[:1].islower() \
                and after.rstrip(".") not in c.lower_values:
            continue  # "Övriga frågor", "Ordförande öppnade mötet": words of a sentence, not a label
        if _ITEM_MARK.search(text, max(0, m.start() - 40), m.start()) is not None:
            continue  # "§ 44   Justering": the title of an item, not a form label
        if line not in no_labels:
            end = text.find("\n", line)
            end = len(text) if end < 0 else end
            no_labels[line] = (_column_header(text, line, end), _titles_under_names(text, line, end))
        header, titles = no_labels[line]
        if header is not None and m.start() != header:
            continue  # "Milstolpe   Datum   Ansvarig": the header of a table's column, not a form label
        if m.start() in titles:
            continue  # "Eva Ek (S)" over "Ordförande", then a blank: the signer's title, not a form label
        out.append(LabelHit(m.start(), m.end(), label))
    return _no_entry_fields(text, out)


#: A sentence's end and one blank right before a label, inside a line: "… Avgift 9 840 kr. Handläggare Eva Ek".
_AFTER_SENTENCE = compile_re(r"\p{L}[\p{L}\d.]*[.!?] \Z")


def _no_entry_fields(text: str, hits: list[LabelHit]) -> list[LabelHit]:
    """``hits`` without a label that opens a sentence inside its line after another sentence more than once
    ("Beviljat 2028-02-02. Avgift 9 840 kr. Handläggare Eva Ek" in each decision of a delegation list): the run-in
    field of a register's entries, which recurs, not a form's label, which stands once."""
    inside = [h for h in hits if _AFTER_SENTENCE.search(text, text.rfind("\n", max(0, h.start - 40), h.start) + 1
                                                          or max(0, h.start - 40), h.start) is not None]
    counts: dict[str, int] = {}
    for h in inside:
        counts[h.label.label] = counts.get(h.label.label, 0) + 1
    drop = {h.start for h in inside if counts[h.label.label] > 1}
    return [h for h in hits if h.start not in drop] if drop else hits


def _titles_under_names(text: str, a: int, b: int) -> set[int]:
    """The starts of the cells, labels alone, of the line ``text[a:b]`` if it is a line of titles right under a line
    of as many signers' names, one or more side by side ("Eva Ek (S)      Per Holm (M)" / "Ordförande      Justerare"),
    a blank line or the end under it (``layout.signature_rows``: a name under a label, over the next label, is that
    label's value): "Ordförande" there is the signer's title, not a form label."""
    return {t[0] for _, t in signer_pairs(text, a, b, is_form_label) if is_form_label(text[t[0]:t[1]].rstrip(":"))}


def _column_header(text: str, a: int, b: int) -> int | None:
    """The start of the first cell of the line ``text[a:b]`` if it is a table's header line
    ("Milstolpe   Datum   Ansvarig"): three or more cells set apart by column gaps, no digit, the first cell no
    form label, and a line of two or more cells under it. A label after that first cell heads a column."""
    head = cells(text, a, b)
    if len(head) < 3 or any(ch.isdigit() for ch in text[a:b]) or _compiled().label.fullmatch(text, *head[0]) is not None:
        return None
    nb = text.find("\n", b + 1)
    return head[0][0] if b < len(text) and len(cells(text, b + 1, len(text) if nb < 0 else nb)) >= 2 else None


def form_regions(hits: list[LabelHit], text: str) -> list[list[LabelHit]]:
    """Clusters of label hits that make a form: two anchor labels, three labels with one anchor or attendance label,
    two attendance labels with one anchor ("Närvarande ledamöter" over "Övriga"), or the meeting's day and its
    attendance, each label opening its line ("Sammanträdesdatum …" over "Närvarande ledamöter");
    after a form, an anchor attendance label alone (the list continued on the next page).

    A region never runs over a page break (a form feed in the working text).
    """
    clusters: list[list[LabelHit]] = []
    for hit in hits:
        if clusters and hit.start - clusters[-1][-1].end <= REGION_GAP \
                and "\f" not in text[clusters[-1][-1].end:hit.start]:
            clusters[-1].append(hit)
        else:
            clusters.append([hit])
    out: list[list[LabelHit]] = []
    for cluster in clusters:
        anchors = {h.label.label for h in cluster if h.label.anchor}
        distinct = {h.label.label for h in cluster}
        strong = anchors or any(h.label.field == "attendance" for h in cluster)
        listed = all(h.label.field == "attendance" for h in cluster)  # "Närvarande ledamöter: …" over "Övriga: …"
        dated = {h.label.field for h in cluster} >= {"date", "attendance"} and all(  # "Datum: …" over "Närvarande: …"
            not text[text.rfind("\n", 0, h.start) + 1:h.start].strip() for h in cluster)  # each opening its line
        if len(anchors) >= 2 or (len(distinct) >= 3 and strong) or (len(distinct) >= 2 and (anchors and listed or dated)):
            out.append(cluster)
        elif out and any(h.label.anchor and h.label.field == "attendance" for h in cluster):
            out.append(cluster)  # the attendance list goes on over the page: "Övriga närvarande …" on page 2
    return out


_VALUE_START = compile_re(r"[ \t]*[:.]*[ \t]*")
#: An item heading after a blank line ("§ 4 Budget", "2. Ekonomisk rapport"): the body of the document, no field's value.
#: A numbered name ("1. Eva Ek (S), ordförande") is an entry of a numbered attendance list, not an item.
_ITEM_AFTER_BLANK = compile_re(r"\n[ \t]*\n[ \t]*(?:§[ \t]*\d{1,3}|\d{1,2}[.)])[ \t]+"
                                  r"(?!\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?[ \t]+\p{Lu}\p{Ll}+[ \t]*(?:[(,]|$))\p{Lu}", regex.M)


def form_fields(text: str) -> list[Field]:
    """The fields of every form region of ``text``, in reading order."""
    out: list[Field] = []
    for region in form_regions(label_hits(text), text):
        for i, hit in enumerate(region):
            m = _VALUE_START.match(text, hit.end)
            start = m.end() if m else hit.end
            if i + 1 < len(region):
                end = region[i + 1].start
                if _ITEM_AFTER_BLANK.search(text, start, end):  # a short document: the body's items between labels
                    end = min(end, _tail_end(text, start))
            else:
                end = _tail_end(text, start)
            end = max(start, end)
            while end > start and text[end - 1].isspace():
                end -= 1
            out.append(Field(hit.label, hit.start, hit.end, start, end))
    return out


def _tail_end(text: str, start: int) -> int:
    """The end of the last field of a region: its line, the list lines right under it ("Eva Ek, Ekby kommun"),
    and up to ``TAIL_LINES`` short name lines after a blank (a name under "Sekreterare")."""
    end = text.find("\n", start)
    if end < 0:
        return len(text)
    for _ in range(LIST_LINES):  # a list written one person per line goes on until a blank line
        nxt = text.find("\n", end + 1)
        line_end = len(text) if nxt < 0 else nxt
        if not _LIST_LINE.match(text, end + 1, line_end):
            break
        end = line_end
        if nxt < 0:
            return end
    pos, taken = end, 0
    while taken < TAIL_LINES:
        nxt = text.find("\n", pos + 1)
        line_end = len(text) if nxt < 0 else nxt
        line = text[pos + 1:line_end].strip()
        if not line:
            if nxt < 0:
                break
            pos = line_end
            continue
        if len(line) > 60 or not line[0].isupper() or any(ch.isdigit() for ch in line) or line[0] == "\f":
            break
        end = pos = line_end
        taken += 1
    return end
