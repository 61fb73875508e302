"""Where an item's title ends: before a case number or a presenter after a dash that closes its line, or on the
next line where that line hangs under the title."""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.layout.rules import rules
from kdextract.layout.words import is_first_name
from kdextract.pattern_cache import compile_re

_NEXT_LINE_INDENT = compile_re(r"\n([ ]+)\S")


def hanging_rest(text: str, end: int, title_start: int) -> bool:
    """The line after the one ending at ``end`` starts right under the title's first letter at ``title_start``."""
    m = _NEXT_LINE_INDENT.match(text, end)
    return m is not None and len(m.group(1)) == title_start - (text.rfind("\n", 0, title_start) + 1)


def before_case(text: str, start: int, end: int) -> int:
    """The end of the title ``text[start:end]`` less the case number that closes it, in brackets ("… år 2027
    (KS 2026/240)") or labelled ("… Snickeri AB, Dnr KS 2026/198")."""
    m = bracketed_case().search(text, start, end) or trailing_case().search(text, start, end)
    return m.start() if m is not None and m.start() > start else end


@lru_cache(maxsize=1)
def bracketed_case() -> regex.Pattern[str]:
    """A case number with its letters and a slash in brackets that ends an item's title ("(KS 2026/240)"; not a
    report's number: "(SOU 2017:114)")."""
    return compile_re(rf"[ \t]*\((?=\p{{Lu}}[^)/]*/)(?P<case>{rules().case.pattern})\)[ \t]*\Z")


@lru_cache(maxsize=1)
def trailing_case() -> regex.Pattern[str]:
    """A labelled case number that ends an item's line, where lost line breaks ran it into the title or a
    comma set it after the title's last line ("… prognos för" / "helåret, Dnr KS 2026/12"); after a comma also
    without its label, where a series' letters and a slash mark it ("Årsredovisning 2025, KS 2026/88")."""
    r = rules()
    return compile_re(rf"(?:[ \t]*,)?[ \t]+(?i:{r.case_label.pattern})[ \t]*(?P<case>{r.case.pattern})[ \t]*\Z"
                      rf"|[ \t]*,[ \t]*(?=\p{{Lu}}[^,/\n]*/)(?P<case>{r.case.pattern})[ \t]*\Z")


#: A title's last part after a dash that may name who presents the item: "… – Eva Ek, ekonom".
_DASHED_PRESENTER = compile_re(r"[ \t]+[–—-][ \t]+(?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?"
                                  r"(?:[ \t]+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2})"
                                  r"(?:[ \t]*,[ \t]*\p{Ll}[\p{L}-]*(?:[ \t]+\p{L}[\p{L}-]*){0,3})?[ \t]*\Z")


def before_dashed_presenter(text: str, start: int, end: int) -> int:
    """The end of the title ``text[start:end]`` without a presenter after a dash ("Budget – Eva Ek, ekonom"):
    a given name and a surname, with what they do after a comma where it is written."""
    m = _DASHED_PRESENTER.search(text, start, end)
    if m is None or m.start() == start or not is_first_name(m.group("name").split()[0]):
        return end
    return m.start()
