"""The date engine's speed devices change nothing: keyword pre-checks, trie-shaped word regexes.

Keyword clauses only decide which rules are worth running; every test here compares the gated
engine with one that runs every rule, or checks that a clause holds a keyword of every word the
rule can match.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_dates import NOT_DATES, OWN

from kdextract.parsers.dates import engine, find_dates
from kdextract.parsers.dates.fold import fold_text
from kdextract.parsers.dates.lexicon import word_regex, word_set_regex
from kdextract.parsers.dates.patterns import LEX, MONTHISH, WEEKDAYISH
from kdextract.text.word_starts import matches_at

LETTERS = string.ascii_lowercase + "åäö"
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]

# Phrases in the shapes of every rule, written for this test, some with odd blanks and punctuation.
PHRASES = [
    "Rapporten lämnas 2025-02-26 kl 10.15 och 2025-03.", "Svar 21/7, 3.4.2015 och 1-2 dagar.",
    "den 9 – 10 december", "23-24 oktober 2022", "11 augusti — 22 september", "perioden 2022–2025",
    "i slutet av april", "i början av 2014", "vid halvårsskiftet 2016", "vid årsskiftet", "efter sommaren",
    "under hösten", "senare i höst", "vecka 12", "v. 12", "v.12 2021", "kvartal 1", "Q1", "tertial 2",
    "T2 2021", "nästa år", "förra veckan", "i morgon", "(i dag)", "om två veckor", "för 3 år sedan",
    "tre dagar från idag", "efter två veckor", "för närvarande", "kvart i\ttre", "halv fem", "kl.14",
    "@ 15:30", "15h", "mellan 9 och 11", "första måndagen i maj", "sista fre i juni", "annandag påsk",
    "till midsommar", "i helgen", "på fredag eftermiddag", "måndag-fredag", "tisdagens möte",
    "den förste mars", "den 1:a", "2014 års budget", "verksamhetsplan 2014", "innevarande år",
    "i fjol", "fjolårets", "nästa månad", "de senaste 3 åren", "kommande två veckor", "inom 2 veckor",
    "Mån, 18 februari", "februari 15", "Torsdag 15 juni kl 09.15-11.45", "i\tdag", "just nu",
]


def _texts() -> list[str]:
    texts = [t for t, *_ in OWN] + list(NOT_DATES) + PHRASES
    texts += [f"den 8 {v} 2020" for v in _one_edit_variants("november")]
    texts += [f"i slutet av {v}" for v in _one_edit_variants("april")]
    return texts


def _one_edit_variants(word: str) -> set[str]:
    out = set()
    for i in range(len(word) + 1):
        for c in LETTERS:
            out |= {word[:i] + c + word[i:], word[:i] + c + word[i + 1:]}
        out.add(word[:i] + word[i + 1:])
    return out


def _found(text: str, ref: dt.date | dt.datetime | None) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.value, m.source.name) for m in find_dates(text, reference=ref)]


@pytest.mark.parametrize("ref", [None, dt.date(2020, 3, 15), dt.datetime(2023, 6, 9, 8, 30)])
def test_keywords_skip_only_rules_that_find_nothing(ref: dt.date | None, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    gated = [_found(t, ref) for t in texts]
    every = engine.RuleMatches
    monkeypatch.setattr("kdextract.parsers.dates.RuleMatches",
                        lambda folded, keep=True: every(folded, every_rule=True, keep=keep))
    assert [_found(t, ref) for t in texts] == gated
    assert sum(map(len, gated)) > len(PHRASES)  # the texts do hold dates


def test_every_month_read_one_edit_away_holds_a_month_keyword() -> None:
    keys = MONTHISH.split("|")
    checked = 0
    for name in MONTHS:
        for v in _one_edit_variants(name):
            w = fold_text(v)
            if LEX.month(w) is not None:
                checked += 1
                assert any(k in w for k in keys), v
    assert checked > 300


def test_month_words_are_the_words_a_month_is_read_in() -> None:
    """Every a-z word at most two edits from a month name (and every abbreviation) is in ``month_words``
    exactly where some reading of ``LEX.month`` finds a month in it."""
    near = {fold_text(v) for name in MONTHS for v in _one_edit_variants(name)}
    words = {w for v in near for w in _one_edit_variants(v)} | set(LEX.month_abbr)
    words = {w for w in words if w and set(w) <= set(string.ascii_lowercase)}
    assert {w for w in words if LEX.month(w) is not None} == words & LEX.month_words
    assert len(LEX.month_words) > 1000 and "mitten" not in LEX.month_words


def test_a_gated_rule_is_skipped_on_a_text_without_its_words() -> None:
    def ids(text: str) -> set[str]:
        return {r.id for r in engine.RuleMatches(fold_text(text)).rules}

    assert "dates/month" not in ids("Marknaden för bostäder växer snabbt i kommunen.")  # "mar": a keyword
    assert "dates/month" in ids("Marknaden växer sedan mars.")


@pytest.mark.parametrize("ref", [None, dt.date(2020, 3, 15)])
def test_gated_rules_find_what_their_handlers_find(ref: dt.date | None, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts() + ["fram till mars", "under nästa maj", "mellan mars och maj 2021", "i juni igen"]
    gated = [_found(t, ref) for t in texts]
    assert any(r.gate for r in engine.RULES)
    for r in engine.RULES:
        monkeypatch.setattr(r, "gate", None)
    assert [_found(t, ref) for t in texts] == gated


def test_weekday_and_ordinal_words_hold_their_keywords() -> None:
    wd = WEEKDAYISH.split("|")
    for w in [*LEX.weekdays, *LEX.weekday_abbr]:
        assert any(k in w for k in wd), w
    dayish = engine.ORDINALISH.split("|")
    for w, n in LEX.ordinals.items():
        if 1 <= n <= 31:
            assert any(k in w for k in dayish), w


def test_clauses_are_met_by_tokens_and_whole_words() -> None:
    rules = {r.id: r for r in engine.RULES}
    relative_day = rules["dates/relative_day"]
    met = engine.clauses_met(fold_text("vi ses i dag"))
    assert relative_day in engine.plan(met)
    met = engine.clauses_met(fold_text("varje tisdag"))  # "dag" inside a word is not the word "dag"
    assert relative_day not in engine.plan(met)
    assert rules["dates/clock_colon"] in engine.plan(engine.clauses_met("kl 9:30"))
    assert rules["dates/clock_colon"] not in engine.plan(engine.clauses_met("kl 930"))


def test_keywords_must_not_hold_blanks() -> None:
    with pytest.raises(ValueError, match="blanks"):
        engine.rule("dates/test_only", r"x", needs="i dag")


@pytest.mark.parametrize("ref", [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.datetime(9999, 12, 31, 23, 59)])
def test_calendar_edges_give_no_error(ref: dt.date) -> None:
    texts = ["För 6000 år sedan fanns städer.", "om 30 år", "i går kväll kl 22", "kl 23.30", "nästa vecka",
             "i månadsskiftet oktober-november", "igår", "förra tisdag", "nästa år"]
    for t in texts:
        for m in find_dates(t, reference=ref):
            assert 1 <= int(m.value[:4]) <= 9999


WORD_LISTS = {
    "ordinals": [w for w, n in LEX.ordinals.items() if 1 <= n <= 31],
    "numbers": list(LEX.numbers),
    "units": list(LEX.units),
    "weekdays": [*LEX.weekdays, *LEX.weekday_abbr],
    "phrases": ["i dag", "i dagsläget", "idag", "i", "i morgon", "i övermorgon", "tre", "tretti", "trettio"],
}


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_regex_matches_like_the_longest_first_alternation(name: str) -> None:
    words = [fold_text(w) for w in WORD_LISTS[name]]
    trie = re.compile(rf"(?:{word_regex(words)})(?![a-z])")
    plain = re.compile(
        "(?:" + "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))
        + r")(?![a-z])")
    probes = words + [a + " " + b for a, b in itertools.islice(itertools.product(words, repeat=2), 400)]
    probes += [w + "x" for w in words] + [w[:-1] for w in words if len(w) > 1] + [w.replace(" ", " \t ") for w in words]
    for p in probes:
        a, b = trie.match(p), plain.match(p)
        assert (a and a.group()) == (b and b.group()), p


def test_word_set_regex_matches_the_words_of_word_regex() -> None:
    """In a lookahead the shorter pattern (letters before the same rest as one class) finds what the trie does:
    the month words (names, abbreviations, misspellings), their one-letter edits and prefixes."""
    words = sorted(LEX.month_words) + ["i slutet av", "i början av", "i maj"]
    classed = re.compile(rf"(?=(?:{word_set_regex(words)})(?![a-z]))")
    trie = re.compile(rf"(?=(?:{word_regex(words)})(?![a-z]))")
    assert len(classed.pattern) < len(trie.pattern) / 2
    probes = {w[:i] + c + w[j:] for w in words[::3] for i in range(len(w) + 1) for j in (i, i + 1)
              for c in ("", "a", "e", "r", "x", " ", "\t ")}
    assert all(classed.match(w + " ") for w in words)
    for p in sorted(probes):
        assert bool(classed.match(p + " 2")) == bool(trie.match(p + " 2")), p


def _brute_select(cands: list[engine.DateCandidate]) -> list[engine.DateCandidate]:
    chosen: list[engine.DateCandidate] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, -c.priority, c.start)):
        if c.end > c.start and c.standalone and not any(c.start < o.end and o.start < c.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _brute_pairs(days: list[engine.DateCandidate], extras: list[engine.DateCandidate]) -> list[tuple[int, int]]:
    return [(d.start, x.start) for d in days for x in extras
            if 0 <= d.start - x.end <= 12 or 0 <= x.start - d.end <= 12]


def test_long_texts_are_merged_and_selected_like_the_pairwise_reading() -> None:
    import importlib
    import random

    from kdextract.parsers.dates.reference import parse_reference as _reference

    merge_module = importlib.import_module("kdextract.parsers.dates.merge")

    rnd = random.Random(5)
    parts = [rnd.choice(PHRASES + ["Mötet är den 3 maj kl 10.00.", "Fredag 14:30 och lördag kl 9", "i morgon 08:15"])
             for _ in range(600)]
    text = " ".join(parts)
    ref, now, grain = _reference(dt.datetime(2021, 4, 1, 9, 0))
    ctx = engine.Ctx(text, fold_text(text), ref, now, grain)
    cands = engine.collect(ctx, engine.RuleMatches(ctx.folded))
    extras = [c for c in cands if c.kind != "date"]
    days = [c for c in cands if c.kind == "date" and c.day is not None and c.val.granularity == "day"]
    assert len(days) * len(extras) > 64  # the indexed lookup is the one under test
    assert [(d.start, x.start) for d, x in merge_module._neighbours(days, extras)] == _brute_pairs(days, extras)
    merged = merge_module.merge(cands, ctx)
    assert [(c.start, c.end, c.rule) for c in engine.select(merged)] == \
        [(c.start, c.end, c.rule) for c in _brute_select(merged)]


def test_a_second_reading_matches_again_where_the_first_found_matches() -> None:
    from kdextract.parsers.dates import DateReader

    text = " ".join(PHRASES + ["Vi ses i morgon kl 9 och på fredag.", "Senast om två veckor, dock före den 3 juni."])
    reader = DateReader(text)
    assert reader.find() == DateReader(text).find()
    for reference in ("2021-04-01", "2019-11", dt.datetime(2024, 2, 29, 8, 0)):
        assert reader.find(reference) == DateReader(text).find(reference)  # read again from the starts kept
    matches = reader.matches
    assert all(len(starts) == sum(r.gate is None or m[r.gate[0]] in r.gate[1] for m in r.pattern.finditer(matches.folded))
               for r, starts in zip(matches.rules, matches._starts or [], strict=True))  # a gate keeps no start it drops
    assert sum(map(len, matches._starts or [])) > len(PHRASES)


# Pieces of odd text for the rules' pre-scan: odd case, digits glued to letters and to each other,
# å/ä/ö and other letters next to dates, OCR look-alikes (O for 0, l for 1, 4 for å), number
# punctuation, blanks of every kind, and the words that dates begin with.
_ODD_PIECES = [
    *MONTHS, "Maj", "DECEMBER", "sept.", "0kt", "ju1i", "mars", "må", "tis", "Fredag", "lördagen", "sön.",
    "den", "Den", "i", "I", "på", "pa", "för", "från", "fr.o.m.", "t.o.m", "till", "senast", "efter", "nästa",
    "förra", "kommande", "denna", "i dag", "idag", "morgon", "kl", "kl.", "klockan", "@", "halv", "kvart",
    "vecka", "v.", "v", "kvartal", "Q", "tertial", "T", "år", "året", "4ret", "p4", "hösten", "våren",
    "sommaren", "jul", "påsk", "midsommar", "helgen", "första", "förste", "tjugo", "tre", "två", "om", "sedan",
    "1", "9", "12", "31", "0", "2024", "1999", "1523", "20", "O1", "l9", "2O24", "§", "1:a", "3:e",
    "å", "ä", "ö", "Å", "é", "x", "ab", "ß", "١٢", "²", "_", "-", "–", "/", ".", ",", ":", ";", "(", ")", "'",
]
_ODD_GLUE = ["", "", " ", " ", "  ", "\t", "\n", "\n\n", "-", "/", ".", ":", ",", "–"]


@st.composite
def _odd_texts(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.tuples(st.sampled_from(_ODD_PIECES), st.sampled_from(_ODD_GLUE)), max_size=14))
    return "".join(p + g for p, g in pieces)


@settings(max_examples=400, deadline=None)
@given(text=_odd_texts(), fold=st.booleans())
def test_rules_tried_where_they_can_begin_find_what_a_full_scan_finds(text: str, fold: bool) -> None:
    folded = fold_text(text) if fold else text
    starts_of, place = engine.rule_starts()
    where = starts_of.starts(folded)
    for r in engine.RULES:
        assert [(m.span(), m.groups()) for m in matches_at(r.pattern, folded, where[place[id(r)]])] == \
            [(m.span(), m.groups()) for m in r.pattern.finditer(folded)], r.id
    long = (folded + "\n") * (engine.SHORT_TEXT // (len(folded) + 1) + 1)  # past the short texts' plain scans
    expected = [(r.id, [(m.span(), m.groups()) for m in r.pattern.finditer(long)
                        if r.gate is None or m[r.gate[0]] in r.gate[1]]) for r in engine.RULES]  # less what gates drop
    for keep in (False, True):
        matches = engine.RuleMatches(long, every_rule=True, keep=keep)
        for _ in range(2):  # with ``keep`` the second reading matches again where the first found matches
            got = {r.id: [(m.span(), m.groups()) for m in found] for r, found in matches}
            assert [(i, got.get(i, [])) for i, _ in expected] == expected  # a rule skipped by its gate finds none


def test_every_rule_is_tried_only_where_it_can_begin() -> None:
    starts, _ = engine.rule_starts()
    assert all(known is not None for known in starts.known)  # none falls back to a scan of every position
