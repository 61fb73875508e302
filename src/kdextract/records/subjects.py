"""The grammatical subject of a finite verb, preferring organisation and person mentions.

``match_subject`` finds it in front of the verb (in its clause: after the last clause break) or, after a fronted
adverbial, right behind it. Each call reads the verb's clause and the mentions around it, never the sentence
from its start: one long sentence of many decision cues stays linear.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.clauses import ClauseRules, any_word, mentions_near, resolve_ref
from kdextract.text.fold import fold

if TYPE_CHECKING:
    from kdextract.records.context import Context

_RULES = ClauseRules.load()
#: a clause break in front of a verb: punctuation or a joining word ("och", "som", …)
_CLAUSE_BREAK = compile_re(r"[,;:(]|" + any_word(_RULES.clause_joiners))
_WORD_CHAR = compile_re(r"\w")
_WORD_RUN = compile_re(r"\w*")
_DEFINITE_NOUN_BEFORE = compile_re(r"([\p{L}-]*\p{L}(?:en|et|na|rna))\s*$", regex.V1)
_CAPITALISED_BEFORE = compile_re(r"(?:\p{Lu}[\p{L}-]*\s+){1,2}$", regex.V1)
_WORD = compile_re(r"[\p{L}\d][\p{L}\d'’:.-]*[\p{L}\d]|[\p{L}\d]", regex.V1)
_FUNCTION_WORDS = frozenset(fold(w) for w in _RULES.function_words)
_FRONTERS = frozenset(fold(w) for w in _RULES.fronters)
_PLACE_QUALIFIERS = [[fold(w)] for w in _RULES.place_qualifiers]


@dataclass(frozen=True)
class Subject:
    text: str
    start: int
    end: int
    ref: str | None


def match_subject(ctx: Context, sent: tuple[int, int], verb_start: int, verb_end: int,
                  cue_start: int | None = None) -> Subject | None:
    """The subject of the finite verb at ``[verb_start, verb_end)`` in sentence ``sent``.

    Straight order ("Kommundirektören har beslutat"): the noun phrase right before the verb.
    Inverted order after a fronted adverbial ("I enlighet med … har kommundirektören
    beslutat"): the words between the finite verb and the participle ``cue_start``.
    """
    text = ctx.text
    a, b = sent
    cue_start = verb_end if cue_start is None else cue_start
    clause_start = _clause_start(ctx, a, verb_start)
    known = mentions_near(ctx, sent, clause_start, verb_start)
    # a mention that opens the clause right before the verb is its subject, the words after the verb its objects
    # ("Kommunstyrelsen gav Anna Berg i uppdrag att …")
    opening = [k for k in known if not text[clause_start:k[0]].strip() and not text[k[1]:verb_start].strip()]
    # inverted order: "har kommundirektören beslutat", "har IT-strategen fått i uppdrag"
    if cue_start > verb_end and not opening:
        inner = mentions_near(ctx, sent, verb_end, cue_start)
        between = [(m.start(), m.end()) for m in _WORD.finditer(text, verb_end, cue_start)]
        content = [w for w in between if fold(text[w[0]:w[1]]) not in _FUNCTION_WORDS]
        head = text[content[0][0]:content[0][1]] if content else ""
        nounish = bool(head) and (head[0].isupper() or fold(head).endswith(("en", "et", "na", "rna", "n"))
                                  or any(k[0] == content[0][0] for k in inner))
        if content and len(between) <= 5 and nounish and not any(
                fold(text[w[0]:w[1]]) == "och" for w in between):
            s, e = content[0][0], content[-1][1]
            return Subject(text[s:e], s, e, _ref_for(ctx, text[s:e], inner, s, e))
    # a mention ending right before the verb
    before = [k for k in known if clause_start <= k[0] and k[1] <= verb_start
              and not text[k[1]:verb_start].strip(" \t\n,")]
    if before:
        s, e, ref = before[-1]
        for k in reversed(known):  # "Kommunstyrelsen i Ekby kommun beslutar": the body, qualified by its place
            if k[1] <= s:
                if clause_start < k[1] and fold(text[k[1]:s]).split() in _PLACE_QUALIFIERS:
                    s, ref = k[0], k[2]
                break
        s = _extend_left(text, clause_start, s)
        return Subject(text[s:e], s, e, ref)
    words = [(m.start(), m.end()) for m in islice(_WORD.finditer(text, clause_start, verb_start), 6)]
    first = fold(text[words[0][0]:words[0][1]]) if words else ""
    if words and first in _FRONTERS:
        # fronted adverbial, no subject between verb and cue: the subject follows the cue phrase
        return None
    if words and len(words) <= 5 and first not in _FUNCTION_WORDS:
        s, e = words[0][0], words[-1][1]
        return Subject(text[s:e], s, e, _ref_for(ctx, text[s:e], known, s, e))
    m2 = _DEFINITE_NOUN_BEFORE.search(text[clause_start:verb_start])
    if m2 and fold(m2.group(1)) not in _FUNCTION_WORDS:
        s, e = clause_start + m2.start(1), clause_start + m2.end(1)
        return Subject(text[s:e], s, e, _ref_for(ctx, text[s:e], known, s, e))
    return None


def _extend_left(text: str, clause_start: int, s: int) -> int:
    """Take a genitive/name run glued in front of a mention ("Dalakommunernas Samrådsgrupp")."""
    m = _CAPITALISED_BEFORE.search(text[clause_start:s])
    return clause_start + m.start() if m else s


def _ref_for(ctx: Context, name: str, known: list[tuple[int, int, str]], s: int, e: int) -> str | None:
    for ks, ke, ref in known:
        if ks < e and s < ke:
            return ref
    return resolve_ref(ctx, name)


def _breaks(ctx: Context) -> tuple[list[int], list[int]]:
    """(starts, ends) of the clause breaks of ``ctx.text``, read once per context."""
    cache = vars(ctx)
    if "_kdx_clause_breaks" not in cache:
        found = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(ctx.text)]
        cache["_kdx_clause_breaks"] = ([s for s, _ in found], [e for _, e in found])
    return cache["_kdx_clause_breaks"]  # type: ignore[no-any-return]


def _clause_start(ctx: Context, a: int, v: int) -> int:
    """The end of the last clause break in ``text[a:v]`` (``a`` if none). A break is one mark or one whole word,
    so none overlaps another: the text's breaks inside ``[a, v]`` are the slice's; only a word that ``a`` or ``v``
    cuts (a whole word in the slice) is read again."""
    text = ctx.text
    if v < len(text) and a < v and _WORD_CHAR.match(text, v) and _WORD_CHAR.match(text, v - 1):
        r = v
        while r > a and _WORD_CHAR.match(text, r - 1):
            r -= 1
        if _CLAUSE_BREAK.fullmatch(text[r:v]):
            return v
    starts, ends = _breaks(ctx)
    i = bisect_right(ends, v) - 1
    if i >= 0 and starts[i] >= a:
        return ends[i]
    if 0 < a < v and _WORD_CHAR.match(text, a - 1) and _WORD_CHAR.match(text, a):
        cut = _WORD_RUN.match(text, a, v)
        if cut is not None and _CLAUSE_BREAK.fullmatch(text[a:cut.end()]):
            return cut.end()
    return a
