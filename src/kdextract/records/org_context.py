"""Listed names that are also common words ("Vision", "Kommunal", "Seko"): where they name an organisation.

Such a name counts written with a capital inside a sentence, not before a lower-case noun or a number, or
coordinated with another name ("med Vision och Vårdförbundet"); in a document about unions (one that holds a
``union_context_words`` word of ``resources/sv/organisations.json``: "MBL", "fackliga") also at a line's or a
sentence's start and before a lower-case word.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import WB_L, WB_R, is_sentence_start, org_rules
from kdextract.text.fold import fold_key

__all__ = ["in_context", "needs_context", "whole_cell"]


@lru_cache(maxsize=1)
def needs_context() -> frozenset[str]:
    """Folded forms of listed names that are also common words ("Kommunal", "Vision")."""
    return frozenset(fold_key(f) for item in org_rules().known if item.needs_context for f in [item.name, *item.aliases])


#: A lower-case word or a number after a listed name: the common word's use ("Vision 2030", "Vision och mål").
_COMMON_USE_AFTER = compile_re(r"[ \t]+(?:\p{Ll}|\d)")
#: Another name coordinated after a listed name ("Vision och Vårdförbundet", "Kommunal, Vision").
_COORDINATED_AFTER = compile_re(r"(?:[ \t]*,|[ \t]+(?:och|samt|eller))[ \t]+\p{Lu}")
_NUMBER_AFTER = compile_re(r"[ \t]+\d")


@lru_cache(maxsize=1)
def _union_words() -> regex.Pattern[str]:
    words = sorted(org_rules().union_context_words.words, key=len, reverse=True)
    return compile_re(WB_L + "(?:" + "|".join(map(regex.escape, words)) + ")" + WB_R, regex.IGNORECASE)


@lru_cache(maxsize=4)
def _about_unions(text: str) -> bool:
    """``text`` is about unions (a negotiation's minutes, a union list): it holds a ``union_context_words`` word."""
    return _union_words().search(text) is not None


def in_context(text: str, start: int, end: int) -> bool:
    """A name that is also a common word counts capitalised inside a sentence, not before a noun or number, or
    coordinated with another name; in a document about unions also at a sentence's start and before a word."""
    if not text[start].isupper():
        return False
    if _about_unions(text):
        return _NUMBER_AFTER.match(text, end) is None
    return not is_sentence_start(text, start) and (_COMMON_USE_AFTER.match(text, end) is None
                                                   or _COORDINATED_AFTER.match(text, end) is not None)


#: What opens and what closes a cell of a list set in columns: a line's edge or a wide gap.
_CELL_OPENS = compile_re(r"(?:\A|\n|\t|[ ]{3})[ \t]*\Z")
_CELL_CLOSES = compile_re(r"[ \t]*(?:\Z|\n|\t|[ ]{3})")


def whole_cell(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` fills a cell of its line: a line's edge or a wide gap on either side ("PRO Norra" in
    the right-hand column of an attendance list, beside a name), or the rest of a list's line after a name and a
    comma ("Eva Ek, PRO Norra")."""
    return _CELL_OPENS.search(text[max(0, start - 3):start]) is not None and _CELL_CLOSES.match(text, end) is not None \
        or _NAME_LEAD.search(text[max(0, start - _NAME_LEAD_CHARS):start]) is not None \
        and _LINE_CLOSES.match(text, end) is not None  # "Eva Ek, SPF Seniorerna Ekvik" on a list's line of its own


#: A list line's lead before a comma: a person's name of two to four capitalised words, a party in brackets.
_NAME_LEAD = compile_re(r"(?:\A|\n)[ \t]*\p{Lu}[\p{L}\-]+(?:[ \t]+\p{Lu}[\p{L}\-]+){1,3}(?:[ \t]*\([\p{L}]{1,4}\))?,[ \t]*\Z")
_NAME_LEAD_CHARS = 60
_LINE_CLOSES = compile_re(r"[ \t]*(?:\Z|\n)")
