"""Layout recovery: the line structure that text extraction lost, rebuilt in the working view.

Real archive text comes line-broken (a clean file) or flattened (a PDF-to-text transcript
whose pages each run on one line: the cover page's labels, names, dates and the first §
items together). ``reflow`` makes both look alike to every later step:

0. a block of lines that holds a page's two columns side by side is read column by column
   (``layout.two_columns``);
1. a run of lines that a fixed-width wrap cut goes back on one line where it holds flattened
   text (``layout.hard_wraps``); hosting-site wrapper lines are blanked, transcript page
   numbers become form feeds and running headers get a line of their own (``layout.pages``),
   a running header run into the text of a page becomes a page break (``layout.page_counters``), as do a
   transcript's page numbers around one header inside a flattened line, and a copy of the letterhead with a date
   or a page number (``layout.flat_letterheads``), whose title's row gets a line of its own; the footer and header
   lines between the halves of a title that a page's end cut in text without form feeds are blanked (``layout.cut_titles``); a name
   that a column's end broke over two lines is joined again (``layout.wraps``); the "> " markers of a quoted e-mail
   passage run into one line each start a line again (``layout.flat_quotes``);
2. inside a form region every label starts a line ("Beslutande", "Justeringens plats och tid");
3. on flattened lines, an item head starts a paragraph and its title gets a line of its own,
   the case number after it too; known sub-headings ("Beslut", "Bakgrund") stand alone; a
   table of contents puts each entry on a line; a paragraph that an item head or a sub-heading leads,
   run into its first sentence, is read so too, however short (``layout.paragraph_leads``); two or more
   topic labels with their colon ("… i maj. Ekonomi: Prognosen …") stand alone (``layout.topic_labels``);
   numbers that count up 1, 2, 3 are items (``layout.item_runs``), and each bullet starts a line (``layout.bullets``;
   on any long line, and a dash too in a run of dash items after sentence ends),
   as does each lettered entry, "a) … b) …", after an item head or a contents label (``layout.flat_lists``); an item
   number right before its first entry ("15 a) …") leads that entry's line and counts in a run (``layout.flat_heads``);
   a row of an agenda's table keeps its case number's and presenter's cells, the note run into it set under its
   title (``layout.flat_tables.row_note``, ``layout.flat_lists``); a closing action list (``layout.flat_closing``)
   and the signers after the place and day (``layout.signature_rows.closing_signers``) get a line each.

Last, a name set in capitals at a line's start is written in title case (``layout.capital_names``).

Only white space is replaced (by line breaks, or a wrap's break by a space), apart from
the furniture of step 1, the columns of step 0 (read in another order, each piece as it is) and the names in
capitals (letter for letter), so every offset maps back exactly; each change is reported as an edit.

>>> v = reflow(TextView.identity("Plats och tid Stadshuset Beslutande Eva Ek (S) Sekreterare Ola Berg"))
>>> v.text.splitlines()
['Plats och tid Stadshuset', 'Beslutande Eva Ek (S)', 'Sekreterare Ola Berg']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

from kdextract.layout.bullets import bullet_starts, dash_run, dash_topics, sentence_dash, title_dash
from kdextract.layout.capital_names import capital_name_edits
from kdextract.layout.columns import table_header
from kdextract.layout.cut_titles import cut_title_edits
from kdextract.layout.dated_heads import dated_heads, dated_lead
from kdextract.layout.decision_points import decision_points
from kdextract.layout.field_rows import adoption_line, field_rows
from kdextract.layout.form import form_regions, label_hits, label_row
from kdextract.layout.hard_wraps import group_breaks, wrapped_runs
from kdextract.layout.flat_tables import flat_tables, row_note
from kdextract.layout.flat_markdown import flat_markdown
from kdextract.layout.flat_lists import (
    holds_numbered_run,
    lettered_breaks,
    numbered_run_breaks,
    opens_lettered_list,
    toc_entries,
)
from kdextract.layout.flat_heads import case_after, item_heads
from kdextract.layout.flat_quotes import quote_marker_edits
from kdextract.layout.inline_subheadings import subheadings
from kdextract.layout.item_runs import case_run, inside
from kdextract.layout.items import Head, head_at, presenter_note, title_end
from kdextract.layout.label_runs import label_run_edits, opens_with_label
from kdextract.layout.presenter_column import bare_presenter
from kdextract.layout.signature_rows import closing_signers
from kdextract.layout.lettered import marker_at
from kdextract.layout.flat_closing import closing_list
from kdextract.layout.flat_letterheads import letterhead_repeat_edits, letterhead_title_edits
from kdextract.layout.line_breaks import Breaks
from kdextract.layout.page_counters import (
    inline_footer_edits,
    inline_header_edits,
    inline_leading_footer_edits,
    inline_page_number_edits,
)
from kdextract.layout.paragraph_leads import addressee_after, case_lead, fields_lead, leads_paragraph, \
    listed_title_lead, topic_end, topic_heads, topic_lead
from kdextract.layout.pages import page_edits, running_header_edits, wrapper_edits
from kdextract.layout.rules import rules
from kdextract.layout.topic_labels import topic_labels
from kdextract.layout.two_columns import split_columns
from kdextract.layout.wraps import name_wrap_edits
from kdextract.pattern_cache import compile_re
from kdextract.text.lines import line_spans
from kdextract.text.view import Replacement, TextView

#: Shortest line that is taken for flattened text (a page or a run of them).
FLAT_LINE = 200
#: Structure cues (item heads, sub-headings, form labels, a contents label) that make a long line
#: outside a transcript page a flattened one rather than a paragraph of prose.
FLAT_CUES = 2
#: How far after its last label a form region keeps items out (a value may hold numbers).
FORM_TAIL = 300

_LINE = compile_re(r"[^\n]+")
_NEXT_TOKEN = compile_re(r"\s(\S)")
_PARAGRAPH_END = compile_re(r"\f|\n[ \t]*\n")


def reflow(view: TextView) -> TextView:
    """``view`` with a page's two columns read one after the other, wrapper lines blanked, page furniture set
    apart and lost line breaks restored."""
    view, markdown_lines = flat_markdown(split_columns(view))
    view = view.rewrite(unwrap_edits(view.text))
    view = view.rewrite(wrapper_edits(view.text))
    view = view.rewrite(quote_marker_edits(view.text))
    view = view.rewrite(page_edits(view.text))
    view = view.rewrite(inline_header_edits(view.text))
    view = view.rewrite(inline_footer_edits(view.text))
    view = view.rewrite(inline_leading_footer_edits(view.text))
    view = view.rewrite(inline_page_number_edits(view.text))
    view = view.rewrite(letterhead_repeat_edits(view.text))
    view = view.rewrite(letterhead_title_edits(view.text))
    view = view.rewrite(running_header_edits(view.text))
    view = view.rewrite(cut_title_edits(view.text))
    view = view.rewrite(name_wrap_edits(view.text))
    view = view.rewrite(label_run_edits(view.text))
    view = view.rewrite(breaks(view.text, [_view_span(view, a, b) for a, b in markdown_lines]))
    return view.rewrite(capital_name_edits(view.text))


def _view_span(view: TextView, start: int, end: int) -> tuple[int, int]:
    """The view span of the input span ``[start, end)`` (the view reads the input in order there)."""
    return bisect_left(view.starts, start), bisect_left(view.starts, end)


def unwrap_edits(text: str) -> list[Replacement]:
    """A space for each break inside a run of fixed-width wrapped lines (``layout.hard_wraps``) that,
    put back on one line, holds a structure cue (an item head, a sub-heading, a form label): the line
    a wrap cut, read as if it had never been cut, so that no piece of it starts a line that looks
    like a heading. Cut prose stays as it is, but for a number cut between its digit groups. A line cut
    in two is put back where it opens with an item head ("§ 12 Ansökan om bidrag till" / "föreningen …"), but
    for a rest that stands as a line of its own elsewhere in the text too: a note each item repeats under its
    head ("Sekretess enligt 26 kap. 1 § OSL"), no title's end."""
    edits: list[Replacement] = []
    repeated: Counter[str] | None = None
    for start, end in wrapped_runs(text, min_lines=2):
        line = text[start:end].replace("\n", " ")
        if text.count("\n", start, end) == 1:  # a line cut in two
            cut = text.index("\n", start)
            indent = len(text[start:cut]) - len(text[start:cut].lstrip(" \t"))  # (" 1. Title …": an indented head,
            # its rest at the line's start; a rest at the title's hanging indent is the title's own second line)
            head = head_at(text, start + indent, cut, line_start=True)
            if head is None or indent and text[cut + 1:cut + 2] in (" ", "\t") or _next_item(head, text, cut + 1, end):
                continue
            repeated = repeated or Counter(text[a:b].strip() for a, b in line_spans(text))
            if repeated[text[cut + 1:end].strip()] < 2:
                edits.append((cut, cut + 1, " ", "layout: item head wrapped at a column"))
        elif _flat_cues(line) > 0:
            edits += [(k, k + 1, " ", "layout: line wrapped at a column")
                      for k in range(start, end) if text[k] == "\n"]
        else:
            edits += [(a, b, " ", "layout: number wrapped at a column") for a, b in group_breaks(text, start, end)]
    done = {a for a, _, _, _ in edits}
    return sorted(edits + [(k, k + 1, " ", "layout: numbered list run into lines") for k in numbered_run_breaks(text)
                           if k not in done])


def _next_item(head: Head, text: str, start: int, end: int) -> bool:
    """The line ``text[start:end]`` opens with the next item after ``head`` ("6  Remiss …" over "7  Delegationsbeslut
    …", two rows of an agenda's table of equal width): a row of its own, no rest of the line above."""
    nxt = head_at(text, start, end, line_start=True)
    return nxt is not None and head.value is not None and nxt.value == head.value + 1 and nxt.kind == head.kind


def _flat_cues(line: str) -> int:
    """The structure cues of ``line`` read as flattened text (see ``breaks``)."""
    regions = form_regions(label_hits(line), line)
    return _flattened_line(line, 0, len(line), [], Breaks(line)) + sum(len(r) for r in regions)


def breaks(text: str, flat: list[tuple[int, int]] | None = None) -> list[Replacement]:
    """The lost line breaks of ``text``: before form labels, around items, titles, sub-headings and contents entries;
    a line inside one of the ``flat`` spans (a flattened line that an earlier step cut) counts as flattened, as the
    text of a transcript's page does."""
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
    flat_spans = sorted(flat or [])
    flat_starts = [a for a, _ in flat_spans]
    for line in _LINE.finditer(text):
        header = text[line.start():line.start() + 1] == "\f"
        found = Breaks(text)
        labelled = opens_with_label(text, line.start(), line.end())
        tables = flat_tables(text, line.start(), line.end()) if not header else []
        k = bisect_right(flat_starts, line.start()) - 1
        flat_part = page_content or k >= 0 and line.start() < flat_spans[k][1]
        if not header and (flat_part or line.end() - line.start() >= FLAT_LINE
                           or _toc_inside(text, line.start(), line.end())
                           or holds_numbered_run(text, line.start(), line.end())):
            cues = _flattened_line(text, line.start(), line.end(), keep_out, found)
            cues += bisect_left(region_hits, line.end()) - bisect_left(region_hits, line.start())
            cues += labelled
            if not (flat_part or cues >= FLAT_CUES):
                found.at.clear()
        if not (header or found.at) and leads_paragraph(text, line.start(), line.end()):
            _flattened_line(text, line.start(), line.end(), keep_out, found)
        elif not header and (labelled or not found.at) \
                and (fields := fields_lead(text, line.start(), line.end())) is not None:
            found.before(fields)  # "Ärende 1 Val av justerare Föredragande: Ordförande Handlingar: –"
        elif not (header or found.at) and (stop := topic_lead(text, line.start(), line.end())
                                           or dated_lead(text, line.start(), line.end())) is not None:
            found.after(stop)  # "Ekonomiskt läge Prognosen …", "5 mars | Enkäten 2026 Svaren …"
        elif not (header or found.at) and (stop := listed_title_lead(text, line.start(), line.end())) is not None:
            found.after(stop, "\n")  # "Yttrande över motion om … Motionen har …" over "Delegationsbeslut", "Meddelanden"
        elif not (header or found.at) and (topic := case_lead(text, line.start(), line.end())) is not None:
            found.before(topic[0])  # "Dnr KS 2024/118 Markanvisning för kvarteret Lärkan Kommunen har fått …"
            found.after(topic[1])
        elif not (header or found.at) and (addressee := addressee_after(text, line.start(), line.end())) is not None:
            found.before(addressee)  # "Ny lekplats vid skolan Till kommunstyrelsens arbetsutskott"
        if not (header or found.at) and opens_lettered_list(text, line.start(), line.end()):
            lettered_breaks(text, line.start(), line.end(), found)  # "3. Delegationsbeslut a) Bygglov b) …"
        long_line = line.end() - line.start() >= FLAT_LINE
        for pos, stop in dash_topics(text, line.start(), line.end()) if not header else []:
            found.before(pos, "\n\n")  # "… gjord. * Belysning - Två lampor …": a topic over its dash items
            found.after(stop, "\n")
        for pos in bullet_starts(text, line.start(), line.end()) if (found.at or long_line) and not header else []:
            found.before(pos)  # a flattened list: each bullet starts a line
        if tables:  # a flattened table: no item inside it, its header and each row on a line
            starts = [a for a, _, _ in tables]
            found.at = {p: brk for p, brk in found.at.items()
                        if (k := bisect_left(starts, p) - 1) < 0 or p >= tables[k][1]}
        for t_start, t_end, rows in tables:
            for pos in [t_start, *rows]:
                found.before(pos)
            for pos, brk in filter(None, (row_note(text, row, nxt) for row, nxt in zip(rows, [*rows[1:], t_end]))):
                found.before(pos, brk)  # "2.  Budget 2027   KS 2026/12   Eva Ek Förslaget innebär …"
            found.after(t_end)
            if (after := _NEXT_TOKEN.match(text, t_end, line.end())) is not None \
                    and (stop := topic_end(text, after.start(1), line.end())) is not None:
                found.before(after.start(1), "\n\n")  # "… Hanna Ljung | Kommentarer | Avslaget i …"
                found.after(stop)
            subheadings(text, t_end, line.end(), found)  # ("… handlingarna. Förslag till beslut Nämnden …")
        for pos, brk in closing_list(text, line.start(), line.end()) if (found.at or long_line) and not header else []:
            found.before(pos, brk)  # "… digitalt. Åtgärdslista Taxan – Eva Ek – v. 46 Avtal – …"
        for pos in closing_signers(text, line.start(), line.end()) if (found.at or long_line) and not header else []:
            found.before(pos)  # "… Ekby den 4 maj 2026 Eva Ek ordförande Per Holm sekreterare"
        for pos in field_rows(text, line.start(), line.end(), long_line or flat_part) if not header else []:
            found.before(pos)  # "Projekt: Ny bro Projektägare: Eva Ek Projektledare: …": a line for each field
        if not header and (adopted := adoption_line(text, line.start(), line.end())) is not None:
            found.before(adopted[0])  # "Riktlinje för gåvor Fastställd av kommunfullmäktige 2026-04-22, § 45 …"
            if (nxt := _NEXT_TOKEN.match(text, adopted[1], line.end())) is not None and nxt.group(1).isupper():
                found.before(nxt.start(1))
        for pos, brk in found.at.items():
            out.before(pos, brk)
        out.points |= found.points
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
    heads = [h for h in item_heads(text, start, body_end, keep_out) if h.start not in points.at]
    if heads:  # the text before the first item: a report's parts before its action points ("Beslut …", "1. …")
        cues += subheadings(text, start, heads[0].start, out, keep_out)
    entries = case_run(text, [(h, "") for h in heads], keep_out)
    dashes = bool(heads) and dash_run(text, start, body_end)
    for k, head in enumerate(heads):
        stop = heads[k + 1].start if k + 1 < len(heads) else body_end
        out.before(head.start, "\n\n")
        if head.start in entries and stop in entries:  # a list's entry: its line runs on to the next ("…, Eva Ek")
            cues += 1
            continue
        if marker_at(text, head.title_start, stop):  # "15 a) Anmälan av …": the number leads its first entry's line
            out.at.pop(head.title_start, None)
            cues += 1
            continue
        t_end = title_end(text, head.title_start, stop)
        if (dash := title_dash(text, head.title_start, t_end) if dashes
                else sentence_dash(text, head.title_start, t_end)) is not None:
            t_end = dash  # "1. Föregående möte - Protokollet lades …": the first dash item ran into the title
        note = _NEXT_TOKEN.match(text, t_end, stop)
        if note is not None and (note_end := presenter_note(text, note.start(1), stop)
                                 or bare_presenter(text, note.start(1), stop)) is not None:
            out.before(note.start(1), "\n")  # "(Eva Ek, ekonom, kl. 13.10–13.30)" under the title, a case after it
            t_end = note_end
        if head.case is None:
            case = case_after(text, t_end, stop)
            if case is not None:
                out.before(case[0], "\n")
                out.after(case[1])
                t_end = case[1]
        if len(heads) > 1 and text[t_end - 1] == "." and not text[t_end:stop].strip() \
                and all(text[h.title_start:heads[j + 1].start if j + 1 < len(heads) else body_end].rstrip()[-1:] == "."
                        for j, h in enumerate(heads)):
            out.points.add(t_end - 1)  # a flattened agenda whose entries each end in a point ("1. Val av justerare. 2. …")
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
