"""Scans that read lines from where they are found: the name lines of a signature block (a line that
holds a name run's start) with the nearest lines around them that are not blank, and the label
patterns that match at a line's start (found through the line breaks). Each finds what reading
the text line by line (or ``(?m)^`` + the pattern) finds, on any text; so does the word index
(built from one split of the text) for its words."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from kdextract.records.person_names import NAME_RUN, name_runs
from kdextract.records.person_lists import _ATT_START, _SIG_LABEL, ATTENDANCE_LABELS, SIGNATURE_LABELS
from kdextract.records.word_index import WordIndex
from kdextract.text.lines import line_after, line_at, line_before, line_spans, lines_at

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)
#: Names, labels, titles and the blanks and breaks between them in a signature block or an attendance list.
PIECES = ["Eva Ek", "Per von Holm", "Anna-Karin Berg Lund", "Justeras", "Vid protokollet", "Närvarande",
          "Ledamöter", "Kommunchef", "ordförande", ":", " ", "  ", "\t", "\n", "\n\n", "\r", "\x0c", "\u2028",
          "x", "2"]


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for part in text.split("\n"):
        out.append((start, start + len(part)))
        start += len(part) + 1
    return out


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_name_lines_and_the_lines_around_them(text: str) -> None:
    nonblank = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    name_lines = [(s, e) for s, e in nonblank if NAME_RUN.fullmatch(text[s:e].strip())]
    found = list(lines_at(text, (m.start() for m in name_runs(text))))
    assert found == list(dict.fromkeys(line_at(text, m.start()) for m in name_runs(text)))
    assert [line for line in found if line in name_lines] == name_lines
    for i, (s, e) in enumerate(nonblank):
        assert line_before(text, s) == (text[slice(*nonblank[i - 1])].strip() if i else "")
        assert line_after(text, e) == (text[slice(*nonblank[i + 1])].strip() if i + 1 < len(nonblank) else "")


ATTENDANCE = regex.compile(r"(?m)^[ \t]*(?P<label>" + ATTENDANCE_LABELS + r")[ \t]*:?[ \t]*(?=\S)")
SIGNATURE = regex.compile(r"(?im)^[ \t]*(?P<l>" + "|".join(map(regex.escape, SIGNATURE_LABELS)) + r")[ \t]*:?"
                          r"[ \t]*(?P<rest>[^\n]*)$")


@SETTINGS
@given(st.lists(st.sampled_from([*PIECES, "VID PROTOKOLLET", "justerare"]), max_size=20).map("".join))
def test_labels_at_line_starts(text: str) -> None:
    for found, pattern, groups in ((_ATT_START, ATTENDANCE, ["label"]), (_SIG_LABEL, SIGNATURE, ["l", "rest"])):
        assert [[m.span(g) for g in groups] + [m.end()] for m in found.finditer(text)] == \
            [[m.span(g) for g in groups] + [m.end()] for m in pattern.finditer(text)]


@SETTINGS
@given(st.lists(st.sampled_from([*PIECES, "Ek", "ek", "2024", "-", "å", "\u0308", "ǅ", "½", "ł", "\u0663", "–"]), max_size=20).map("".join))
def test_word_index_holds_every_run(text: str) -> None:
    runs = list(regex.finditer(r"[\p{L}\p{N}]+", text))
    index = WordIndex(text)
    assert list(zip(index.starts, index.ends)) == [m.span() for m in runs]
    assert {w: list(at) for w, at in index.by_word.items()} == \
        {w: [i for i, m in enumerate(runs) if m.group() == w] for w in {m.group() for m in runs}}


def test_line_spans_of_a_range_leave_the_breaks_out() -> None:
    text = "Beslut\nAnna Ek\n\nslut\n"
    assert [text[a:b] for a, b in line_spans(text)] == ["Beslut", "Anna Ek", "", "slut", ""]
    assert list(line_spans(text, 2, 10)) == [(2, 6), (7, 10)]  # the first line from mid-line, the last cut at 10
