"""Adjectives in bodies' names: "tekniska nämnden", "Sociala kontoret", "regionala utvecklingsnämnden"."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import (
    WB_L,
    WB_R,
    is_sentence_start,
    key_of,
    lower_word_elsewhere,
    ocr_beginning,
    ocr_pattern,
    org_rules,
)
from kdextract.records.org_candidates import FULL_NAME, Cand
from kdextract.text.fold import fold_key
from kdextract.text.word_starts import Beginnings, matches_at, starts_before

__all__ = ["find_adjective_bodies", "name_adjective_start"]


@lru_cache(maxsize=1)
def _adjective_body_re() -> regex.Pattern[str]:
    heads = org_rules().adjective_heads
    return compile_re(WB_L + r"(?P<adj>\p{L}+a)[ \t]+(?P<h>" + "|".join(ocr_pattern(h) for h in heads)
                         + r")(?P<g>s)?" + WB_R)

@lru_cache(maxsize=1)
def _adjective_heads() -> Beginnings:
    return Beginnings((ocr_beginning(h) for h in org_rules().adjective_heads), case_sensitive=True)


#: A word and the blanks after it (read backwards), and a word's start: the adjective before a head.
_WORD_AND_BLANKS = compile_re(r"(?r)\p{L}+[ \t]+")
_WORD_START = compile_re(r"(?<!\p{L})\p{L}")


@lru_cache(maxsize=1)
def _adjective_words() -> tuple[frozenset[str], frozenset[str]]:
    """The listed body adjectives and the stoplist, folded (built once, not for each text)."""
    rules = org_rules()
    listed = frozenset(fold_key(a) for a in rules.body_adjectives)
    return listed, frozenset(fold_key(a) for a in rules.adjective_stoplist)


def find_adjective_bodies(text: str) -> Iterator[Cand]:
    """'Sociala kontoret', 'tekniska nämnden': an adjective (-a) + a board's or office's head noun (tried at
    the word before each head)."""
    listed, stop = _adjective_words()
    starts = starts_before(text, _adjective_heads().starts(text), _WORD_AND_BLANKS, _WORD_START)
    for m in matches_at(_adjective_body_re(), text, starts):
        adj = m.group("adj")
        fa = fold_key(adj)
        if fa in stop:
            continue
        if fa not in listed:
            if not adj[0].isupper() or (is_sentence_start(text, m.start()) and lower_word_elsewhere(text, adj)):
                continue
        form = text[m.start():m.end("h")]
        yield Cand(m.start(), m.end(), m.group(),
                   kind="administration" if "kontor" in fold_key(m.group("h")) or "forvaltning"
                   in fold_key(m.group("h")) else "committee",
                   key="adj:" + key_of(form), form=form, full=FULL_NAME, rule="organisations/adjective_body",
                   method="rule", score=0.8, explanation=f"'{adj}' + '{m.group('h')}'",
                   genitive=bool(m.group("g")))


#: A word ending where a body's name begins, and the word before it (searched backwards from the name: both words are
#: the last ones, found at once, where a forward search tried every place of the 60 characters before).
_ADJECTIVE_BEFORE = compile_re(r"(?r)(?:(?<![\p{L}-])(?P<w>\p{L}+)[ \t]+)?(?<![\p{L}-])(?P<a>\p{L}{3,})[ \t]+\Z")


@lru_cache(maxsize=1)
def _adjective_rules() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    r = org_rules().name_adjectives
    return frozenset(map(fold_key, r.stoplist)), frozenset(map(fold_key, r.articles)), tuple(map(fold_key, r.endings))


def name_adjective_start(text: str, start: int) -> int:
    """Where a definite body's name begins that starts at ``start``: at a weak adjective right before it that is
    no attribute ("regionala utvecklingsnämnden", not "den regionala utvecklingsnämnden"), else ``start``; one
    capitalised inside a sentence opens the name whatever the word before it ("om att Regionala utvecklingsnämnden")."""
    m = _ADJECTIVE_BEFORE.search(text, max(0, start - 60), start)
    if m is None:
        return start
    stop, articles, endings = _adjective_rules()
    adj, before = fold_key(m.group("a")), fold_key(m.group("w") or "")
    if not adj.endswith(endings) or adj in stop:
        return start
    named = m.group("a")[0].isupper() and m.group("w") is not None and not is_sentence_start(text, m.start("a"))
    if not named and (before in articles or (len(before) >= 4 and before.endswith("s"))):
        return start
    return m.start("a")
