"""Layout recovery: the line structure that text extraction lost, rebuilt in the working view.

Real archive text comes line-broken (a clean file) or flattened (a PDF-to-text transcript
whose pages each run on one line: the cover page's labels, names, dates and the first §
items together). ``reflow`` makes both look alike to every later step:

0. a block of lines that holds a page's two columns side by side is read column by column
   (``layout.two_columns``);
1. a run of lines that a fixed-width wrap cut goes back on one line where it holds flattened
   text (``layout.hard_wraps``); hosting-site wrapper lines are blanked, transcript page
   numbers become form feeds and running headers get a line of their own (``layout.pages``),
   a running header run into the text of a page becomes a page break
   (``layout.page_counters``); the footer and header lines between the halves of a title that a page's end
   cut in text without form feeds are blanked (``layout.cut_titles``); a name that a column's end broke over
   two lines is joined again (``layout.wraps``);
2. inside a form region every label starts a line ("Beslutande", "Justeringens plats och tid");
3. on flattened lines, an item head starts a paragraph and its title gets a line of its own,
   the case number after it too; known sub-headings ("Beslut", "Bakgrund") stand alone; a
   table of contents puts each entry on a line; a paragraph that an item head or a sub-heading leads,
   run into its first sentence, is read so too, however short (``layout.paragraph_leads``); two or more
   topic labels with their colon ("… i maj. Ekonomi: Prognosen …") stand alone (``layout.topic_labels``);
   numbers that count up 1, 2, 3 are items (``layout.item_runs``), and each bullet starts a line (``layout.bullets``),
   as does each lettered entry, "a) … b) …", after an item head or a contents label (``layout.flat_lists``).

Only white space is replaced (by line breaks, or a wrap's break by a space), apart from
the furniture of step 1 and the columns of step 0 (read in another order, each piece as it is),
so every offset maps back exactly; each change is reported as an edit.

>>> v = reflow(TextView.identity("Plats och tid Stadshuset Beslutande Eva Ek (S) Sekreterare Ola Berg"))
>>> v.text.splitlines()
['Plats och tid Stadshuset', 'Beslutande Eva Ek (S)', 'Sekreterare Ola Berg']
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import regex

from kdextract.layout.bullets import bullet_starts
from kdextract.layout.columns import table_header
from kdextract.layout.cut_titles import cut_title_edits
from kdextract.layout.dated_heads import dated_heads
from kdextract.layout.decision_points import decision_points
from kdextract.layout.form import form_regions, label_hits, label_row
from kdextract.layout.hard_wraps import group_breaks, wrapped_runs
from kdextract.layout.flat_tables import flat_tables
from kdextract.layout.flat_lists import (
    holds_numbered_run,
    lettered_breaks,
    numbered_run_breaks,
    opens_lettered_list,
    toc_entries,
)
from kdextract.layout.inline_subheadings import subheadings
from kdextract.layout.item_runs import agenda_run, case_run, inside, label_before
from kdextract.layout.items import Head, head_at, presenter_note, states_a_point, title_end
from kdextract.layout.line_breaks import Breaks
from kdextract.layout.page_counters import inline_footer_edits, inline_header_edits
from kdextract.layout.paragraph_leads import addressee_after, case_lead, leads_paragraph, topic_heads, topic_lead
from kdextract.layout.pages import page_edits, running_header_edits, wrapper_edits
from kdextract.layout.rules import rules
from kdextract.layout.topic_labels import topic_labels
from kdextract.layout.two_columns import split_columns
from kdextract.layout.wraps import name_wrap_edits
from kdextract.pattern_cache import compile_re
from kdextract.text.view import Replacement, TextView

#: Shortest line that is taken for flattened text (a page or a run of them).
FLAT_LINE = 200
#: Structure cues (item heads, sub-headings, form labels, a contents label) that make a long line
#: outside a transcript page a flattened one rather than a paragraph of prose.
FLAT_CUES = 2
#: How far after its last label a form region keeps items out (a value may hold numbers).
FORM_TAIL = 300

_LINE = compile_re(r"[^\n]+")
_TOKEN = compile_re(r"\S+")
_NEXT_TOKEN = compile_re(r"\s(\S)")
_SENTENCE_END = compile_re(r"[.!?:)]$")
_RANGE_END = compile_re(r"[-–]")
_PARAGRAPH_END = compile_re(r"\f|\n[ \t]*\n")
_PARAGRAPH_START = compile_re(r"(?:\f|\n[ \t]*\n)[ \t]*$")
_YEAR = compile_re(r"(?:19|20)\d{2}")
#: A sentence end inside a line, and how far back the head of a flattened document is searched for its kind.
_SENTENCE_BREAK = compile_re(r"[.!?][ \t]")
_HEAD_CHARS = 200


def reflow(view: TextView) -> TextView:
    """``view`` with a page's two columns read one after the other, wrapper lines blanked, page furniture set
    apart and lost line breaks restored."""
    view = split_columns(view)
    view = view.rewrite(unwrap_edits(view.text))
    view = view.rewrite(wrapper_edits(view.text))
    view = view.rewrite(page_edits(view.text))
    view = view.rewrite(inline_header_edits(view.text))
    view = view.rewrite(inline_footer_edits(view.text))
    view = view.rewrite(running_header_edits(view.text))
    view = view.rewrite(cut_title_edits(view.text))
    view = view.rewrite(name_wrap_edits(view.text))
    return view.rewrite(breaks(view.text))


def unwrap_edits(text: str) -> list[Replacement]:
    """A space for each break inside a run of fixed-width wrapped lines (``layout.hard_wraps``) that,
    put back on one line, holds a structure cue (an item head, a sub-heading, a form label): the line
    a wrap cut, read as if it had never been cut, so that no piece of it starts a line that looks
    like a heading. Cut prose stays as it is, but for a number cut between its digit groups. A line cut
    in two is put back where it opens with an item head ("§ 12 Ansökan om bidrag till" / "föreningen …")."""
    edits: list[Replacement] = []
    for start, end in wrapped_runs(text, min_lines=2):
        line = text[start:end].replace("\n", " ")
        if text.count("\n", start, end) == 1:  # a line cut in two
            cut = text.index("\n", start)
            if head_at(text, start, cut, line_start=True) is not None:
                edits.append((cut, cut + 1, " ", "layout: item head wrapped at a column"))
        elif _flat_cues(line) > 0:
            edits += [(k, k + 1, " ", "layout: line wrapped at a column")
                      for k in range(start, end) if text[k] == "\n"]
        else:
            edits += [(a, b, " ", "layout: number wrapped at a column") for a, b in group_breaks(text, start, end)]
    done = {a for a, _, _, _ in edits}
    return sorted(edits + [(k, k + 1, " ", "layout: numbered list run into lines") for k in numbered_run_breaks(text)
                           if k not in done])


def _flat_cues(line: str) -> int:
    """The structure cues of ``line`` read as flattened text (see ``breaks``)."""
    regions = form_regions(label_hits(line), line)
    return _flattened_line(line, 0, len(line), [], Breaks(line)) + sum(len(r) for r in regions)


def breaks(text: str) -> list[Replacement]:
    """The lost line breaks of ``text``: before form labels, around items, titles, sub-headings and contents entries."""
    out = Breaks(text)
    furniture = _page_header_lines(text)
    hits = [h for h in label_hits(text) if not inside(furniture, h.start)]
    regions = form_regions(hits, text)
    keep_out: list[tuple[int, int]] = []
    for region in regions:
        for hit in region:
            if not (table_header(text, hit.start) or label_row(text, hit.start)):
                out.before(hit.start)
        # up to a page break or a blank line (the form's values end there); a label the form already had is the
        # next page's running header ("… 2014. 2 Kommunstyrelsen PROTOKOLL Sammanträdesdatum (4) 100 Upphandling …")
        seen = {text[h.start:h.end].casefold() for h in region[:-1]}
        tail = region[-1].end + (0 if text[region[-1].start:region[-1].end].casefold() in seen else FORM_TAIL)
        form_end = _PARAGRAPH_END.search(text, region[-1].end, tail)
        keep_out.append((region[0].start, tail if form_end is None else form_end.start()))
    region_hits = sorted(h.start for region in regions for h in region)
    page_content = False
    for line in _LINE.finditer(text):
        header = text[line.start():line.start() + 1] == "\f"
        found = Breaks(text)
        if not header and (page_content or line.end() - line.start() >= FLAT_LINE
                           or _toc_inside(text, line.start(), line.end())
                           or holds_numbered_run(text, line.start(), line.end())):
            cues = _flattened_line(text, line.start(), line.end(), keep_out, found)
            cues += bisect_left(region_hits, line.end()) - bisect_left(region_hits, line.start())
            if not (page_content or cues >= FLAT_CUES):
                found.at.clear()
        if not (header or found.at) and leads_paragraph(text, line.start(), line.end()):
            _flattened_line(text, line.start(), line.end(), keep_out, found)
        elif not (header or found.at) and (stop := topic_lead(text, line.start(), line.end())) is not None:
            found.after(stop)
        elif not (header or found.at) and (topic := case_lead(text, line.start(), line.end())) is not None:
            found.before(topic[0])  # "Dnr KS 2024/118 Markanvisning för kvarteret Lärkan Kommunen har fått …"
            found.after(topic[1])
        elif not (header or found.at) and (addressee := addressee_after(text, line.start(), line.end())) is not None:
            found.before(addressee)  # "Ny lekplats vid skolan Till kommunstyrelsens arbetsutskott"
        if not (header or found.at) and opens_lettered_list(text, line.start(), line.end()):
            lettered_breaks(text, line.start(), line.end(), found)  # "3. Delegationsbeslut a) Bygglov b) …"
        for pos in bullet_starts(text, line.start(), line.end()) if found.at and not header else []:
            found.before(pos)  # a flattened list: each bullet starts a line
        tables = flat_tables(text, line.start(), line.end()) if not header else []
        if tables:  # a flattened table: no item inside it, its header and each row on a line
            starts = [a for a, _, _ in tables]
            found.at = {p: brk for p, brk in found.at.items()
                        if (k := bisect_left(starts, p) - 1) < 0 or p >= tables[k][1]}
        for t_start, t_end, rows in tables:
            for pos in [t_start, *rows]:
                found.before(pos)
            found.after(t_end)
        for pos, brk in found.at.items():
            out.before(pos, brk)
        page_content = header
    return out.replacements()


def _toc_inside(text: str, start: int, end: int) -> bool:
    """A contents label inside a line with more after it ("Innehållsförteckning: KS 10 Val av ombud... 3")."""
    toc = rules().toc_label.search(text, start, end)
    return toc is not None and toc.group()[0].isupper() and toc.end() < end - 1


def _page_header_lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().startswith("\f") and m.group().strip()]


def _flattened_line(text: str, start: int, end: int, keep_out: list[tuple[int, int]], out: Breaks) -> int:
    """Put the lost breaks of one flattened line into ``out``; return how many structure cues it holds."""
    toc = rules().toc_label.search(text, start, end)
    body_end = end
    cues = 0
    if toc is not None and toc.group()[0].isupper():
        cues += 1
        out.before(toc.start(), "\n\n")
        out.after(toc.end(), "\n")
        cues += toc_entries(text, toc.end(), end, out)
        body_end = toc.start()
    cues += lettered_breaks(text, start, body_end, out)
    points = Breaks(text)
    cues += decision_points(text, start, body_end, points)
    for pos, brk in points.at.items():
        out.before(pos, brk)
    heads = [h for h in _item_heads(text, start, body_end, keep_out) if h.start not in points.at]
    if heads:  # the text before the first item: a report's parts before its action points ("Beslut …", "1. …")
        cues += subheadings(text, start, heads[0].start, out, keep_out)
    entries = case_run(text, [(h, "") for h in heads], keep_out)
    for k, head in enumerate(heads):
        stop = heads[k + 1].start if k + 1 < len(heads) else body_end
        out.before(head.start, "\n\n")
        if head.start in entries and stop in entries:  # a list's entry: its line runs on to the next ("…, Eva Ek")
            cues += 1
            continue
        t_end = title_end(text, head.title_start, stop)
        note = _NEXT_TOKEN.match(text, t_end, stop)
        if note is not None and (note_end := presenter_note(text, note.start(1), stop)) is not None:
            out.before(note.start(1), "\n")  # "(Eva Ek, ekonom, kl. 13.10–13.30)" under the title, a case after it
            t_end = note_end
        if head.case is None:
            case = _case_after(text, t_end, stop)
            if case is not None:
                out.before(case[0], "\n")
                out.after(case[1])
                t_end = case[1]
        out.after(t_end)
        cues += 1 + subheadings(text, t_end, stop, out)
    if not heads:
        cues += subheadings(text, start, body_end, out, keep_out)
        for topic, stop in topic_heads(text, start, body_end):  # "… i maj. Investeringar Ombyggnaden följer …"
            out.before(topic, "\n\n")
            out.after(stop)
            cues += 1
        for label, stop in topic_labels(text, start, body_end) + dated_heads(text, start, body_end):
            out.before(label, "\n\n")  # "… i maj. Ekonomi: Prognosen …", "… 5 mars | Enkäten 2026 Svaren …"
            out.after(stop)
            cues += 1
    return cues


@lru_cache(maxsize=1)
def _labelled_case() -> regex.Pattern[str]:
    r = rules()
    return compile_re(r"[ \t]*(?P<open>\()?(?i:" + r.case_label.pattern + r")[ \t]*(?:" + r.case.pattern + r")(?(open)\))")


def _case_after(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """A "Dnr KS 2019/0417" that follows a title, or one in brackets: its whole span (label included)."""
    m = _labelled_case().match(text, pos, end)
    if m is None:
        return None
    s = m.start() + len(m.group()) - len(m.group().lstrip())
    return s, m.end()


def _item_heads(text: str, start: int, end: int, keep_out: list[tuple[int, int]]) -> list[Head]:
    """The item heads of a flattened line, in order: numbers that rise, each with the evidence its form needs."""
    candidates: list[tuple[Head, str]] = []
    prev_tok = ""
    for tok in _TOKEN.finditer(text, start, end):
        if tok.group()[0].isdigit() or tok.group()[0] in "§" or tok.group()[0].isupper():
            # a capitalised item word leads an item here as at a line's start ("… protokollet. Ärende 2  Title")
            head = head_at(text, tok.start(), end, line_start=tok.group()[0].isupper())
            if head is not None:
                candidates.append((head, prev_tok))
        prev_tok = tok.group()
    in_run = agenda_run(text, candidates, keep_out, end) | _case_list(text, candidates, keep_out) \
        | case_run(text, candidates, keep_out)
    chosen: list[Head] = []
    last: int | None = None
    skip_to = start
    for head, prev in candidates:
        if head.start < skip_to:
            continue
        if head.value is not None and last is not None and head.value <= last:
            continue  # item numbers rise
        if head.start in in_run or _accept(text, head, prev, head.start == start, last, keep_out, end):
            chosen.append(head)
            if head.value is not None:
                last = head.value
            skip_to = head.title_start
    return chosen


def _case_list(text: str, candidates: list[tuple[Head, str]], keep_out: list[tuple[int, int]]) -> set[int]:
    """Starts of the heads of a list of cases, each led by its labelled case number after a sentence end ("… hösten.
    Dnr KS 2024/121 Bidrag till …"): two or more of them are items, where one alone is the document's own number;
    so is the labelled case right before the first of them, after the list's heading ("Anmälningsärenden
    2024-05-14 Dnr KS 2024/112 Ny taxa …"), but not the document's own in its head ("TJÄNSTESKRIVELSE
    2026-05-14 Dnr KS 2026/100 Redovisning av …")."""
    heads: set[int] = set()
    first: int | None = None  # the labelled case before the first one after a sentence end
    own = True  # the first labelled case, in the document's head, is the document's own
    for head, _ in candidates:
        label = label_before().search(text, max(0, head.start - 30), head.start) if head.kind == "case" else None
        if label is None or inside(keep_out, head.start):
            continue
        if _SENTENCE_END.search(text[max(0, label.start() - 30):label.start()].rstrip()):
            heads.add(head.start)
        elif not heads:
            first = None if own and _in_letterhead(text, label.start()) else head.start
        own = False
    return heads | ({first} if first is not None else set()) if len(heads) >= 2 else set()


def _in_letterhead(text: str, pos: int) -> bool:
    """A capitalised kind of document ("TJÄNSTESKRIVELSE", "Protokoll") stands before ``pos`` with no sentence end
    between: what follows is the document's head, its case number the document's own."""
    low = max(0, pos - _HEAD_CHARS)
    ends = list(_SENTENCE_BREAK.finditer(text, low, pos))
    start = ends[-1].end() if ends else low
    return any(m.group()[:1].isupper() for m in rules().title_anywhere.finditer(text, start, pos))


def _accept(text: str, head: Head, prev: str, line_start: bool, last: int | None,
            keep_out: list[tuple[int, int]], end: int) -> bool:
    """Whether a head found in flattened text is an item: § heads are, bare numbers need more evidence."""
    after_break = line_start or bool(_SENTENCE_END.search(prev))
    inside_form = inside(keep_out, head.start)
    if head.kind == "case":  # (a case number after its label is the document's: "Vår beteckning: KS 2025/214")
        labelled = label_before().search(text, max(0, head.start - 30), head.start) is not None
        return after_break and not inside_form and not labelled
    if head.number is not None and head.number.startswith("§") or (head.prefix and "§" in (head.number or "")):
        return True
    consecutive = last is not None and head.value is not None and head.value == last + 1
    if head.number is not None and head.number[:1].isalpha() and head.kind == "agenda":
        # "Ärende 4  Title": the word says it is an item, in a form's tail too, whatever sentence its title runs
        # into; the first may follow a count of items ("Ärenden: 1–6 Ärende 1  Title")
        return consecutive or last is None and (after_break or head.value == 1)
    if states_a_point(text, head.title_start, end):
        return False  # "1. Nämnden beviljar …": a point of a decision, a sentence
    if _RANGE_END.split(prev.casefold())[-1] in rules().year_after:
        return False  # "12 februari 2024 Dnr: …", "januari–augusti 2024 Dnr …": a year, not item 2024
    if head.case is not None and head.case[0] <= head.title_start and head.value is not None:
        # "47 Dnr BUN/2016:9 Yttrande över …"; not the year that ends a title ("Bidrag till festivalen 2026 Dnr …")
        return after_break or _YEAR.fullmatch(head.number or "") is None
    if prev.casefold() in rules().not_before_number or prev[-1:].isdigit():
        return False
    opens_paragraph = line_start and _PARAGRAPH_START.search(text, max(0, head.start - 8), head.start) is not None
    if inside_form and not (head.marked and opens_paragraph):
        return False  # (a marked number that opens a paragraph is an item, whatever form stands around it)
    if head.prefix:
        return after_break or (last is not None and head.value is not None and head.value <= last + 3)
    if head.marked:
        return consecutive or (after_break and last is None)
    stop = title_end(text, head.title_start, end)
    if _case_after(text, stop, end) is not None:
        return after_break or consecutive
    return line_start or (consecutive and after_break)
