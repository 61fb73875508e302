"""Amount records: what each amount is for (``what``) and the section it stands in.

>>> from kdextract.parsers.amounts import find_amounts
>>> text = "Startkostnaderna vid bildandet av räddningsförbundet uppgick till 1,8 miljoner kr."
>>> [a.what for a in describe_amounts(text, find_amounts(text), [], [(0, len(text))])]
['Startkostnaderna vid bildandet av räddningsförbundet']
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

import regex

from kdextract.layout.sections import SectionIndex
from kdextract.models import Amount, Section
from kdextract.parsers.amount_rules import AmountRules
from kdextract.parsers.amounts import find_amounts
from kdextract.pattern_cache import compile_re
from kdextract.records.amount_columns import column_amounts
from kdextract.records.context import Context
from kdextract.records.registry import builder

__all__ = ["describe_amounts"]

#: How much text left and right of an amount is read for what it is for: a clause, never a whole
#: run-on table (a 2,000-line budget table is one "sentence"), so that each amount costs the same.
LEFT_CHARS = 400
RIGHT_CHARS = 300
_BRACKETED = compile_re(r"\([^()]*\)|\[[^\[\]]*\]")
_TWO_LETTERS = compile_re(r"[^\W\d_]{2}")
_DIGIT = compile_re(r"\d")


def _alt(words: Any) -> str:
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace("\\ ", r"\s+") for w in items)


@dataclass(frozen=True)
class _Rules:
    direct: Any
    inverted: Any
    noun_link: Any
    right: Any
    clause_cut: Any
    articles: frozenset[str]
    prepositions: frozenset[str]
    verbs: frozenset[str]
    drop: frozenset[str]
    max_words: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    d = AmountRules.load().describe
    cue = _alt(d.cue_verbs)
    aux = _alt(d.cue_auxiliaries)
    tail = _alt(d.cue_tails)
    adv = rf"(?:\s+(?:{_alt(d.cue_adverbs)}))?"
    direct = compile_re(rf"(?i)(?<!\w)(?:(?:{aux})\s+)*(?:{cue}){adv}(?:\s+(?:{tail}))?\s*$")
    inverted = compile_re(
        rf"(?i)(?<!\w)(?:(?:{cue})\s+(?P<np>[^\d\s].*?)\s+(?:till|på|med)"
        rf"|(?:{_alt(d.copulas)})\s+(?P<np>[^\d\s].*?))\s*$"
    )
    noun_link = compile_re(rf"(?i)(?<!\w)(?:{_alt(d.noun_links)})\s*$")
    right = compile_re(rf"(?i)^\s*(?:{_alt(d.right_links)})\s+(?P<np>[^\d\W][^.;:()!?\n]*)")
    clause_cut = compile_re(rf"(?i)(?:[;:(\[\n•]|(?<!\w)(?:{_alt(d.clause_words)})(?!\w))")
    verbs = frozenset(w.casefold() for w in d.cue_verbs + d.cue_auxiliaries)
    return _Rules(direct, inverted, noun_link, right, clause_cut, frozenset(d.articles),
                  frozenset(d.prepositions), verbs, frozenset(d.leading_drop), int(d.max_words))


def _clause(left: str, rules: _Rules) -> str:
    """The part of ``left`` after its last clause boundary (words inside closed brackets do not count)."""
    masked = left
    while True:
        unbracketed = _BRACKETED.sub(lambda m: "_" * len(m.group()), masked)
        if unbracketed == masked:
            break
        masked = unbracketed
    last = None
    for last in rules.clause_cut.finditer(masked):
        pass
    return left[last.end():] if last else left


def _clean(np: str, rules: _Rules, cut_at_article: bool = True) -> str | None:
    words = np.split()
    if cut_at_article:
        # an article after a non-preposition starts a new noun phrase: "få en minnesgåva" -> "minnesgåva"
        for i in range(len(words) - 1, 0, -1):
            if words[i].casefold() in rules.articles and words[i - 1].casefold() not in rules.prepositions:
                words = words[i:]
                break
    while words and (words[0].casefold() in rules.articles or words[0].casefold() in rules.drop):
        words = words[1:]
    while words and words[-1].casefold() in rules.drop | rules.articles:
        words = words[:-1]
    text = " ".join(words)
    if "," in text:  # "en analys av X, under hösten" -> "en analys av X"
        head, _, tail = text.rpartition(",")
        if tail.split() and tail.split()[0].casefold() in rules.prepositions:
            words = head.split()
    if len(words) > rules.max_words:
        return None
    text = " ".join(words).strip(" ,.-–—\"'”“")
    if not _TWO_LETTERS.search(text):
        return None
    if all(w.casefold() in rules.verbs for w in text.split()):
        return None
    return text


def _sentence(text: str, sentences: Sequence[tuple[int, int]], starts: list[int], offset: int) -> tuple[int, int]:
    """The sentence holding ``offset`` (``starts``: the sentences' starts), else one found here."""
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < sentences[i][1]:
        return sentences[i]
    lo = max(0, offset - LEFT_CHARS)
    start = lo
    for m in _SENTENCE_BREAK.finditer(text, lo, offset):
        start = m.end()
    stop = _SENTENCE_END.search(text, offset, offset + RIGHT_CHARS)
    return start, (stop.end() if stop else min(len(text), offset + RIGHT_CHARS))


_SENTENCE_BREAK = compile_re(r"[.!?](?=\s+\p{Lu})|\n\s*\n")
_SENTENCE_END = compile_re(r"[.!?](?=\s|$)|\n\s*\n")


def _strip_qualifier(left: str, amount: Amount) -> str:
    q = amount.qualifier_text
    stripped = left.rstrip()
    if q and stripped.endswith(q):
        return stripped[: -len(q)]
    return left


def _what(text: str, span: tuple[int, int], amount: Amount) -> str | None:
    rules = _rules()
    s0, s1 = max(span[0], amount.start - LEFT_CHARS), min(span[1], amount.end + RIGHT_CHARS)
    left_all = text[s0:amount.start]
    for left in dict.fromkeys([_strip_qualifier(left_all, amount), left_all]):
        clause = _clause(left, rules)
        m = rules.direct.search(clause)
        if m and m.start() > 0:
            np = _clean(clause[: m.start()], rules)
            if np:
                return np
        m = rules.inverted.search(clause)
        if m:
            np = _clean(m.group("np"), rules)
            if np and m.group("np").split()[0].casefold() not in rules.verbs:
                return np
        m = rules.noun_link.search(clause)
        if m and m.start() > 0:
            np = _clean(clause[: m.start()], rules)
            if np:
                return np
    m = rules.right.match(text[amount.end:s1])
    if m:
        np = _clean(_clause(m.group("np"), rules), rules, cut_at_article=False)
        if np:
            return np
    # a label: "Lokalhyra: 85 000 kr", "Lokalhyra 85 000 kr" at the start of a line
    line = left_all.rsplit("\n", 1)[-1]
    label = _strip_qualifier(line, amount).strip().rstrip(":").strip()
    words = label.split()
    if 0 < len(words) <= 6 and not _DIGIT.search(label) \
            and not any(w.casefold() in rules.verbs for w in words):
        return _clean(label, rules, cut_at_article=False)
    return None


@builder("amounts")
def build_amounts(ctx: Context) -> list[Amount]:
    """Every amount of money (ids "amt-1", … in text order), with what it is for and its section."""
    found = find_amounts(ctx.text)
    found = sorted(found + column_amounts(ctx.text, found), key=lambda a: a.start)
    found = [a.model_copy(update={"id": f"amt-{i}"}) for i, a in enumerate(found, start=1)]
    return describe_amounts(ctx.text, found, ctx.sections, ctx.sentences)


def describe_amounts(
    text: str,
    amounts: list[Amount],
    sections: list[Section],
    sentences: list[tuple[int, int]],
) -> list[Amount]:
    """Copies of ``amounts`` with ``what`` (what the amount is for, in the text's words, where the
    sentence makes it clear) and ``section`` (id of the innermost section containing it).

    ``sentences`` are in text order and do not overlap (as ``sentence_spans`` gives them).
    """
    starts = [s for s, _ in sentences]
    index = SectionIndex(sections)
    out = []
    for amount in amounts:
        what = amount.what or _what(text, _sentence(text, sentences, starts, amount.start), amount)
        section = amount.section or index.id_at(amount.start)
        out.append(amount.model_copy(update={"what": what, "section": section}))
    return out
