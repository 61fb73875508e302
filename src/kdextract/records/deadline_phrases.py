"""The patterns of the deadline rules' cue phrases: a letter å/ä/ö/é matches as written or as its OCR or ASCII
variant ("bor" for "bör" in a text typed without diacritics), blanks as any white space; a phrase written with a
leading "=" matches only with its own letters (its variant spelling is another word: "=bör", "bor" lives)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import product
from typing import Protocol

import regex

_VARIANTS = {"å": "[åa4]", "ä": "[äa]", "ö": "[öo6]", "é": "[ée]"}
_VARIANT_CHARS = {ch: variants.strip("[]") for ch, variants in _VARIANTS.items()}
#: Most characters of a cue phrase that its beginning (the pre-check of where a cue can begin) holds.
_BEGINNING = 4


def phrase_pattern(phrase: str) -> str:
    """The pattern of a (lower-case) cue phrase."""
    exact = phrase.startswith("=")
    out = []
    for ch in phrase.removeprefix("="):
        if ch in _VARIANTS and not exact:
            out.append(_VARIANTS[ch])
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(regex.escape(ch))
    return "".join(out)


def phrase_beginnings(phrase: str) -> list[str]:
    """What the lower-cased text holds where ``phrase_pattern(phrase)`` matches: the phrase's first characters, up
    to a blank or ``_BEGINNING`` of them, each as written or as one of its variants."""
    head = phrase.removeprefix("=").split(" ", 1)[0][:_BEGINNING]
    return ["".join(chars) for chars in product(*(_VARIANT_CHARS.get(ch, ch) for ch in head))]


class _Availability(Protocol):
    @property
    def words(self) -> list[str]: ...
    @property
    def promise_verbs(self) -> list[str]: ...
    @property
    def adverbs(self) -> list[str]: ...
    @property
    def object_verbs(self) -> list[str]: ...
    @property
    def objects(self) -> list[str]: ...


def cue_phrase_pattern(phrase: str, availability: _Availability) -> str:
    """The pattern of a (lower-case) cue phrase; one of ``availability``'s ("jag kan") matches only where no verb of
    a promise follows it, maybe after one of its adverbs ("jag kan nog leverera …" is a plan's modal), nor a verb
    that promises with a thing delivered as its object ("jag kan lämna synpunkter …"; not "lämna återbud")."""
    if phrase not in availability.words:
        return phrase_pattern(phrase)
    adverbs = "|".join(phrase_pattern(w.casefold()) for w in availability.adverbs)
    verbs = "|".join(phrase_pattern(w.casefold()) for w in sorted(availability.promise_verbs, key=len, reverse=True))
    with_object = "|".join(phrase_pattern(w.casefold()) for w in availability.object_verbs)
    objects = "|".join(phrase_pattern(w.casefold()) for w in sorted(availability.objects, key=len, reverse=True))
    return (rf"{phrase_pattern(phrase)}(?!\s+(?:(?:{adverbs})\s+)?(?:(?:{verbs})(?![\w])"
            rf"|(?:{with_object})(?:\s+[\w]+){{0,2}}?\s+(?:{objects})))")


class PhrasesByPair:
    """For two characters of the lower-cased text, the pattern (``make``) of the phrases (``groups``, each with its
    ``phrase_beginnings``) that can begin with them, in their order; made where a text first begins a cue with
    them: a first document compiles a few small patterns, not one of every phrase of a first letter."""

    def __init__(self, groups: Sequence[str], beginnings: Sequence[Sequence[str]],
                 make: Callable[[Iterable[str]], regex.Pattern[str]]) -> None:
        self._make = make
        self._made: dict[str, regex.Pattern[str] | None] = {}
        #: a first character -> each phrase it begins, with the characters its second may be (None: any)
        self._by_first: dict[str, list[tuple[str, frozenset[str] | None]]] = {}
        for group, begins in zip(groups, beginnings):
            for first in dict.fromkeys(b[:1] for b in begins):
                seconds = [b[1:2] for b in begins if b[:1] == first]
                self._by_first.setdefault(first, []).append((group, None if "" in seconds else frozenset(seconds)))

    def get(self, pair: str) -> regex.Pattern[str] | None:
        """The pattern of the phrases that can begin with ``pair`` (its last character alone at the text's end);
        None where none can."""
        if pair not in self._made:
            groups = [g for g, seconds in self._by_first.get(pair[:1], ()) if seconds is None or pair[1:] in seconds]
            self._made[pair] = self._make(groups) if groups else None
        return self._made[pair]
