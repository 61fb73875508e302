"""Which form fields make which meeting: a file that holds two protocols (an arbetsutskott's meeting, then the
board's) has two heads, each with its own day and attendance; a notice (kallelse) has no protocol form but the
"Tid: …" and "Plats: …" lines of the meeting it calls.

>>> text = "KALLELSE\\nKommunstyrelsen\\n\\nTid: Tisdagen den 17 mars 2026 kl. 13.00\\nPlats: Kommunhuset\\n\\n1. Upprop\\n"
>>> [(f.label.label, text[f.value_start:f.value_end]) for f in notice_fields(text)]
[('Tid', 'Tisdagen den 17 mars 2026 kl. 13.00'), ('Plats', 'Kommunhuset')]
"""

from __future__ import annotations

import datetime as dt

from kdextract.layout.form import REGION_GAP, Field, label_hits
from kdextract.pattern_cache import compile_re
from kdextract.records.attendance import Entry
from kdextract.records.form_dates import first_form_date
from kdextract.records.meta_reader import meta_rules

Found = tuple[Field, tuple[Entry, ...]]

#: The fields of a head that give the meeting's day.
_DAY_FIELDS = ("date", "place_time")
#: The fields a notice's lines give of the meeting it calls.
_NOTICE_FIELDS = frozenset({"place_time", "time", "date", "place"})
_VALUE_START = compile_re(r"[ \t]*:?[ \t]*")
#: Lines above a head that may name the body that met ("PROTOKOLL" / "Kommunstyrelsen" / "Sammanträdesdatum …").
_BODY_LINES = 4


def meeting_heads(text: str, found: tuple[Found, ...]) -> list[list[Found]]:
    """The form's fields cut into one list per meeting: a field of the meeting's day with another day than the
    meeting's before it starts the next meeting, where both have an attendance list (a protocol's running header
    repeats its own day; a box's other dates are other fields)."""
    groups: list[list[Found]] = [[]]
    day: dt.date | None = None
    for f, entries in found:
        if f.label.field in _DAY_FIELDS and (seen := first_form_date(text, (f,), _DAY_FIELDS)) is not None:
            if day is not None and seen[0].day != day:
                groups.append([])
            day = seen[0].day
        groups[-1].append((f, entries))
    out: list[list[Found]] = []
    last_attended = False  # (of out[-1], kept as it grows: no list is read twice)
    for group in groups:
        attended = _attended(group)
        if out and not (attended and last_attended):
            out[-1].extend(group)
            last_attended = last_attended or attended
        else:
            out.append(group)
            last_attended = attended
    return out


def _attended(group: list[Found]) -> bool:
    return any(f.label.field == "attendance" and entries for f, entries in group)


def notice_fields(text: str) -> list[Field]:
    """The first run of lines that open with a label of the meeting's time or place ("Tid:", "Plats:", "Tid och
    plats:"), each the rest of its line: the meeting a notice calls."""
    out: list[Field] = []
    for hit in label_hits(text):
        if hit.label.field not in _NOTICE_FIELDS or text[text.rfind("\n", 0, hit.start) + 1:hit.start].strip():
            continue
        if out and hit.start - out[-1].value_end > REGION_GAP:
            break
        m = _VALUE_START.match(text, hit.end)
        start = m.end() if m else hit.end
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(Field(hit.label, hit.start, hit.end, start, end))
    return out


def body_above(text: str, start: int) -> str | None:
    """The board or committee named on the lines right above a later head at ``start`` ("Kommunstyrelsen" under
    "PROTOKOLL")."""
    body = meta_rules().body_search
    end = start
    for _ in range(_BODY_LINES):
        if end <= 0:
            break
        line_start = text.rfind("\n", 0, end - 1) + 1
        line = text[line_start:end].strip()
        m = body.search(line.capitalize() if line.isupper() else line)
        if m is not None:
            return m.group("body")
        end = line_start
    return None
