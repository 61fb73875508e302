"""A numbered title or a sentence that a page's end cut in text without form feeds: the page's footer and the next
page's header stand between its two halves.

PDF text without page breaks keeps the furniture of each page's edges where it stood ("§ 12 Försäljning av" /
"Justerandes sign   Utdragsbestyrkande" / "Kommunstyrelsen   PROTOKOLL   3 (7)" / "tomträtten Lärkan 3"). Where
an item's title ends in a word no title ends in ("av", "för", "och") and such furniture lines (with at most two
further cells of a header set tight under each) stand under it, the furniture is blanked, so the title's second
half is the next line after blanks, as it is after a page break (``layout.heading_context.continuation``). A line of
prose cut so ("… ska vara klar senast den" / header / "1 augusti 2028. …": its second half opens in lower case or
with a digit) is joined to its second half over the furniture: a line break for all of it, so the sentence is whole.

>>> text = "§ 12 Försäljning av\\n\\nJusterandes sign\\n\\nKommunstyrelsen PROTOKOLL 3 (7)\\ntomträtten Lärkan 3\\n"
>>> [text[s:e] for s, e, _, _ in cut_title_edits(text)]
['Justerandes sign', 'Kommunstyrelsen PROTOKOLL 3 (7)']
"""

from __future__ import annotations

from kdextract.layout.items import head_at
from kdextract.layout.lines import is_sentence_like
from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re
from kdextract.text.view import Replacement

#: Lines searched under a cut title for the furniture and the title's second half.
_WINDOW = 12
#: Longest line of page furniture, and of the further cells of a header line.
_FURNITURE_CHARS = 100
#: Lines set tight under a furniture line that may be its further cells ("Kommunstyrelsen   Sammanträdesdatum …").
_COMPANIONS = 2
#: Longest second half of a cut title.
_REST_CHARS = 80

#: Fewest words of a line of prose whose sentence a page's end may cut (a shorter line may be a heading).
_PROSE_WORDS = 6

#: A line's last word, read from the line's end (``(?r)``): a forward search tries every position of the line, and
#: where a blank that is no space or tab ends it ("ord\u3000"), reads the rest of the line from each (its square).
_LAST_WORD = compile_re(r"(?r)(\S+)[ \t]*$")


def cut_title_edits(text: str) -> list[Replacement]:
    """Blank the footer and header lines that stand between the two halves of an item title a page's end cut."""
    if "\f" in text:
        return []
    lines = _line_spans(text)
    stop_words = rules().title_stop_words
    reps: list[Replacement] = []
    for i, (start, end) in enumerate(lines):
        last = _LAST_WORD.search(text, start, end)
        if last is None or last.group(1).strip(",;").casefold() not in stop_words:
            continue
        lead = start + len(text[start:end]) - len(text[start:end].lstrip())
        if head_at(text, lead, end, line_start=True) is not None:
            reps += _furniture_under(text, lines, i + 1)
        elif len(text[start:end].split()) >= _PROSE_WORDS:
            reps += _furniture_under(text, lines, i + 1, prose=True)
    return reps


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _furniture_under(text: str, lines: list[tuple[int, int]], k: int, prose: bool = False) -> list[Replacement]:
    """The blanking edits of the furniture lines from line ``k`` on, where a short line that is no sentence (the
    title's second half) follows them; none otherwise. ``prose``: the line after them goes on with a sentence (it
    opens in lower case or with a digit): one edit, a line break for all from the cut line's end to that line."""
    furniture = rules().by_category["furniture"]
    found: list[tuple[int, int]] = []
    companions = _COMPANIONS
    for start, end in lines[k:k + _WINDOW]:
        content = text[start:end].strip()
        if not content:
            companions = _COMPANIONS
            continue
        lead = start + len(text[start:end]) - len(text[start:end].lstrip())
        if len(content) <= _FURNITURE_CHARS and furniture(content):
            found.append((lead, lead + len(content)))
            companions = 0
        elif found and companions < _COMPANIONS and len(content) <= _REST_CHARS and not content[:1].islower() \
                and not is_sentence_like(content):
            found.append((lead, lead + len(content)))
            companions += 1
        elif prose:
            goes_on = found and (content[0].islower() or content[0].isdigit())
            return [(lines[k - 1][1], lead, "\n", "running header inside a sentence")] if goes_on else []
        else:
            rest = found and len(content) <= _REST_CHARS and not is_sentence_like(content)
            return [(s, e, "", "running header") for s, e in found] if rest else []
    return []
