"""The OCR confusion table (``resources/sv/ocr_confusions.json``), indexed for repair and for noise.

A confusion ``(seen, meant, cost)`` says that OCR output shows ``seen`` where the print had
``meant``: "6" for "ö", "rn" for "m", "t" for "r". Repair undoes them (``kdextract.text.ocr``);
the synthetic noise generator (``kdextract.testing.noise``) applies them to clean text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kdextract.resources import Part, Pattern, Rules


class LetterClasses(Part):
    """Letter -> every character OCR may print for it."""

    classes: dict[str, str]


class DigitForLetter(Part):
    """Where OCR prints a digit for a letter, as a pattern on folded text."""

    pattern: Pattern


class SymbolNoise(Part):
    """What OCR prints for the paragraph sign, for a party code's capitals and for digits: [printed, weight]."""

    section_sign: list[tuple[str, float]]
    code_capitals: dict[str, list[tuple[str, float]]]
    digits: dict[str, list[tuple[str, float]]]


class NumberWords(Part):
    """Words that make a number's shape exact: units after an amount, month names after a day."""

    units: list[str]
    months: list[str]
    day_articles: list[str]
    weeks: list[str]


class ConfusionRules(Rules, file="ocr_confusions.json"):
    """What OCR prints for what the page had, and the words that tell damaged text from clean."""

    substitutions: list[tuple[str, str, float, str, float]]
    insertions: list[tuple[str, float]]
    sentinel_words: list[str]
    bullet_glyphs: list[str]
    real_bullets: list[str]
    one_for_i_not_after: list[str]
    one_for_i_not_before: list[str]
    name_letter_classes: LetterClasses
    four_for_a: DigitForLetter
    function_words: list[str]
    list_codes: list[str]
    quantifiers: list[str]
    genre_words: list[str]
    surname_endings: list[str]
    name_marks: list[str]
    run_together: list[str]
    run_together_prefixes: list[str]
    run_together_after: list[str]
    name_verbs: list[str]
    number_words: NumberWords
    symbol_noise: SymbolNoise
    sure_words: list[str]
    sure_word_letters: list[tuple[str, str]]
    stray_marks: list[str]
    several_look_alikes: list[tuple[str, str]]
    zero_units: list[str]


@dataclass(frozen=True)
class Confusion:
    seen: str
    meant: str
    cost: float
    #: "diacritic" (å/ä/ö and their stand-ins: cheap, also tried on names and real words) or "letter".
    kind: str
    #: how often the noise generator picks it among the confusions of the same character
    weight: float = 1.0


@dataclass(frozen=True)
class ConfusionTable:
    confusions: tuple[Confusion, ...]
    #: first character of ``seen`` -> confusions starting with it (for repair).
    by_seen_first: dict[str, tuple[Confusion, ...]]
    #: ``meant`` -> confusions producing it (for noise).
    by_meant: dict[str, tuple[Confusion, ...]]
    #: letters OCR drops, with the price of putting one back.
    insertions: tuple[tuple[str, float], ...]
    bullet_glyphs: frozenset[str]
    real_bullets: frozenset[str]
    one_for_i_not_after: frozenset[str]
    one_for_i_not_before: frozenset[str]
    #: frequent words with å/ä/ö (the quick check for clean text counts them and their damaged forms)
    sentinels: frozenset[str]
    #: damaged forms of the sentinels (one å/ä/ö replaced by an OCR stand-in) -> the sentinel
    damaged_sentinels: dict[str, str]


@lru_cache(maxsize=1)
def confusion_table() -> ConfusionTable:
    """The shipped Swedish confusion table."""
    data = ConfusionRules.load()
    confusions = tuple(Confusion(s, m, c, k, w) for s, m, c, k, w in data.substitutions)
    by_first: dict[str, list[Confusion]] = {}
    by_meant: dict[str, list[Confusion]] = {}
    for conf in confusions:
        by_first.setdefault(conf.seen[0], []).append(conf)
        by_meant.setdefault(conf.meant, []).append(conf)
    sentinels = frozenset(data.sentinel_words)
    damaged: dict[str, str] = {}
    for word in sentinels:
        for i, ch in enumerate(word):
            for conf in by_meant.get(ch, ()):
                if conf.kind == "diacritic":
                    form = word[:i] + conf.seen + word[i + 1:]
                    if form not in sentinels:
                        damaged.setdefault(form, word)
    return ConfusionTable(
        confusions=confusions,
        by_seen_first={k: tuple(sorted(v, key=lambda c: c.cost)) for k, v in by_first.items()},
        by_meant={k: tuple(v) for k, v in by_meant.items()},
        insertions=tuple(data.insertions),
        bullet_glyphs=frozenset(data.bullet_glyphs),
        real_bullets=frozenset(data.real_bullets),
        one_for_i_not_after=frozenset(data.one_for_i_not_after),
        one_for_i_not_before=frozenset(data.one_for_i_not_before),
        sentinels=sentinels,
        damaged_sentinels=damaged,
    )
