"""Item heads of a flattened line: which numbers, § signs, item words and case numbers run into text lead an item.

Numbers rise; a § head is an item, a bare number needs more evidence (a line's start, a sentence end before it, the
next number of a run, a case number after its title); a labelled case number leads an item only in a list of cases.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.layout.item_runs import agenda_run, case_run, inside, label_before
from kdextract.layout.lettered import opens_lettered_run
from kdextract.layout.items import Head, head_at, opens_sentence, states_a_point, title_end
from kdextract.layout.rules import rules
from kdextract.layout.words import is_first_name
from kdextract.pattern_cache import compile_re

_TOKEN = compile_re(r"\S+")
_BARE_NUMBER = compile_re(r"[1-9]\d{0,2}")
_SPACE = compile_re(r"[ \t]*")
_SENTENCE_END = compile_re(r"[.!?:)]$")
_RANGE_END = compile_re(r"[-–]")
_PARAGRAPH_START = compile_re(r"(?:\f|\n[ \t]*\n)[ \t]*$")
_YEAR = compile_re(r"(?:19|20)\d{2}")
#: A sentence end inside a line, and how far back the head of a flattened document is searched for its kind.
_SENTENCE_BREAK = compile_re(r"[.!?][ \t]")
_HEAD_CHARS = 200
#: Most words of a title that a sentence's subject may follow in a flattened point (``_title_then_sentence``).
TITLE_WORDS = 5
#: A field's label ("Status:"): no item's title. Matched to its word's end only (``_field_at``).
_FIELD = compile_re(r"\p{Lu}\p{Ll}+:[ \t]")
_FIELD_WORD = compile_re(r"\p{Lu}\p{Ll}+")
#: A day or a year and its comma before a § sign ("2026-04-22, § 45"): a decision's citation.
_DATED = compile_re(r"\d,$")
#: What every head led by a word holds (``head_at``'s case numbers, § signs, "Ärende 4", "Au 7"): at most six
#: letters, blanks, a dash or slash, then a digit or a § sign. A capitalised word without it leads no item.
_MAY_LEAD = compile_re(r"\p{L}{1,6}[ \t]*(?:[-/][ \t]*)?[\d§]")


@lru_cache(maxsize=1)
def _field_at(text: str, pos: int, end: int) -> bool:
    """A field's label at ``pos`` (before ``end``), read to its word's end and two characters past it: ``regex``
    seeks the label's required colon through the rest of the text before it matches, at each head."""
    word = _FIELD_WORD.match(text, pos, end)
    return word is not None and _FIELD.match(text, pos, min(end, word.end() + 2)) is not None


def _labelled_case() -> regex.Pattern[str]:
    r = rules()
    return compile_re(r"[ \t]*(?P<open>\()?(?i:" + r.case_label.pattern + r")[ \t]*(?:" + r.case.pattern + r")(?(open)\))")


def case_after(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """A "Dnr KS 2019/0417" that follows a title, or one in brackets: its whole span (label included)."""
    m = _labelled_case().match(text, pos, end)
    if m is None:
        return None
    s = m.start() + len(m.group()) - len(m.group().lstrip())
    return s, m.end()


def item_heads(text: str, start: int, end: int, keep_out: list[tuple[int, int]]) -> list[Head]:
    """The item heads of a flattened line, in order: numbers that rise, each with the evidence its form needs."""
    candidates: list[tuple[Head, str]] = []
    prev_tok = ""
    refs: dict[int, int] = {}  # the runs of cross references read (head_at)
    for tok in _TOKEN.finditer(text, start, end):
        first = tok.group()[0]
        if first.isdigit() or first == "§" or first.isupper() and _MAY_LEAD.match(text, tok.start(), end):
            # a capitalised item word leads an item here as at a line's start ("… protokollet. Ärende 2  Title")
            head = head_at(text, tok.start(), end, first.isupper(), refs) or _lettered_item(text, tok, end)
            if head is not None and not _labelled_lead(text, head) and not _surname_prefix(head, prev_tok):
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


def _labelled_lead(text: str, head: Head) -> bool:
    """A numbered head led by a case number whose label stands right before it ("… samråd Dnr SBN 2025/412 3.  Nästa
    titel"): the case is the item's before, the head starts at its number (read as a token of its own)."""
    return head.value is not None and head.case is not None and head.case[0] == head.start \
        and label_before().search(text, max(0, head.start - 30), head.start) is not None


def _surname_prefix(head: Head, prev: str) -> bool:
    """The word before a § sign is a person's surname, no committee's prefix, where a given name stands right before
    it ("Sekreterare Sara Ek § 41"; "KS § 41", "Au § 7" stay prefixes): the § sign heads the item alone."""
    return head.prefix is not None and not head.prefix.isupper() and is_first_name(prev)


def _lettered_item(text: str, tok: regex.Match[str], end: int) -> Head | None:
    """A bare item number whose item is a list of lettered entries, the first right after it ("15 a) Anmälan av
    protokoll b) …"): a head without a title of its own, which only a run of items makes one."""
    if not _BARE_NUMBER.fullmatch(tok.group()) or (after := _SPACE.match(text, tok.end(), end)) is None \
            or after.end() == tok.end() or not opens_lettered_run(text, after.end(), end):
        return None
    return Head(tok.start(), tok.group(), int(tok.group()), "agenda", False, None, None, after.end(), tok.end(), 1)


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


def _title_then_sentence(text: str, start: int, end: int) -> bool:
    """A short title without a finite verb runs into a sentence that opens with its subject after it ("7. Disposition
    av resultatet Stämman beslutade att …"): an item's head, though the words read on as a point's sentence."""
    words = [(m.start(), m.end()) for _, m in zip(range(TITLE_WORDS + 2), _TOKEN.finditer(text, start, end))]
    verbs = rules().finite_verbs
    for i in range(1, len(words) - 1):
        if text[words[i - 1][0]:words[i - 1][1]].casefold() in verbs:
            return False
        if text[words[i][0]].isupper() and opens_sentence(text, words, i):
            return True
    return False


def _accept(text: str, head: Head, prev: str, line_start: bool, last: int | None,
            keep_out: list[tuple[int, int]], end: int) -> bool:
    """Whether a head found in flattened text is an item: § heads are, bare numbers need more evidence."""
    after_break = line_start or bool(_SENTENCE_END.search(prev))
    inside_form = inside(keep_out, head.start)
    if head.kind == "case":  # (a case number after its label is the document's: "Vår beteckning: KS 2025/214")
        labelled = label_before().search(text, max(0, head.start - 30), head.start) is not None
        return after_break and not inside_form and not labelled
    if head.number is not None and head.number.startswith("§") or (head.prefix and "§" in (head.number or "")):
        # ("Givet: KS 2026-03-18, § 27 Status: Pågår", "Fastställd av fullmäktige 2026-04-22, § 45 Gäller …": a
        # decision cited by its day and paragraph, no item)
        # ("Övriga deltagande … Ekonomichef Eva Ek, § 64 Justerare …": a form's value names the § its person attends)
        return not (prev.endswith(",") and (_field_at(text, head.title_start, end) or _DATED.search(prev)
                                            or inside_form))
    if prev.endswith("§"):
        return False  # ("2026-11-12, § 98 Dnr …": a cited paragraph's number, read apart from its sign)
    consecutive = last is not None and head.value is not None and head.value == last + 1
    if head.number is not None and head.number[:1].isalpha() and head.kind == "agenda":
        # "Ärende 4  Title": the word says it is an item, in a form's tail too, whatever sentence its title runs
        # into; the first may follow a count of items ("Ärenden: 1–6 Ärende 1  Title")
        return consecutive or last is None and (after_break or head.value == 1)
    if states_a_point(text, head.title_start, end) and not _title_then_sentence(text, head.title_start, end):
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
    if case_after(text, stop, end) is not None:
        return after_break or consecutive
    return line_start or (consecutive and after_break)
