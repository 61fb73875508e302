"""Finders for a board's own units ("kommunstyrelsens arbetsutskott", "socialnämndens förvaltning") and units
named for what they serve ("förvaltningen för Stöd och omsorg"); and the merge key of a body an abbreviation
stands for."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import WB_L, WB_R, key_of, org_rules
from kdextract.records.org_bodies import board_genitives, find_bodies
from kdextract.records.org_candidates import FULL_OFFICIAL, Cand
from kdextract.records.word_index import word_index
from kdextract.text.fold import fold_key
from kdextract.text.word_starts import Anchored, Beginnings

#: A board's genitive and its unit, whose name may coordinate a first part ("Socialnämndens individ- och
#: familjeomsorgsutskott").
_BOARD_UNIT = compile_re(WB_L + r"(?<![\p{L}\-])(?P<o>[\p{L}\-]++)[ \t]+(?:\p{L}++-[ \t]*(?:och|samt|eller)[ \t]+)?"
                                r"(?P<w1>\p{L}++)(?:[ \t]+(?P<w2>\p{L}++))?")
#: The run of letters and hyphens that ends at a position (read backwards).
_OWNER_BACK = compile_re(r"(?r)[\p{L}\-]++")
_COORDINATED_BEFORE = compile_re(r"(?<![\p{L}\-])[\p{L}][\p{L}\-]*?[ \t]?-[ \t]*(?:och|samt|eller)[ \t]+\Z", regex.V1)
_INDEFINITE_UTSKOTT = "utskott"
#: A committee's 'för' phrase of lower-case words, a first word cut before "och" ("för minoritets- och
#: integrationsfrågor", "för individärenden"); its last word's ending says whether it names questions.
_TOPIC = compile_re(r"[ \t]+för[ \t]+(?:\p{Ll}+-?[ \t]+(?:och|samt)[ \t]+)?(?P<last>\p{Ll}+)\b", regex.V1)


def find_utskott(text: str) -> Iterator[Cand]:
    """A board's own unit: "kommunstyrelsens arbetsutskott", "socialnämndens allmänna utskott",
    "kommunstyrelsens förvaltning", "Kommunstyrelsens kansli", "Socialnämndens individ- och familjeomsorgsutskott"
    (each word read once: linear)."""
    units = {fold_key(h): k for h, k in org_rules().board_units.heads.items()}
    heads = tuple(units)
    boards = tuple(fold_key(b) for b in board_genitives())
    for m in _board_units(text, boards):
        owner = fold_key(m.group("o"))
        if not owner.endswith(boards) or owner in boards:
            continue
        w1, w2 = fold_key(m.group("w1")), fold_key(m.group("w2") or "")
        last, end = (w2, m.end("w2")) if w1.endswith("a") and w2 and _unit_head(w2, heads) else (w1, m.end("w1"))
        head = _unit_head(last, heads)
        if head is None:
            continue
        gen = not last.endswith(head)  # the head was found only without a genitive -s
        coord = _COORDINATED_BEFORE.search(text, max(0, m.start() - 40), m.start())
        start = coord.start() if coord else m.start()  # "Barn- och utbildningsnämndens arbetsutskott"
        if not gen and last.endswith(_INDEFINITE_UTSKOTT) and (topic := _TOPIC.match(text, end)) is not None \
                and fold_key(topic.group("last")).endswith(_topic_endings()):
            end = topic.end()  # "Kommunstyrelsens utskott för minoritets- och integrationsfrågor"
        form = " ".join(text[start:end - 1 if gen else end].split())
        yield Cand(start, end, text[start:end], kind=units[head], key="utskott:" + key_of(form), form=form,
                   full=FULL_OFFICIAL, rule="organisations/utskott", method="rule", score=0.85,
                   explanation="a board's own unit", genitive=gen, head_key=_body_key(last[:-1] if gen else last))


@lru_cache(maxsize=1)
def _topic_endings() -> tuple[str, ...]:
    return tuple(fold_key(w) for w in org_rules().unit_topic_endings.words)


def _body_key(word: str) -> str | None:
    """The key a bare body of the unit ``word`` has ("arbetsutskottet" -> "body:arbetsutskott"): a bare
    "Arbetsutskottet" refers back to the one board's unit of that name ("Kommunstyrelsens arbetsutskott")."""
    for head in org_rules().body_heads:
        for form in sorted(head.forms, key=len, reverse=True):
            if word.endswith(fold_key(form)) and len(word) > len(form):
                return "body:" + key_of(word[:len(word) - len(form)] + head.stem)
    return None


def _board_units(text: str, boards: tuple[str, ...]) -> Iterator[regex.Match[str]]:
    """``_BOARD_UNIT.finditer(text, overlapped=True)`` where the owner's folded form can end with one of
    ``boards``: tried only at the owners' starts before the words (of the word index) that end so.

    An owner ends where its last word (letters after its last hyphen) ends, and the folded owner
    ends with a board (no hyphen in it) only if that word does; a word whose last character folds
    to none of the boards' last letters (or to nothing) does not."""
    index = word_index(text)
    lasts = tuple({b[-1] for b in boards})
    ends = {index.ends[i] for word, at in index.by_word.items()
            if _may_end_with(word[-1], lasts) and fold_key(word).endswith(boards) for i in at}
    tried = 0  # each stretch is read back once: an owner cut at the last end goes on before it (no start there)
    for end in sorted(ends):
        owner = _OWNER_BACK.match(text, tried, end)
        if owner is not None:
            m = _BOARD_UNIT.match(text, owner.start())
            if m is not None:
                yield m
        tried = end


@lru_cache(maxsize=4096)
def _may_end_with(char: str, lasts: tuple[str, ...]) -> bool:
    """Whether a word that ends with ``char`` can fold to end with one of ``lasts`` (a character that folds
    to nothing leaves it to the ones before)."""
    folded = fold_key(char)
    return not folded or folded.endswith(lasts)


def _unit_head(word: str, heads: tuple[str, ...]) -> str | None:
    """The unit head ``word`` ends with, also in the genitive ("arbetsutskotts" → "utskott")."""
    for w in (word, word[:-1] if word.endswith("s") else None):
        if w:
            head = next((h for h in heads if w.endswith(h)), None)
            if head is not None:
                return head
    return None


@lru_cache(maxsize=1)
def _unit_for() -> Anchored:
    units = org_rules().unit_for_heads
    pattern = compile_re(WB_L + r"(?P<u>(?i:" + "|".join(map(regex.escape, units)) + r"))[ \t]+för[ \t]+"
                            r"(?P<n>\p{Lu}\p{Ll}+(?:[ \t]+(?:och|&)[ \t]+\p{Ll}+)?)" + WB_R)
    return Anchored(pattern, Beginnings(units))


def find_unit_for(text: str) -> Iterator[Cand]:
    """'förvaltningen för Stöd och omsorg' (alias 'Stöd och omsorg')."""
    for m in _unit_for().finditer(text):
        yield Cand(m.start(), m.end(), m.group(), kind="administration", key="unitfor:" + key_of(m.group()),
                   form=m.group(), full=FULL_OFFICIAL, rule="organisations/unit_for_name", method="rule",
                   score=0.8, explanation=f"'{m.group('u')} för' + name", aliases=[m.group("n")])

@lru_cache(maxsize=None)
def abbr_key(full: str) -> str:
    """The merge key the rules give the body an abbreviation stands for."""
    for finder in (find_utskott, find_bodies):
        for c in finder(full):
            if c.start == 0 and c.end == len(full):
                return c.key
    return "body:" + key_of(full)
