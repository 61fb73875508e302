"""The integrity of the language data: every file in resources/sv/ loads through its schema.

One test module for all rule files and word lists (dateparser-style consistency checks): each
JSON rule file has a declared schema and validates (unknown keys rejected, every pattern
compiles), no key is written twice, no list holds an entry twice, word lists carry their header,
and the tables that must agree with each other or with the public models do.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import pkgutil
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, get_args

import pytest
import regex
from pydantic import BaseModel

import kdextract
from kdextract.models import DeadlineKind, OrganisationKind, Qualifier
from kdextract.resources import Rules, load_lines, load_rules, read_text
from kdextract.text.fold import fold

DATA_DIR = resources.files("kdextract.resources").joinpath("sv")
#: Files that are not rule files, and why.
NOT_RULES = {"lexicon.txt.gz": "the OCR lexicon (format in LEXICON.md)", "LEXICON.md": "documents the lexicon",
             "lexicon_heads.txt.gz": "the lexicon's head index (checked in test_lexicon.py)"}


def _declared() -> dict[str, type[Rules]]:
    """Every rule file schema of the package (declared when their modules are imported)."""
    for module in pkgutil.walk_packages(kdextract.__path__, "kdextract."):
        if module.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(module.name)
        except ImportError:  # an optional extra that is not installed
            continue
    return dict(Rules.declared)


DECLARED = _declared()
FILES = sorted(f.name for f in DATA_DIR.iterdir() if f.name not in NOT_RULES)
JSON_FILES = [f for f in FILES if f.endswith(".json")]
WORD_LISTS = [f for f in FILES if f.endswith(".txt")]


def test_every_file_is_a_rule_file_or_a_word_list() -> None:
    assert FILES == sorted(JSON_FILES + WORD_LISTS)
    assert JSON_FILES and WORD_LISTS


@pytest.mark.parametrize("name", JSON_FILES)
def test_rule_file_has_a_schema_and_validates(name: str) -> None:
    assert name in DECLARED, f"{name} has no schema: declare `class X(Rules, file={name!r})` beside its reader"
    rules = DECLARED[name].model_validate_json(read_text(name))  # every pattern compiles (load_rules leaves that out)
    assert rules == load_rules(name, DECLARED[name])
    assert rules.version >= 1 and len(rules.description) > 20
    assert list(json.loads(read_text(name)))[:2] == ["version", "description"]


def test_every_schema_has_its_file() -> None:
    assert set(DECLARED) <= set(JSON_FILES)


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models inside a field's type (``Part``, ``list[LineRule]``, ``dict[str, WordList]``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _nested_models(arg)]


def test_every_rule_field_is_read_by_the_code() -> None:
    """No dead data: each field of a rule file's schema (nested parts too) is read somewhere in the package."""
    package = Path(kdextract.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py"))
    todo: list[type[BaseModel]] = list(DECLARED.values())
    seen: set[type[BaseModel]] = set()
    unread = []
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            if name not in {"version", "description"} and not regex.search(rf"\.{name}\b|[\"']{name}[\"']", source):
                unread.append(f"{model.__name__}.{name}")
            todo.extend(_nested_models(field.annotation))
    assert not unread


def test_unknown_keys_and_bad_patterns_are_rejected() -> None:
    schema = DECLARED["decisions.json"]
    data = json.loads(read_text("decisions.json"))
    with pytest.raises(ValueError, match="extra"):
        schema.model_validate({**data, "unknown_key": 1})
    with pytest.raises(ValueError, match="does not compile"):
        schema.model_validate({**data, "inline_heading": "(unclosed"})


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    assert not dupes, f"keys written twice: {dupes}"
    return dict(pairs)


@pytest.mark.parametrize("name", JSON_FILES)
def test_no_key_written_twice(name: str) -> None:
    json.loads(read_text(name), object_pairs_hook=_no_duplicate_keys)


def _lists(value: Any, where: str) -> list[tuple[str, list[Any]]]:
    """Every list of strings in a validated rule file, with where it is."""
    if isinstance(value, BaseModel):
        return [x for field, v in value for x in _lists(v, f"{where}.{field}")]
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in _lists(v, f"{where}[{k!r}]")]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return [(where, value)]
    if isinstance(value, list):
        return [x for i, v in enumerate(value) for x in _lists(v, f"{where}[{i}]")]
    return []


@pytest.mark.parametrize("name", JSON_FILES)
def test_no_list_entry_twice(name: str) -> None:
    rules = load_rules(name, DECLARED[name])
    for where, items in _lists(rules, name):
        dupes = sorted({w for w in items if items.count(w) > 1})
        assert not dupes, f"{where} lists {dupes} twice"


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_list_header_and_no_duplicates(name: str) -> None:
    text = read_text(name)
    assert text.startswith("# version: ") and text.splitlines()[1].startswith("# ")
    lines = load_lines(name)
    keys = [line.split("|")[0].split(";")[0] for line in lines]
    assert lines and len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


# ---- tables that must agree with each other and with the models ------------------------

def _rules(name: str) -> Any:
    return load_rules(name, DECLARED[name])


def test_calendar_words_are_complete_and_do_not_collide() -> None:
    from kdextract.parsers.dates.lexicon import edit_distance_at_most_one

    d = _rules("dates.json")
    assert sorted(d.months.values()) == list(range(1, 13))
    assert set(d.month_abbreviations.values()) <= set(range(1, 13))
    assert sorted(d.weekdays.values()) == list(range(7)) and set(d.weekday_abbreviations.values()) == set(range(7))
    assert set(d.seasons.values()) == set(d.seasons_past.values()) == set(d.season_order) == {"SP", "SU", "FA", "WI"}
    names = [fold(n) for n in d.months]
    long_names = [n for n in names if len(n) >= d.fuzzy_month_min_length]
    assert len(set(names)) == 12
    assert not any(a != b and edit_distance_at_most_one(a, b) for a in long_names for b in long_names)
    assert not {fold(w) for w in d.weekdays} & set(names)


def test_section_rules_name_the_calendar_of_the_date_rules() -> None:
    d, s = _rules("dates.json"), _rules("sections.json")
    assert s.month_names == [m for m, n in sorted(d.months.items(), key=lambda mn: mn[1])]
    assert s.weekday_names == [w for w, n in sorted(d.weekdays.items(), key=lambda wn: wn[1])]
    for pattern in (s.dated_heading, s.bare_item_not_title):
        assert "{month}" in pattern
    assert not set(s.month_names) & set(s.year_after) and not set(s.month_names) & set(s.not_item_prefixes)


def test_calendar_values_are_valid() -> None:
    d = _rules("dates.json")
    for month, day in [*d.holidays_fixed.values(), *d.feast_days.days.values()]:
        dt.date(2024, month, day)
    for kind, _ in [*d.holidays_movable.values(), *d.feast_days_movable.days.values()]:
        assert kind in {"easter", "midsummer", "allsaints"}
    assert set(d.units.values()) <= {"second", "minute", "hour", "day", "workday", "week", "month", "quarter", "year"}
    assert {fold(w) for w in d.days_off.words} <= {fold(k) for k in [*d.holidays_fixed, *d.holidays_movable]}
    for part, (a, b) in d.parts_of_day.items():
        assert 0 <= a <= b <= 23 and part in d.parts_of_day_timex
    assert set(d.relative_units.words.values()) <= {"week", "month", "half"}


def test_language_words_are_lower_case() -> None:
    d = _rules("dates.json")
    tables = [d.months, d.month_abbreviations, d.weekdays, d.weekday_abbreviations, d.seasons, d.seasons_past,
              d.units, d.relative_days, d.holidays_fixed, d.holidays_movable, d.parts_of_day,
              d.period_prepositions, d.next_words, d.last_words, d.this_words, d.recurring_weekday_words]
    cues = _rules("deadlines.json")
    tables += [*cues.kinds.values(), cues.past, cues.event_nouns.words]
    a = _rules("amounts.json")
    tables += [a.currency_words, a.unit_words, a.multipliers, a.minor_units, a.qualifiers, a.anaphora_scales,
               a.anaphora_followers, a.range_openers, a.change_openers, a.range_joiners.words]
    tables += [v for _, v in a.describe if isinstance(v, list)]
    n = _rules("numbers.json")
    tables += [n.units, n.tens, n.scales, n.ordinal_units, n.ordinal_tens]
    for table in tables:
        for word in table:
            assert word == word.lower() and word == word.strip() and "  " not in word, repr(word)


def test_kinds_match_the_models() -> None:
    assert set(_rules("deadlines.json").kinds) <= set(get_args(DeadlineKind))
    assert set(_rules("amounts.json").qualifiers.values()) <= set(get_args(Qualifier))
    orgs = _rules("organisations.json")
    kinds = set(get_args(OrganisationKind))
    assert {h.kind for h in orgs.body_heads} | {k.kind for k in orgs.known} <= kinds
    assert all(h.stem in h.forms for h in orgs.body_heads)
    names = [k.name for k in orgs.known]
    assert len(names) == len(set(names))


ISO = regex.compile(r"^[A-Z]{3}$")


def test_currencies_are_iso_codes_with_decimal_factors() -> None:
    a = _rules("amounts.json")
    codes = [*a.currency_words.values(), *a.codes.values(), *(iso for iso, _ in a.unit_words.values()),
             *(iso for iso, _ in a.unit_codes.values()), *(iso for iso, _ in a.minor_units.values()),
             *a.minor_bare_after]
    assert codes and all(ISO.match(c) for c in codes), [c for c in codes if not ISO.match(c)]
    assert all(Decimal(f) > 0 for _, f in [*a.unit_words.values(), *a.unit_codes.values()])
    assert all(Decimal(f) >= 1000 for f in [*a.multipliers.values(), *a.digit_suffixes.values()])
    assert {"SEK", "EUR", "USD", "GBP", "NOK", "DKK"} <= set(a.codes.values())
    assert all(p in a.codes or p.casefold() in a.currency_words or p in a.currency_words for p in a.prefix_currencies)
    assert set(a.anaphora_scales) <= set(a.multipliers)


def test_number_words() -> None:
    n = _rules("numbers.json")
    assert set(n.units).isdisjoint(n.tens)


def test_gazetteers() -> None:
    from kdextract.records.name_utils import is_first_name, is_role, municipalities, org_rules, role_base

    names = list(municipalities())
    assert len(names) == len(set(names)) == 290
    assert municipalities()["Solna"] == "stad" and municipalities()["Heby"] == "kommun"
    assert set(municipalities().values()) <= {"kommun", "stad", "region"}
    assert set(org_rules().official_stems) <= set(names)  # irregular official names are real municipalities
    regions = [line.split("|")[0] for line in load_lines("regions.txt")]
    assert len(regions) == len(set(regions)) == 21
    agencies = [p.strip() for line in load_lines("agencies.txt") for p in line.split("|")]
    assert len(load_lines("agencies.txt")) >= 100 and len(agencies) == len(set(agencies))
    for name in ("Försäkringskassan", "Arbetsförmedlingen", "Skatteverket", "Länsstyrelsen", "Polisen"):
        assert name in agencies
    assert is_role("kommundirektör") and is_role("Kommundirektören") and is_role("HR-chef")
    assert role_base("landshövdingen") == "landshövding" and not is_role("kommunen")
    assert len(load_lines("first_names.txt")) >= 300
    assert is_first_name("Göran") and is_first_name("Goran") and is_first_name("Ann-Britt")
    assert not is_first_name("Kommunen")


def test_signature_labels_give_known_roles() -> None:
    people = _rules("people.json")
    assert all(label == label.lower() for label in people.signature_labels)
    assert set(people.signature_labels.values()) <= {"sekreterare", "justerare", "ordförande"}
