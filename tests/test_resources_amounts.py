"""Consistency of the amounts language data (resources/sv/amounts.json) and numbers.json."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import get_args

import regex

from kdextract.models import Qualifier
from kdextract.resources import load_json, read_text

ISO = regex.compile(r"^[A-Z]{3}$")


def _no_duplicate_keys(name: str) -> None:
    def hook(pairs: list) -> dict:
        keys = [k for k, _ in pairs]
        dupes = {k for k in keys if keys.count(k) > 1}
        assert not dupes, f"{name}: duplicate keys {dupes}"
        return dict(pairs)

    json.loads(read_text(name), object_pairs_hook=hook)


def test_no_duplicate_keys() -> None:
    _no_duplicate_keys("amounts.json")
    _no_duplicate_keys("numbers.json")


def test_currency_codes_are_iso_shaped() -> None:
    d = load_json("amounts.json")
    codes = list(d["currency_words"].values()) + list(d["codes"].values())
    codes += [iso for iso, _ in d["unit_words"].values()] + [iso for iso, _ in d["unit_codes"].values()]
    codes += [iso for iso, _ in d["minor_units"].values()] + list(d["minor_bare_after"])
    assert codes and all(ISO.match(c) for c in codes), [c for c in codes if not ISO.match(c)]


def test_factors_are_decimals() -> None:
    d = load_json("amounts.json")
    for _, factor in list(d["unit_words"].values()) + list(d["unit_codes"].values()):
        assert Decimal(factor) > 0
    for factor in list(d["multipliers"].values()) + list(d["digit_suffixes"].values()):
        assert Decimal(factor) >= 1000


def test_qualifiers_map_to_model_literals() -> None:
    allowed = set(get_args(Qualifier))
    q = load_json("amounts.json")["qualifiers"]
    assert q and set(q.values()) <= allowed, set(q.values()) - allowed


def test_words_are_lower_case() -> None:
    d = load_json("amounts.json")
    lists = [d["currency_words"], d["unit_words"], d["multipliers"], d["minor_units"], d["qualifiers"],
             d["anaphora_scales"], d["anaphora_followers"], d["range_openers"], d["change_openers"],
             d["range_joiners"]["words"]]
    lists += [v for v in d["describe"].values() if isinstance(v, list)]
    for words in lists:
        for w in words:
            assert w == w.lower() and w == w.strip() and "  " not in w, repr(w)


def test_codes_are_known_currencies() -> None:
    d = load_json("amounts.json")
    isos = set(d["codes"].values())
    for p in d["prefix_currencies"]:
        assert p in d["codes"] or p.casefold() in d["currency_words"] or p in d["currency_words"], p
    assert {"SEK", "EUR", "USD", "GBP", "NOK", "DKK"} <= isos


def test_anaphora_scales_are_multipliers() -> None:
    d = load_json("amounts.json")
    assert set(d["anaphora_scales"]) <= set(d["multipliers"])


def test_numbers_json() -> None:
    d = load_json("numbers.json")
    for table in ("units", "tens", "scales", "ordinal_units", "ordinal_tens"):
        assert all(w == w.lower() for w in d[table])
    assert all(isinstance(v, int) for v in d["units"].values())
    assert set(d["units"]) .isdisjoint(d["tens"])
