"""An HTML view of a parsed document, for notebooks and reports.

``visualize(doc)`` shows the text with the mentions of people, organisations and
projects, the dates and the amounts highlighted in colour by type (displaCy-style spans
with a label and a legend), section headings marked, and a compact summary of the
records. Every piece of document text is HTML-escaped; styles are inline, so the view
survives HTML sanitisers (GitHub's notebook viewer) and needs no JavaScript.

>>> from kdextract.models import Document
>>> "&lt;b&gt;" in visualize(Document(text="<b>"))
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kdextract.models import Document

__all__ = ["COLORS", "LABELS", "save_html", "visualize"]

#: Background colour per highlighted type (displaCy's palette where it has one).
COLORS: dict[str, str] = {
    "person": "#aa9cfc",
    "organisation": "#7aecec",
    "project": "#feca74",
    "date": "#bfe1d9",
    "amount": "#e4e7d2",
}
#: The label printed inside each highlight.
LABELS: dict[str, str] = {
    "person": "PERSON", "organisation": "ORG", "project": "PROJEKT", "date": "DATUM", "amount": "BELOPP",
}
_SECTION_COLOR = "#5b7bd5"
_PRIORITY = {"amount": 0, "date": 1, "project": 2, "organisation": 3, "person": 4}
_MAX_TABLE_ROWS = 25


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    type: str
    tip: str


def _mention_spans(items: Iterable[Any], kind: str, describe: Any) -> list[_Span]:
    spans: list[_Span] = []
    for item in items:
        tip = describe(item)
        mentions = list(getattr(item, "mentions", None) or [])
        places = [(m.start, m.end) for m in mentions] or [(item.start, item.end)]
        spans.extend(_Span(s, e, kind, tip) for s, e in places)
    return spans


def _spans(doc: Document) -> list[_Span]:
    """Non-overlapping highlight spans: where two overlap the longer wins (ties: amount, date, project...)."""
    spans = (
        _mention_spans(doc.people, "person", lambda p: ", ".join(x for x in (p.name, p.role, p.organisation) if x))
        + _mention_spans(doc.organisations, "organisation", lambda o: f"{o.name} ({o.kind})")
        + _mention_spans(doc.projects, "project", lambda p: f"{p.name} ({p.status})")
        + [_Span(d.start, d.end, "date", d.value) for d in doc.dates]
        + [_Span(a.start, a.end, "amount", f"{a.value} {a.currency}" + (f": {a.what}" if a.what else ""))
           for a in doc.amounts]
    )
    n = len(doc.text)
    spans = [s for s in spans if 0 <= s.start < s.end <= n]
    spans.sort(key=lambda s: (-(s.end - s.start), _PRIORITY[s.type], s.start))
    taken: list[_Span] = []
    for span in spans:
        if all(span.end <= t.start or t.end <= span.start for t in taken):
            taken.append(span)
    return sorted(taken, key=lambda s: s.start)


def _mark(text: str, span: _Span) -> str:
    color = COLORS[span.type]
    return (
        f'<mark class="kd-ent kd-{span.type}" data-kd-type="{span.type}" title="{escape(span.tip)}" '
        f'style="background:{color};padding:0.1em 0.35em;margin:0 0.1em;border-radius:0.35em;'
        f'line-height:1.9;box-decoration-break:clone;-webkit-box-decoration-break:clone">'
        f"{escape(text)}"
        f'<span class="kd-label" style="font-size:0.6em;font-weight:bold;text-transform:uppercase;'
        f'vertical-align:middle;margin-left:0.45em;opacity:0.8">{LABELS[span.type]}</span></mark>'
    )


def _render_text(text: str, start: int, end: int, spans: Sequence[_Span]) -> str:
    """HTML of ``text[start:end]`` with the spans inside it highlighted (spans sorted, non-overlapping)."""
    out: list[str] = []
    pos = start
    for span in spans:
        if span.start < pos or span.end > end:
            continue
        out.append(escape(text[pos:span.start]))
        out.append(_mark(text[span.start:span.end], span))
        pos = span.end
    out.append(escape(text[pos:end]))
    return "".join(out)


def _heading_start(text: str, section: Any) -> int:
    """Where a heading starts: with its number ("4.", "§ 83") when that is on the title's line."""
    if section.start < section.title_start and "\n" not in text[section.start:section.title_start]:
        return int(section.start)
    return int(section.title_start)


def _body(doc: Document) -> str:
    text = doc.text
    spans = _spans(doc)
    titles = sorted(
        ((_heading_start(text, s), s.title_end, s) for s in doc.sections
         if 0 <= s.title_start < s.title_end <= len(text)),
        key=lambda t: t[0],
    )
    out: list[str] = []
    pos = 0
    for t_start, t_end, section in titles:
        if t_start < pos:
            continue
        inside = [s for s in spans if s.start >= t_start and s.end <= t_end]
        # A highlight that straddles a heading's edge is left unmarked rather than cut.
        spans = [s for s in spans if s.end <= t_start or s.start >= t_end]
        out.append(_render_text(text, pos, t_start, [s for s in spans if s.start >= pos and s.end <= t_start]))
        label = "RUBRIK" if section.level == 1 else f"UNDERRUBRIK {section.level}"
        out.append(
            f'<span class="kd-section" id="kd-{escape(section.id)}" data-kd-section="{escape(section.id)}" '
            f'title="{escape(section.id)} ({escape(section.category)}, nivå {section.level})" '
            f'style="font-weight:bold;font-size:{1.15 if section.level == 1 else 1.05}em;'
            f'border-bottom:2px solid {_SECTION_COLOR};color:#1d2d5c">'
            f"{_render_text(text, t_start, t_end, inside)}"
            f'<span class="kd-label" style="font-size:0.6em;font-weight:normal;margin-left:0.6em;'
            f'color:{_SECTION_COLOR}">{label}</span></span>'
        )
        pos = t_end
    out.append(_render_text(text, pos, len(text), [s for s in spans if s.start >= pos]))
    return "".join(out)


def _legend(doc: Document) -> str:
    counts = {
        "person": len(doc.people), "organisation": len(doc.organisations), "project": len(doc.projects),
        "date": len(doc.dates), "amount": len(doc.amounts),
    }
    chips = [
        f'<span class="kd-legend-item" data-kd-type="{t}" style="background:{COLORS[t]};padding:0.15em 0.5em;'
        f'margin-right:0.4em;border-radius:0.35em;font-size:0.85em">{LABELS[t]} {counts[t]}</span>'
        for t in COLORS
    ]
    chips.append(
        f'<span class="kd-legend-item" data-kd-type="section" style="border-bottom:2px solid {_SECTION_COLOR};'
        f'font-weight:bold;font-size:0.85em;margin-right:0.4em">RUBRIK {len(doc.sections)}</span>'
    )
    return '<div class="kd-legend" style="margin:0.4em 0 0.8em 0">' + "".join(chips) + "</div>"


def _header(doc: Document) -> str:
    meta = doc.meta
    fields = [
        ("Dokument", doc.id), ("Typ", meta.kind), ("Datum", meta.date), ("Organisation", meta.organisation),
        ("Diarienummer", meta.diarienummer), ("Författare", meta.author),
    ]
    cells = "".join(
        f'<span style="margin-right:1.2em"><span style="color:#666">{escape(k)}:</span> {escape(str(v))}</span>'
        for k, v in fields if v
    )
    title = f"<div style=\"font-size:1.1em;font-weight:bold\">{escape(meta.title)}</div>" if meta.title else ""
    return f'<div class="kd-meta" style="margin-bottom:0.3em">{title}{cells}</div>'


def _short(value: Any, width: int = 90) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], color: str | None = None) -> str:
    if not rows:
        return ""
    cell = 'style="text-align:left;padding:0.15em 0.6em;border-bottom:1px solid #e3e3e3;vertical-align:top"'
    head = "".join(f"<th {cell}>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td {cell}>{escape(_short(v))}</td>" for v in row) + "</tr>"
        for row in rows[:_MAX_TABLE_ROWS]
    )
    more = (
        f'<tr><td colspan="{len(headers)}" {cell}>… {len(rows) - _MAX_TABLE_ROWS} till</td></tr>'
        if len(rows) > _MAX_TABLE_ROWS else ""
    )
    swatch = (f'<span style="display:inline-block;width:0.8em;height:0.8em;background:{color};'
              f'border-radius:0.2em;margin-right:0.4em"></span>') if color else ""
    return (
        f'<div class="kd-table" style="margin:0.6em 0"><div style="font-weight:bold">{swatch}{escape(title)} '
        f'<span style="color:#888;font-weight:normal">({len(rows)})</span></div>'
        f'<table style="border-collapse:collapse;font-size:0.85em;margin-top:0.2em">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}{more}</tbody></table></div>"
    )


def _meeting(doc: Document) -> str:
    """The meeting a protocol records: when, where, the § range and its attendance."""
    out = []
    for m in doc.meetings:
        facts = [("Organ", m.body), ("Tid", m.date), ("Plats", m.place), ("Paragrafer", m.paragraphs),
                 ("Justering", m.adjustment_date)]
        line = "".join(f'<span style="margin-right:1.2em"><span style="color:#666">{escape(k)}:</span> '
                       f"{escape(str(v))}</span>" for k, v in facts if v)
        out.append(f'<div class="kd-meeting" style="margin:0.6em 0">{line}</div>' + _table(
            "Närvaro", ["namn", "parti", "kategori", "roll", "ersätter"],
            [(a.name, a.party, a.category, a.role, a.replaces) for a in m.attendees], COLORS["person"]))
    return "".join(out)


def _summary(doc: Document) -> str:
    parts = [
        _meeting(doc),
        _table("Rubriker", ["nr", "rubrik", "nivå"], [(s.number, s.title, s.level) for s in doc.sections]),
        _table("Personer", ["namn", "roll", "organisation"],
               [(p.name, p.role, p.organisation) for p in doc.people], COLORS["person"]),
        _table("Organisationer", ["namn", "typ", "andra namn"],
               [(o.name, o.kind, ", ".join(o.aliases)) for o in doc.organisations], COLORS["organisation"]),
        _table("Projekt", ["namn", "status", "start", "slut"],
               [(p.name, p.status, p.starts, p.ends) for p in doc.projects], COLORS["project"]),
        _table("Tidsgränser", ["när", "typ", "vad"], [(d.value, d.kind, d.what) for d in doc.deadlines]),
        _table("Belopp", ["text", "värde", "valuta", "avser"],
               [(a.text, a.value, a.currency, a.what) for a in doc.amounts], COLORS["amount"]),
        _table("Beslut", ["typ", "beslutat av", "text"], [(d.kind, d.decided_by, d.text) for d in doc.decisions]),
    ]
    body = "".join(parts)
    if not body:
        return ""
    return (
        '<details class="kd-summary" open style="margin-top:1em"><summary style="cursor:pointer;font-weight:bold">'
        "Sammanfattning</summary>" + body + "</details>"
    )


_FONT = "-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Helvetica,Arial,sans-serif"


def visualize(doc: Document, *, summary: bool = True, full_page: bool = False) -> str:
    """HTML of ``doc``: highlighted text with a legend, then a summary of the records.

    summary: include the record tables under the text.
    full_page: a complete HTML page (``<!DOCTYPE html>`` with a title) instead of a fragment.
    """
    fragment = (
        f'<div class="kdextract-vis" style="font-family:{_FONT};font-size:15px;line-height:1.6;color:#222;'
        f'max-width:60em">'
        + _header(doc) + _legend(doc)
        + '<div class="kd-text" style="white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #ddd;'
          'border-radius:0.4em;padding:0.8em 1em;background:#fff">'
        + _body(doc) + "</div>"
        + (_summary(doc) if summary else "")
        + "</div>"
    )
    if not full_page:
        return fragment
    title = escape(doc.id or doc.meta.title or "kdextract")
    return (
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body style=\"margin:1.5em\">{fragment}</body></html>\n"
    )


def save_html(doc: Document, path: Any) -> None:
    """Write ``visualize(doc, full_page=True)`` to ``path`` (UTF-8)."""
    from pathlib import Path

    Path(path).write_text(visualize(doc, full_page=True), encoding="utf-8")

