"""Consistency of the date and deadline language data (dateparser-style checks)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from kdextract.resources import load_json
from kdextract.text.fold import fold


def _raw(name: str) -> str:
    return resources.files("kdextract.resources").joinpath("sv", name).read_text(encoding="utf-8")


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [k for k, _ in pairs]
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes, f"duplicate keys: {sorted(dupes)}"
    return dict(pairs)


@pytest.mark.parametrize("name", ["dates.json", "deadlines.json"])
def test_no_duplicate_keys(name: str) -> None:
    json.loads(_raw(name), object_pairs_hook=_no_duplicates)


def test_every_month_and_weekday() -> None:
    data = load_json("dates.json")
    assert sorted(data["months"].values()) == list(range(1, 13))
    assert set(data["month_abbreviations"].values()) <= set(range(1, 13))
    assert sorted(data["weekdays"].values()) == list(range(7))
    assert set(data["weekday_abbreviations"].values()) == set(range(7))
    assert set(data["seasons"].values()) == {"SP", "SU", "FA", "WI"}
    assert set(data["seasons_past"].values()) == {"SP", "SU", "FA", "WI"}


def test_words_are_lower_case() -> None:
    data = load_json("dates.json")
    for table in ("months", "month_abbreviations", "weekdays", "weekday_abbreviations", "seasons", "seasons_past",
                  "units", "relative_days", "relative_years", "holidays_fixed", "holidays_movable", "parts_of_day"):
        for word in data[table]:
            assert word == word.lower() and word == word.strip(), (table, word)
    for lst in ("period_prepositions", "next_words", "last_words", "this_words", "recurring_weekday_words"):
        for word in data[lst]:
            assert word == word.lower(), (lst, word)
    cues = load_json("deadlines.json")
    for words in [*cues["kinds"].values(), cues["past"], cues["event_nouns"]["words"]]:
        for word in words:
            assert word == word.lower(), word


def test_month_names_do_not_collide_when_folded_or_fuzzy() -> None:
    from kdextract.parsers.dates.lexicon import edit_distance_at_most_one
    data = load_json("dates.json")
    names = [fold(n) for n in data["months"]]
    assert len(set(names)) == 12
    long_names = [n for n in names if len(n) >= data["fuzzy_month_min_length"]]
    for a in long_names:
        for b in long_names:
            assert a == b or not edit_distance_at_most_one(a, b), (a, b)
    weekdays = {fold(w) for w in data["weekdays"]}
    assert not weekdays & set(names)


def test_holidays_are_valid() -> None:
    import datetime as dt
    data = load_json("dates.json")
    for name, (m, d) in data["holidays_fixed"].items():
        dt.date(2024, m, d)
    for name, (kind, off) in data["holidays_movable"].items():
        assert kind in {"easter", "midsummer", "allsaints"} and isinstance(off, int), name


def test_units_map_to_known_grains() -> None:
    data = load_json("dates.json")
    assert set(data["units"].values()) <= {"second", "minute", "hour", "day", "week", "month", "quarter", "year"}
    for part, (a, b) in data["parts_of_day"].items():
        assert 0 <= a <= b <= 23, part
        assert part in data["parts_of_day_timex"]


def test_deadline_kinds_match_the_model() -> None:
    from typing import get_args

    from kdextract.models import DeadlineKind
    cues = load_json("deadlines.json")
    assert set(cues["kinds"]) <= set(get_args(DeadlineKind))
