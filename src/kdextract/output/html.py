"""An HTML view of a parsed document, for notebooks and reports.

``visualize(doc)`` shows a header, a legend with the count of each type, the text with every
record type highlighted (people, organisations, projects, dates and amounts as coloured marks;
decisions and deadlines as tinted, underlined clauses around them; section headings
underlined), and tables of the records. A text longer than ``max_chars`` (20,000 characters,
about ten pages) is shown as an excerpt: the paragraphs around records of every type, within
that budget, with the gaps marked; ``page=n`` shows the text a page at a time instead, and
``max_chars=None`` all of it. So the view of a 30-page report stays well under 250 kB.

Labels are Swedish (``lang="sv"``, the default) or English (``lang="en"``). Every piece of
document text is HTML-escaped and there is no JavaScript. The colours are inline styles, so
the highlights survive HTML sanitisers (GitHub's notebook viewer) that drop the small style
sheet, which only adds padding, rounded corners and label sizes.

>>> from kdextract.models import Document
>>> "&lt;b&gt;" in visualize(Document(text="<b>"))
True
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from kdextract.errors import ArgumentError
from kdextract.output.highlights import (
    BORDERS,
    COLORS,
    SECTION_COLOR,
    excerpt,
    names,
    pages,
    render,
    section_at,
    spans,
)
from kdextract.output.labels import Labels

if TYPE_CHECKING:
    from kdextract.models import Document

__all__ = ["COLORS", "DEFAULT_MAX_CHARS", "save_html", "visualize"]

#: Longer texts are shown as an excerpt (or by pages) rather than whole.
DEFAULT_MAX_CHARS = 20_000
_MAX_TABLE_ROWS = 25
_FONT = "-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Helvetica,Arial,sans-serif"
_STYLE = (
    "<style>.kdextract-vis mark.kd-ent{padding:0.1em 0.3em;margin:0 0.1em;border-radius:0.35em;line-height:1.9;"
    "color:inherit;box-decoration-break:clone;-webkit-box-decoration-break:clone}"
    ".kdextract-vis .kd-label{font-size:0.6em;font-weight:bold;vertical-align:middle;margin-left:0.4em;opacity:0.75}"
    f".kdextract-vis .kd-section{{font-weight:bold;color:#1d2d5c;border-bottom:2px solid {SECTION_COLOR}}}"
    ".kdextract-vis td,.kdextract-vis th{text-align:left;padding:0.15em 0.6em;border-bottom:1px solid #e3e3e3;"
    "vertical-align:top}.kdextract-vis .kd-note{color:#666;font-size:0.85em;margin:0.3em 0}"
    ".kdextract-vis .kd-gap{color:#999;text-align:center;margin:0.4em 0;font-size:0.85em}"
    ".kdextract-vis .kd-where{color:#5b7bd5;font-size:0.8em;font-weight:bold}</style>"
)


def _header(doc: Document, labels: Labels) -> str:
    meta = doc.meta
    fields = [("id", doc.id), ("kind", labels.value(meta.kind)), ("date", meta.date),
              ("organisation", meta.organisation), ("diarienummer", meta.diarienummer), ("author", meta.author)]
    cells = "".join(f'<span style="margin-right:1.2em"><span style="color:#666">{escape(labels.meta[k])}:</span> '
                    f"{escape(str(v))}</span>" for k, v in fields if v)
    title = f'<div style="font-size:1.1em;font-weight:bold">{escape(meta.title)}</div>' if meta.title else ""
    return f'<div class="kd-meta" style="margin-bottom:0.3em">{title}{cells}</div>'


def _legend(doc: Document, labels: Labels) -> str:
    counts = {"person": len(doc.people), "organisation": len(doc.organisations), "project": len(doc.projects),
              "date": len(doc.dates), "amount": len(doc.amounts), "deadline": len(doc.deadlines),
              "decision": len(doc.decisions)}
    chips = []
    for kind, color in COLORS.items():
        border = f";border-bottom:2px solid {BORDERS[kind]}" if kind in BORDERS else ""
        chips.append(f'<span class="kd-legend-item" data-kd-type="{kind}" style="background:{color}{border};'
                     f'padding:0.15em 0.5em;margin-right:0.4em;border-radius:0.35em;font-size:0.85em">'
                     f"{labels.types[kind]} {counts[kind]}</span>")
    chips.append(f'<span class="kd-legend-item" data-kd-type="section" style="border-bottom:2px solid '
                 f'{SECTION_COLOR};font-weight:bold;font-size:0.85em">{labels.types["section"]} '
                 f"{len(doc.sections)}</span>")
    return '<div class="kd-legend" style="margin:0.4em 0 0.8em 0">' + "".join(chips) + "</div>"


def _short(value: Any, width: int = 90) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(kind: str, labels: Labels, rows: Sequence[Sequence[Any]], color: str | None = None) -> str:
    if not rows:
        return ""
    head = "".join(f"<th>{escape(h)}</th>" for h in labels.headers[kind])
    body = "".join("<tr>" + "".join(f"<td>{escape(_short(v))}</td>" for v in row) + "</tr>"
                   for row in rows[:_MAX_TABLE_ROWS])
    if len(rows) > _MAX_TABLE_ROWS:
        body += f'<tr><td colspan="{len(labels.headers[kind])}">{labels.more(len(rows) - _MAX_TABLE_ROWS)}</td></tr>'
    swatch = (f'<span style="display:inline-block;width:0.8em;height:0.8em;background:{color};'
              f'border-radius:0.2em;margin-right:0.4em"></span>') if color else ""
    return (f'<div class="kd-table" style="margin:0.6em 0"><div style="font-weight:bold">{swatch}'
            f'{escape(labels.titles[kind])} <span style="color:#888;font-weight:normal">({len(rows)})</span></div>'
            f'<table style="border-collapse:collapse;font-size:0.85em;margin-top:0.2em">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def _meeting(doc: Document, labels: Labels) -> str:
    """The meeting a protocol records: when, where, the § range and its attendance."""
    out = []
    for m in doc.meetings:
        facts = [(labels.meeting["body"], m.body), (labels.meeting["date"], m.date),
                 (labels.meeting["place"], m.place), (labels.meeting["paragraphs"], m.paragraphs),
                 (labels.meeting["adjustment"], m.adjustment_date)]
        line = "".join(f'<span style="margin-right:1.2em"><span style="color:#666">{escape(k)}:</span> '
                       f"{escape(str(v))}</span>" for k, v in facts if v)
        out.append(f'<div class="kd-meeting" style="margin:0.6em 0">{line}</div>' + _table(
            "attendees", labels, [(a.name, a.party, labels.value(a.category), a.role, a.replaces)
                                  for a in m.attendees], COLORS["person"]))
    return "".join(out)


def _summary(doc: Document, labels: Labels) -> str:
    names_of = names(doc)
    value = labels.value
    body = "".join([
        _meeting(doc, labels),
        _table("sections", labels, [(s.number, s.title, s.level) for s in doc.sections]),
        _table("people", labels, [(p.name, p.role, names_of.get(p.organisation or "")) for p in doc.people],
               COLORS["person"]),
        _table("organisations", labels, [(o.name, value(o.kind), ", ".join(o.aliases)) for o in doc.organisations],
               COLORS["organisation"]),
        _table("projects", labels, [(p.name, value(p.status), p.starts, p.ends) for p in doc.projects],
               COLORS["project"]),
        _table("deadlines", labels, [(d.value, value(d.kind), d.what) for d in doc.deadlines], COLORS["deadline"]),
        _table("amounts", labels, [(a.text, labels.number(a.value, a.high), a.currency, a.what) for a in doc.amounts],
               COLORS["amount"]),
        _table("decisions", labels, [(value(d.kind), names_of.get(d.decided_by or ""), d.date, d.text)
                                     for d in doc.decisions], COLORS["decision"]),
    ])
    if not body:
        return ""
    return (f'<details class="kd-summary" open style="margin-top:1em"><summary style="cursor:pointer;'
            f'font-weight:bold">{labels.words["summary"]}</summary>{body}</details>')


def _text(doc: Document, labels: Labels, max_chars: int | None, page: int | None) -> tuple[str, str]:
    """The highlighted text (whole, an excerpt or one page) and a note that says which."""
    text = doc.text
    marks = spans(doc, labels)
    words = labels.words
    if page is not None:
        starts = doc.page_starts
        parts = ([*zip(starts, [*starts[1:], len(text)])] if starts
                 else pages(text, max_chars or DEFAULT_MAX_CHARS))
        if not isinstance(page, int) or not 1 <= page <= len(parts):
            raise ArgumentError(f"page must be a number between 1 and {len(parts)} (the document's "
                                f"{'pages' if starts else 'parts of max_chars characters'}), got {page!r}")
        lo, hi = parts[page - 1]
        note = words["page"].format(page=page, pages=len(parts), first=labels.number(lo + 1),
                                    last=labels.number(hi))
        if page < len(parts):
            note += " " + words["next"].format(n=page + 1)
        return render(text, lo, hi, marks), note
    if max_chars is None or len(text) <= max_chars:
        return render(text, 0, len(text), marks), ""
    windows = excerpt(text, marks, max_chars)
    out: list[str] = []
    pos = shown = 0
    for lo, hi in windows:
        if lo > pos:
            out.append(f'<div class="kd-gap">{words["gap"].format(n=labels.number(lo - pos))}</div>')
        where = section_at(doc, lo)
        if where is not None and where.title_start < lo and where is not section_at(doc, max(pos - 1, 0)):
            out.append(f'<div class="kd-where">{escape(" ".join(filter(None, [where.number, where.title])))}</div>')
        out.append(render(text, lo, hi, marks))
        pos, shown = hi, shown + hi - lo
    if pos < len(text):
        out.append(f'<div class="kd-gap">{words["gap"].format(n=labels.number(len(text) - pos))}</div>')
    inside = sum(1 for s in marks if any(lo <= s.start and s.end <= hi for lo, hi in windows))
    note = words["excerpt"].format(shown=labels.number(shown), total=labels.number(len(text)),
                                   records=labels.number(inside), all=labels.number(len(marks)))
    return "".join(out), f"{note} {words['whole']}"


def visualize(doc: Document, *, summary: bool = True, full_page: bool = False, lang: str = "sv",
              max_chars: int | None = DEFAULT_MAX_CHARS, page: int | None = None) -> str:
    """HTML of ``doc``: header, legend, highlighted text, then tables of the records.

    summary: include the record tables under the text (at most 25 rows each).
    full_page: a complete HTML page (``<!DOCTYPE html>`` with a title) instead of a fragment.
    lang: "sv" (Swedish labels, the default) or "en".
    max_chars: a longer text is shown as an excerpt around records of every type; None shows it all.
    page: show page ``page`` (from 1) of the source, whole, instead: the page records' ``page`` names. A source
        without pages (a text without form feeds, a .docx) is cut into pages of ``max_chars`` characters.
    """
    labels = Labels.of(lang)
    body, note = _text(doc, labels, max_chars, page)
    fragment = (
        f'<div class="kdextract-vis" lang="{lang}" style="font-family:{_FONT};font-size:15px;line-height:1.6;'
        f'color:#222;max-width:60em">{_STYLE}'
        + _header(doc, labels) + _legend(doc, labels)
        + (f'<div class="kd-note">{escape(note)}</div>' if note else "")
        + '<div class="kd-text" style="white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #ddd;'
          'border-radius:0.4em;padding:0.8em 1em;background:#fff">'
        + body + "</div>"
        + (_summary(doc, labels) if summary else "")
        + "</div>"
    )
    if not full_page:
        return fragment
    title = escape(doc.id or doc.meta.title or "kdextract")
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{title}</title></head><body style="margin:1.5em">{fragment}</body></html>\n')


def save_html(doc: Document, path: Any, **options: Any) -> None:
    """Write ``visualize(doc, full_page=True, **options)`` to ``path`` (UTF-8)."""
    from pathlib import Path

    Path(path).write_text(visualize(doc, full_page=True, **options), encoding="utf-8")

