"""The money vocabulary of ``resources/sv/amounts.json``: currencies, units, multipliers, qualifiers."""

from __future__ import annotations

from kdextract.models import Qualifier
from kdextract.resources import Part, Rules


class Describe(Part):
    """Words that tie an amount to what it is for ("kostar", "budgeten för", "till en kostnad av")."""

    cue_verbs: list[str]
    cue_auxiliaries: list[str]
    cue_adverbs: list[str]
    cue_tails: list[str]
    noun_links: list[str]
    copulas: list[str]
    right_links: list[str]
    articles: list[str]
    prepositions: list[str]
    clause_words: list[str]
    leading_drop: list[str]
    max_words: int


class RangeJoiners(Part):
    """What joins the two ends of a range: dashes and words."""

    dash: list[str]
    words: list[str]


class AmountRules(Rules, file="amounts.json"):
    """Currencies, units, multipliers, qualifiers and range words of money in Swedish text."""

    currency_words: dict[str, str]
    codes: dict[str, str]
    prefix_currencies: list[str]
    prefix_optional_dot: list[str]
    unit_words: dict[str, tuple[str, str]]
    unit_codes: dict[str, tuple[str, str]]
    multipliers: dict[str, str]
    digit_suffixes: dict[str, str]
    minor_units: dict[str, tuple[str, int]]
    minor_bare_after: list[str]
    qualifiers: dict[str, Qualifier]
    range_joiners: RangeJoiners
    range_openers: list[str]
    change_openers: list[str]
    year_like_min: int
    year_like_max: int
    anaphora_scales: list[str]
    anaphora_followers: list[str]
    anaphora_window: int
    rate_per: dict[str, str]
    rate_in: dict[str, str]
    rate_nouns: dict[str, str]
    unit_price_marks: list[str]
    describe: Describe
