"""What stands around a heading candidate line: blank lines, a wrapped second title line, the body under it.

The section segmenter asks these questions of a line that looks like a heading ("Investeringar", "Kalendarium"):
does it stand alone, does a paragraph, a list or a table follow it, does its title go on on the next line.
"""

from __future__ import annotations

from kdextract.layout.lines import COLUMN_GAP, Line, is_sentence_like, looks_like_heading
from kdextract.layout.rules import rules
from kdextract.layout.title_ends import before_case
from kdextract.layout.wraps import WRAPPED_LINE
from kdextract.pattern_cache import compile_re

__all__ = ["TIGHT_HEAD_WORDS", "continuation", "has_body", "heads_paragraph", "heads_table", "standalone",
           "tight_known_heading"]

#: Longest second line of a wrapped title.
_CONTINUATION_CHARS = 80
#: The longest rest of a title in upper case or digits that a list's hanging indent sets under it.
_HANGING_CHARS = 40
#: The dashes before a title's stage ("– antagande"), and most words after one.
_DASHES = "–—-"
_DASHED_WORDS = 4
#: A heading set tight over its paragraph has at most this many words …
TIGHT_HEAD_WORDS = 6
#: Most words of a memo's subject line right over a tight known heading.
_SUBJECT_WORDS = 12
#: Fewest tight short lines under a known heading that make a table flattened to one cell a line (two rows of four).
CELL_RUN = 8
#: Longest cell of such a table.
_CELL_CHARS = 60
#: … and the paragraph's first line at least this many characters (and twice the heading's length).
_PARAGRAPH_LINE = 40
#: Most words of a heading set tight over a short paragraph (``_short_heading_over_prose``), and fewest words of
#: that paragraph's one sentence under a heading in lower case.
_SHORT_HEAD_WORDS, _SHORT_BODY_WORDS = 3, 4
#: A word of such a heading: letters, a hyphen between them ("IT-frågor").
_HEAD_WORD = compile_re(r"\p{L}+(?:-\p{L}+)*")
#: Bullets that open a list of prose points (not "a)" or "1.").
_BULLETS = "•–-·▪►*"
#: A row of a table of amounts whose column gaps were lost: a label and two or more figures, signed or in brackets
#: ("Socialnämnden 287 300 298 100 (10 800)", "Summa 709,5 724,2 -14,7").
_NUMBER_ROW = compile_re(r"\p{L}[\p{L}\p{M} .,&/-]*?(?:[ \t]+[-−+]?\(?\d[\d.,]*\)?%?){2,}")
#: The first point of a numbered list of prose ("1. Ta fram en plan för …").
#: A point that opens with its day or week and a colon ("8 december: …", "v. 50: …", "14–15 januari 2027: …").
_DATED_POINT = compile_re(r"(?:v\.?[ \t]*|vecka[ \t]+)?\d[^:\n]{0,24}:[ \t]+\S")
_FIRST_POINT = compile_re(r"1[.)][ \t]+(?=\p{Lu})")
#: The first point of a list under a lead-in line, in either case ("1. besluta om en plan, …").
_ANY_FIRST_POINT = compile_re(r"1[.)][ \t]+\w")
# A field of a numbered part's body: a short capitalised label, its colon and its value ("Status: Pågår.").
_FIELD_LINE = compile_re(r"\p{Lu}\p{Ll}+(?:[ ]\p{Ll}+)?:[ \t]+\S")
#: A labelled contact line ("E-post: eva.ek@ekby.se"), and the fewest of them in a row that make a page's footer.
_CONTACT_FIELD = compile_re(r"\p{Lu}[\p{Ll}\-]+:[ \t]+\S")
FOOTER_FIELDS = 3


def continuation(lines: list[Line], j: int) -> Line | None:
    """The second line of a long title that PDF text wrapped ("… stöd till personer med" + "funktionsnedsättning"),
    where line ``j`` holds the title to its end: the title ends in a word no title ends in, or it fills a line
    and the next goes on in lower case; that line is short, no sentence, and stands before a blank line, or it
    goes on in lower case, or is a short rest in digits standing alone or over a line set further left ("2027–2030"), indented right under the
    title's first letter (a hanging indent; under a title that ends in a word no title ends in, any such line)."""
    words = lines[j].text.split()
    cut = bool(words) and (words[-1].strip(",;").casefold() in rules().title_stop_words or words[-1].endswith(","))
    k = _over_page_break(lines, j, cut)
    if k >= len(lines):
        return None
    nxt, head = lines[k], lines[j]
    if k == j + 1 and nxt.kind == "list" and _dashed_rest(nxt, head.title_start - (head.start - head.indent)):
        return nxt
    if nxt.kind != "text" or len(nxt.text) > _CONTINUATION_CHARS or is_sentence_like(nxt.text):
        return None
    alone = k + 1 >= len(lines) or lines[k + 1].kind in ("blank", "furniture", "case")
    if k == j + 1 and 0 < nxt.indent == head.title_start - (head.start - head.indent) and (
            cut or nxt.text[:1].islower() or (nxt.text[:1].isdigit() and len(nxt.text) <= _HANGING_CHARS
                                       and (alone or lines[k + 1].indent < nxt.indent))):
        return nxt  # a hanging indent: "3. Verksamhetsplan för" over "   elevhälsan", "… för tiden" over "   2027–2030",
        # "… till" over "   Ekby Snickeri AB" (a title that cannot end where it stops goes on with a name)
    if k == j + 1 and 0 < nxt.indent == head.title_start - (head.start - head.indent) and len(nxt.text) <= _HANGING_CHARS \
            and k + 1 < len(lines) and lines[k + 1].kind == "case" and lines[k + 1].indent == nxt.indent:
        return nxt  # "§ 14   Bidrag till Samordningsförbundet" over "       Norra Dalen" over "       Dnr KS 2026/12"
    if not alone:
        return None
    if not words:
        return None
    if cut:
        return nxt
    if k > j + 1:
        return None  # over a page break only a title that cannot end where it stops goes on
    # a title that goes on in lower case only where a column's end cut it ("… i centrala" / "staden under 2023")
    return nxt if nxt.text[:1].islower() and len(lines[j].text) >= WRAPPED_LINE else None


def _dashed_rest(line: Line, column: int) -> bool:
    """``line``, right under a title's first letter, is the title's dashed rest with the item's case number after it
    ("§ 112  Detaljplan för … m.fl." over "       – antagande        Dnr MBN 2026/207"): a stage after a dash and a
    case number, which no bullet of a list ends in."""
    cut = before_case(line.text, 0, len(line.text))
    return 0 < line.indent == column and line.text[:1] in _DASHES and cut < len(line.text) \
        and 0 < len(line.text[1:cut].split()) <= _DASHED_WORDS and not is_sentence_like(line.text[:cut])


def title_cell_wrap(lines: list[Line], j: int) -> bool:
    """Line ``j`` is the rest of the title of the item row above it, set right under the title's first letter
    (a title cell of a table of columns, a list's hanging indent): no sentence, and in lower case ("3   09.00
    Fördelning av stöd   Dnr" over "           höstterminen 2026") or short ("3.  Taxa för … 2027" over
    "    (KS 2026/318)", "7.  Val av nämndeman för tiden" over "    2027–2030")."""
    line, row = lines[j], lines[j - 1] if j > 0 else None
    return (row is not None and row.kind == "agenda" and line.kind == "text"
            and (line.text[:1].islower() or len(line.text) <= _HANGING_CHARS)
            and line.indent == row.title_start - (row.start - row.indent) and not is_sentence_like(line.text))


def _over_page_break(lines: list[Line], j: int, cut: bool) -> int:
    """The line after ``j``: past a page break right under it (its blanked footer and header lines), the first
    line of the next page; past blanks alone under a title that cannot end where it stops (``cut``: a page's end
    cut it where no form feed marks the break, and ``layout.cut_titles`` blanked the furniture)."""
    k = j + 1
    while k < len(lines) and lines[k].kind in ("blank", "furniture") and not lines[k].text.strip():
        k += 1
    return k if cut or any(lines[m].page_start for m in range(j + 1, k)) else j + 1


def _wraps(lines: list[Line], i: int) -> bool:
    """Item ``i``'s title runs to its line's end and goes on on the next line."""
    line = lines[i]
    return line.kind in ("agenda", "paragraph") and line.title_start < line.title_end == line.end \
        and continuation(lines, i) is not None


def standalone(lines: list[Line], i: int, after_only: bool = False, before_only: bool = False) -> bool:
    """Blank (or nothing) before and after line ``i``; a markdown heading always stands alone. A case number's
    line that stands after a blank may stand right above it ("Dnr KS 2024/118" over "Markanvisning för …")."""
    if lines[i].heading_mark is not None:
        return True
    k = i - 1 if i > 0 and lines[i - 1].kind == "case" else i
    before = after_only or k == 0 or lines[k - 1].kind in ("blank", "furniture", "toc")
    after = before_only or i + 1 >= len(lines) or lines[i + 1].kind in ("blank", "furniture", "case") \
        or _wraps(lines, i)
    return before and after


def tight_closing(lines: list[Line], i: int) -> bool:
    """Line ``i`` is a memo's closing heading ("Åtgärdslista") set after a blank and tight over its rows
    ("Underlag om … – Eva Ek – v. 46"): a heading though no blank follows it."""
    line = lines[i]
    title = " ".join(line.text[line.title_start - line.start:line.title_end - line.start].casefold().split())
    return title in rules().closing_headings and standalone(lines, i, before_only=True) \
        and i + 1 < len(lines) and lines[i + 1].kind in ("text", "list")


def tight_known_heading(lines: list[Line], i: int) -> bool:
    """Line ``i``, a known sub-heading ("Ärendebeskrivning"), stands tight between the paragraphs of text that PDF
    tools wrote without blank lines: the line before it ends a sentence, or is the memo's short subject line, which
    stands after a blank and ends in no word a title never ends in ("Ny förskola i Åbacka" over "Förslag till
    beslut"; not "Förskolan i Åbacka har länge varit trång och")."""
    if lines[i].kind != "sub" or i == 0:
        return False
    prev = lines[i - 1]
    if prev.kind not in ("text", "list", "agenda"):
        return False
    if prev.text.endswith((".", "!", "?")):
        return True
    words = prev.text.split()
    return prev.kind == "text" and len(words) <= _SUBJECT_WORDS and not is_sentence_like(prev.text) \
        and words[-1].casefold() not in rules().title_stop_words and COLUMN_GAP.search(prev.text) is None \
        and standalone(lines, i - 1, before_only=True)


def heads_paragraph(lines: list[Line], i: int) -> bool:
    """Line ``i`` is a short heading set tight over its paragraph ("Investeringar" over "Ombyggnaden av
    skolan följer tidplanen och …") or over a bulleted or numbered list of prose ("Pågående arbete" over
    "• Projektet X prövas i två skolor …", "Uppgifter" over "1. Ta fram en plan …", "Kommande" over a calendar's
    "• 8 december: budgetdagar för …"; two such dated points in a row however short), or over a line that leads
    into such a list ("Rekommendationer" over "Vi rekommenderar nämnden att" over "1. besluta …"): a blank before
    it, and right under it running text that begins a sentence, a paragraph line long and much longer than the heading
    (or wrapped onto a line that goes on in lower case).
    At the top of a page (a slide) under its running footer, any bullet list will do ("Ekonomin efter april" over
    "• Prognos: +14 mnkr")."""
    if i + 1 >= len(lines) or not standalone(lines, i, before_only=True):
        return False
    head, nxt = lines[i], lines[i + 1]
    title = head.text[head.title_start - head.start:head.title_end - head.start]
    if nxt.kind == "list" and nxt.text[:1] in _BULLETS and _after_furniture(lines, i):
        return len(title.split()) <= TIGHT_HEAD_WORDS and not is_sentence_like(title) \
            and COLUMN_GAP.search(title) is None and title.split()[-1].casefold() not in rules().title_stop_words
    words = title.split()
    if nxt.kind == "text" and nxt.text[:1].isupper() and _leads_points(lines, i + 1):
        return len(words) <= TIGHT_HEAD_WORDS and not is_sentence_like(title) and COLUMN_GAP.search(title) is None \
            and words[-1].casefold() not in rules().title_stop_words
    dated = False  # a calendar's point ("• 8 december: budgetdagar …") opens with its day, not a capital
    if nxt.kind == "list" and nxt.text[:1] in _BULLETS:
        body, longer = nxt.text[1:].strip(), len(title) + 1
        dated = _DATED_POINT.match(body) is not None
    elif nxt.kind == "text" and (point := _FIRST_POINT.match(nxt.text)) is not None:
        body, longer = nxt.text[point.end():], len(title) + 1
    elif nxt.kind == "text":
        body, longer = nxt.text, 2 * len(title)
    else:
        return False
    if dated and _dated_point(lines, i + 2):  # a calendar: its points are short by nature
        return len(words) <= TIGHT_HEAD_WORDS and not is_sentence_like(title) and COLUMN_GAP.search(title) is None \
            and words[-1].casefold() not in rules().title_stop_words
    if nxt.kind == "text" and _short_heading_over_prose(lines, i, words):
        return True
    return ((body[:1].isupper() or dated) and len(words) <= TIGHT_HEAD_WORDS and len(body.split()) >= TIGHT_HEAD_WORDS
            and COLUMN_GAP.search(body) is None and words[-1].casefold() not in rules().title_stop_words
            and len(body) >= _PARAGRAPH_LINE and (len(body) >= longer or _paragraph_goes_on(lines, i + 1)))


def _short_heading_over_prose(lines: list[Line], i: int, words: list[str]) -> bool:
    """Line ``i`` is a heading of a few words set tight over a paragraph too short for ``heads_paragraph``'s length
    test: a heading in capitals ("EKONOMI") over a sentence, or over a short sub-heading and its sentence ("Prognos"
    / "Prognosen är …"); a capitalised one ("Inledning") over a paragraph of one whole sentence, a blank or the
    text's end under it. (Capitals, or a paragraph that ends where its one sentence ends, set the heading apart.)"""
    if len(words) > _SHORT_HEAD_WORDS or words[-1].casefold() in rules().title_stop_words \
            or not all(_HEAD_WORD.fullmatch(w) for w in words) or rules().issuer_name.match(" ".join(words)):
        return False  # (an issuer's name is a letterhead: "EKBY KOMMUN")
    nxt = lines[i + 1]
    if " ".join(words).isupper():
        sub = looks_like_heading(nxt) and COLUMN_GAP.search(nxt.text) is None  # (a line of cells is no sub-heading)
        under = lines[i + 2] if i + 2 < len(lines) and sub else nxt
        return under.kind == "text" and _prose_sentence(under.text)
    after = lines[i + 2] if i + 2 < len(lines) else None
    return (after is None or after.kind in ("blank", "furniture")) and _prose_sentence(nxt.text) \
        and nxt.text.endswith((".", "!", "?")) and len(nxt.text.split()) >= _SHORT_BODY_WORDS


def _prose_sentence(text: str) -> bool:
    """A line of running prose in sentence case that ends its sentence, with no column gap."""
    return text[:1].isupper() and not text.isupper() and is_sentence_like(text) and not text.endswith(":") \
        and COLUMN_GAP.search(text) is None


def _dated_point(lines: list[Line], j: int) -> bool:
    """Line ``j`` is a bulleted point of a calendar that opens with its day ("• 6 december: kommunfullmäktige")."""
    return j < len(lines) and lines[j].kind == "list" and lines[j].text[:1] in _BULLETS \
        and _DATED_POINT.match(lines[j].text[1:].strip()) is not None


def _after_furniture(lines: list[Line], i: int) -> bool:
    """Line ``i`` follows page furniture (a running header or footer), blanks aside."""
    prev = next((ln for ln in reversed(lines[:i]) if ln.kind not in ("blank", "wrapper")), None)
    return prev is not None and prev.kind == "furniture"


#: A bulleted point that opens with a day or a week before a capitalised event, a colon or dash between them or not
#: ("- 24/11 Dialogmöte", "• 3 dec. Budget", "• 14 december: Fullmäktige", "• v. 50: Fullmäktige", "• vecka 3 Mässa").
_DAY_POINT = compile_re(r"[-–•*][ \t]+(?:\d{1,2}/\d{1,2}|\d{4}-\d{2}-\d{2}|\d{1,2}[ \t]+(?i:jan|feb|mar|apr|maj|jun|jul|aug|"
                        r"sep|okt|nov|dec)\p{L}*\.?|(?i:v\.?|vecka)[ \t]*\d{1,2})(?:[ \t]*[:–-])?[ \t]+\p{Lu}")


def heads_table(lines: list[Line], i: int) -> bool:
    """Line ``i`` is a short heading set tight over a table of two rows or more ("Kalendarium" over "14 april   Chefsforum",
    "23 april   Kommunfullmäktige") or a calendar's points ("- 24/11 Dialogmöte"), or over the table's caption ("Tabell 1. …"): a blank before it, no more than a
    few words, and cells set apart by wide gaps in each of the next two lines (after the caption and its blanks), or
    two rows of figures that lost their gaps under it, past a header ("Nämnd Budget Prognos" over
    "Kommunstyrelsen 98 400 96 950 1 450")."""
    if i + 2 >= len(lines) or not standalone(lines, i, before_only=True):
        return False
    head = lines[i]
    title = head.text[head.title_start - head.start:head.title_end - head.start]
    first = i + 1
    if rules().caption.match(lines[first].text):  # "Tabell 1. Nettokostnad per nämnd, tkr" over the table
        first = next((j for j in range(first + 1, len(lines)) if lines[j].kind != "blank"), len(lines))
    if len(title.split()) > TIGHT_HEAD_WORDS or COLUMN_GAP.search(title) is not None or first + 1 >= len(lines):
        return False
    if all(COLUMN_GAP.search(lines[j].text) is not None and lines[j].kind in ("text", "list") for j in (first, first + 1)):
        return True
    if all(lines[j].kind == "list" and _DAY_POINT.match(lines[j].text) for j in (first, first + 1)):
        return True  # a calendar's points: "- 24/11 Dialogmöte", "- 2/12 Budgetberedning"
    rows = first + 1 if _NUMBER_ROW.fullmatch(lines[first].text.strip()) is None else first  # past a header
    return rows + 1 < len(lines) and all(lines[j].kind == "text" and _NUMBER_ROW.fullmatch(lines[j].text.strip())
                                         for j in (rows, rows + 1))


def _contact_footer(lines: list[Line], j: int) -> int | None:
    """Where the run of contact lines that starts at line ``j`` ends, where it is three or more labelled ones
    ("Postadress: Box 12", "Telefon: 0123-45", "E-post: …"; a footer's fields that ``layout.field_rows`` set a line
    each) with more text after them: a page's footer set mid-document, no end of the text above; else None."""
    last = j
    while last < len(lines) and lines[last].kind == "contact":
        last += 1
    footer = last - j >= FOOTER_FIELDS and all(_CONTACT_FIELD.match(ln.text) for ln in lines[j:last]) \
        and any(lines[k].kind != "blank" for k in range(last, len(lines)))
    return last if footer else None


def over_subheading(lines: list[Line], i: int) -> bool:
    """Line ``i`` stands after a blank right over a known sub-heading that has its body ("Lokaler" / "Bakgrund" /
    "Förvaltningen har …"): a topic set tight over the first part of its text, a few words that do not run on
    ("Belysningen i parken har länge varit dålig och" is a sentence's first line) and no bare "Ärende 3"."""
    words, r = lines[i].text.split(), rules()
    return standalone(lines, i, before_only=True) and i + 1 < len(lines) and lines[i + 1].kind == "sub" \
        and len(words) <= TIGHT_HEAD_WORDS and words[-1].casefold() not in r.title_stop_words \
        and r.bare_item_word.match(lines[i].text.strip()) is None and has_body(lines, i + 1)


def has_body(lines: list[Line], i: int) -> bool:
    """The next non-blank line is prose, not another heading candidate, a footer or a label."""
    footer_end = 0
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if line.kind in ("blank", "furniture") or j < footer_end:
            continue
        if line.kind == "contact" and (end := _contact_footer(lines, j)) is not None:
            footer_end = end  # a page's contact footer between a heading and its body ("Postadress: …" / "Telefon: …")
            continue
        if line.kind in ("contact", "field", "title"):
            return False
        if line.kind == "text" and _distribution_label(lines[i]):
            return True  # "Beslutet skickas till" over its recipients ("Gatuenheten Ekonomienheten")
        if line.kind in ("list", "agenda", "paragraph", "sub") or rules().caption.match(line.text):
            return True  # a caption ("Tabell 1. Nettokostnad per nämnd, tkr") opens the body of its heading
        if j == i + 1 and (_table_row(line) or j + 1 < len(lines) and _table_row(lines[j + 1])):
            return True  # a table right under the heading ("Milstolpe   Datum   Ansvarig" over its rows)
        if j == i + 1 and lines[i].kind == "sub" and _cell_run(lines, j):
            return True  # a known heading over a table flattened to one cell a line ("Åtgärder" over "Åtgärd", …)
        if lines[i].heading_mark and _table_row(line):
            return True  # a markdown heading over a table after a blank ("## Att göra" over "| Vad | Vem | När |")
        if line.text[:1].islower():
            return False  # the candidate is the first half of a broken sentence
        if lines[i].number is not None and lines[i].kind == "text" and _FIELD_LINE.match(line.text):
            return True  # a labelled part ("Uppdrag 2. Ny taxa") over its fields ("Givet: KS 2026-04-22, § 41")
        last = line.text.split()[-1].casefold()
        if j + 1 < len(lines) and lines[j + 1].kind == "list" and last in rules().title_stop_words:
            return True  # the lead-in of a list ("Vi rekommenderar nämnden att" over its bullets): no title ends so
        return not looks_like_heading(line) or is_sentence_like(line.text) or len(line.text) > 60 \
            or _paragraph_goes_on(lines, j) or _att_lead_in(lines, j)
    return False


def _cell_run(lines: list[Line], j: int) -> bool:
    """Lines ``j`` on are a table flattened to one cell a line: ``CELL_RUN`` or more short lines set tight, none a
    sentence."""
    run = lines[j:j + CELL_RUN]
    return len(run) == CELL_RUN and all(line.kind != "blank" and len(line.text) <= _CELL_CHARS
                                        and not is_sentence_like(line.text) for line in run)


def _att_lead_in(lines: list[Line], j: int) -> bool:
    """Line ``j`` leads in the att-clauses under it, past a blank ("Ordföranden beslutar på nämndens vägnar" over
    "att ge förvaltningen …")."""
    nxt = next((line for line in lines[j + 1:] if line.kind != "blank"), None)
    return nxt is not None and nxt.text.startswith("att ")


def _distribution_label(line: Line) -> bool:
    """The line is the label of a decision's list of recipients alone ("Beslutet skickas till:")."""
    return " ".join(line.text.rstrip(":").casefold().split()) in rules().distribution_labels


def tight_list_end(lines: list[Line], i: int) -> bool:
    """Blank line ``i`` ends a list set tight under its lead-in: two entries over it, the upper no lead-in
    ("…per revisionsfråga:" over the rows of a table; not an entry alone under the colon, which may go on in
    entries set apart by blanks)."""
    a, b = (lines[i - 2], lines[i - 1]) if i >= 2 else (None, None)
    return a is not None and b is not None and a.kind not in ("blank", "furniture") and b.kind != "blank" \
        and not a.text.rstrip().endswith(":")


def _leads_points(lines: list[Line], j: int) -> bool:
    """Line ``j`` leads into a list of points right under it: it ends in a colon or in "att", and the next line is a
    bullet or the first numbered point."""
    text, nxt = lines[j].text.rstrip(), lines[j + 1] if j + 1 < len(lines) else None
    return nxt is not None and (text.endswith(":") or text.rsplit(None, 1)[-1].casefold() == "att") and (
        nxt.kind == "list" and nxt.text[:1] in _BULLETS or _ANY_FIRST_POINT.match(nxt.text) is not None)


#: Lines of a wrapped paragraph read for its sentence's end after its first line.
_WRAPPED_LINES = 3


def _paragraph_goes_on(lines: list[Line], j: int) -> bool:
    """Line ``j`` is the first line of a paragraph that PDF text wrapped: the next lines go on in lower case and one
    of them ends a sentence ("Region Kalmar län och kommunen öppnar en gemensam" / "ungdomsmottagning i vecka 36.",
    or over two lines: "… Vi träffar" / "bolaget den 23 november om hyran, som i dag är" / "beräknad till …")."""
    for k in range(j + 1, min(j + 1 + _WRAPPED_LINES, len(lines))):
        nxt = lines[k]
        if nxt.kind != "text" or not nxt.text[:1].islower():
            return False
        if is_sentence_like(nxt.text):
            return True
    return False


def _table_row(line: Line) -> bool:
    """A line of text cells set apart by wide gaps."""
    return line.kind == "text" and COLUMN_GAP.search(line.text.strip()) is not None
