"""The synthetic OCR-noise generator."""

from __future__ import annotations

import itertools

import pytest

from kdextract.testing.noise import add_ocr_noise, apply_spans, map_span, ocr_noise_spans

TEXT = """Förvaltningen föreslår att nämnden beslutar om en ny budget för året.
Arbetet påbörjas i april och ska vara klart till den 30 november.

- första punkten i listan
- andra punkten i listan
"""


def test_same_seed_same_noise_and_rate_zero_is_identity() -> None:
    assert add_ocr_noise(TEXT, rate=0.5, seed=7) == add_ocr_noise(TEXT, rate=0.5, seed=7)
    assert add_ocr_noise(TEXT, rate=0.5, seed=7) != add_ocr_noise(TEXT, rate=0.5, seed=8)
    assert add_ocr_noise(TEXT, rate=0.0, seed=7) == TEXT


def test_full_rate_damages_words_but_keeps_the_layout() -> None:
    noisy = add_ocr_noise(TEXT, rate=1.0, seed=3)
    assert noisy != TEXT
    assert noisy.count("\n") == TEXT.count("\n")
    assert len(noisy.split()) == len(TEXT.split())
    assert not any(ch in noisy for ch in "åäöÅÄÖ")  # every å/ä/ö word is damaged at rate 1
    changed = sum(a != b for a, b in zip(noisy.split(), TEXT.split()))
    assert changed >= 0.6 * len(TEXT.split())


def test_rate_is_roughly_the_share_of_damaged_words() -> None:
    text = TEXT * 40
    words = text.split()
    noisy = add_ocr_noise(text, rate=0.2, seed=1).split()
    share = sum(a != b for a, b in zip(noisy, words)) / len(words)
    assert 0.12 <= share <= 0.28


def test_bullets_can_break() -> None:
    noisy = add_ocr_noise(TEXT * 20, rate=0.5, seed=2)
    starts = {line[:1] for line in noisy.splitlines() if line.endswith("punkten i listan")}
    assert starts - {"-"}


def test_spans_apply_and_map() -> None:
    spans = ocr_noise_spans(TEXT, rate=0.6, seed=4)
    noisy = apply_spans(TEXT, spans)
    assert noisy == add_ocr_noise(TEXT, rate=0.6, seed=4)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    phrase = "den 30 november"
    start = TEXT.index(phrase)
    a, b = map_span(spans, start, start + len(phrase))
    assert noisy[a:b].split()[1] == "30"
    assert len(noisy[a:b].split()) == 3


def test_rate_out_of_range() -> None:
    with pytest.raises(ValueError):
        add_ocr_noise(TEXT, rate=1.5)


SIGNS = """§ 7 Ombyggnad av idrottshallen i Bergsvik
Dnr BN 2025/118

Närvarande: Tova Lindqvist (S), Ragnar Ekholm (M), Saga Berntsson (C)

Beslutet fattades 2025-09-14 och kostnaden beräknas till 3 480 tkr för hela ombyggnadsprojektet
som förvaltningen redovisar vid sammanträdet i oktober enligt den plan som nämnden fastställde.
"""


def test_symbols_are_off_by_default_and_add_to_the_letter_noise() -> None:
    plain = ocr_noise_spans(SIGNS, rate=0.3, seed=2)
    assert ocr_noise_spans(SIGNS, rate=0.3, seed=2, symbols=False) == plain
    with_symbols = ocr_noise_spans(SIGNS, rate=0.3, seed=2, symbols=True)
    assert set(plain) < set(with_symbols)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(with_symbols))


def test_symbols_damage_signs_codes_digits_and_word_boundaries() -> None:
    seen: set[str] = set()
    for seed in range(30):
        noisy = add_ocr_noise(SIGNS, rate=0.5, seed=seed, symbols=True)
        if not noisy.startswith("§"):
            seen.add("sign")
        if "(S)" not in noisy or "(M)" not in noisy or "(C)" not in noisy:
            seen.add("code")
        if "2025-09-14" not in noisy or "3 480" not in noisy:
            seen.add("digit")
        if "-\n" in noisy:
            seen.add("hyphen")
        if len(noisy.split()) != len(SIGNS.split()):
            seen.add("space")
    assert seen == {"sign", "code", "digit", "hyphen", "space"}


def test_a_date_is_traced_through_digit_damage() -> None:
    spans = ocr_noise_spans(SIGNS, rate=1.0, seed=5, symbols=True)
    noisy = apply_spans(SIGNS, spans)
    start = SIGNS.index("2025-09-14")
    a, b = map_span(spans, start, start + 10)
    assert len(noisy[a:b].strip()) == 10 and noisy[a:b].strip() != "2025-09-14"


def _bench_ocr():  # type: ignore[no-untyped-def]
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_ocr.py"
    spec = importlib.util.spec_from_file_location("kdx_bench_ocr", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_ocr_benchmark_traces_a_gold_phrase_that_a_line_break_splits() -> None:
    # the gold folds white space, so a decision's key may run over a line break of the text; its damaged copy is
    # the key of the damaged text (else a copy of the damaged decision counts as a miss)
    clean = "Nämnden beslutar att fördela bidraget till\nföreningarna enligt bilagan.\n"
    k = clean.index("bidraget")
    spans = [(k + 3, k + 4, "t")]  # "bidraget" read as "bidtaget"
    gold = {"decisions": [{"key": "fördela bidraget till föreningarna enligt bilagan"}]}
    traced = _bench_ocr().noisy_gold(gold, clean, spans)
    assert traced["decisions"][0]["key"] == "fördela bidtaget till\nföreningarna enligt bilagan"
