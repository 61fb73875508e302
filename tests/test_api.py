"""The small public API: import cost, parse of text and paths, parse_many, the engine choice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import kdextract
from kdextract.errors import InputError

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "kommundirektorens_rapport.txt"


def test_import_is_light() -> None:
    code = "import sys, kdextract; kdextract.Document; print(sorted(m for m in ('spacy', 'torch', 'stanza') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_parse_text_and_path_agree() -> None:
    from_path = kdextract.parse(EXAMPLE)
    from_text = kdextract.parse(EXAMPLE.read_text(encoding="utf-8"))
    assert from_path.id == "kommundirektorens_rapport.txt" and from_text.id is None
    assert from_path.model_dump(exclude={"id"}) == from_text.model_dump(exclude={"id"})


def test_example_report_end_to_end() -> None:
    doc = kdextract.parse(EXAMPLE)
    assert doc.meta.kind == "kommundirektorens_rapport"
    assert doc.meta.date == "2024-03-11"
    assert doc.meta.diarienummer == "KS 2024/0087"
    assert doc.meta.author == "Anna Bergqvist"
    assert [s.title for s in doc.sections] == [
        "Ny skolorganisation", "Projektet Trygg hela vägen", "Ekonomisk rapport", "Upphandling av städtjänster",
        "Samverkan i Fyrbodal"]
    assert {a.text for a in doc.amounts} >= {"2,4 miljoner kronor", "12 mnkr", "4 500 000 kr"}
    assert any(d.value == "2024-04-30" for d in doc.dates)


def test_document_date_resolves_year_less_dates() -> None:
    doc = kdextract.parse("Mötet hålls den 14 april.", document_date="2031-01-10", ner=False)
    assert [d.value for d in doc.dates] == ["2031-04-14"]


def test_parse_many_keeps_order() -> None:
    texts = [f"Rubrik {i}\n\nKostnaden är {i} 000 kr." for i in range(1, 6)]
    docs = list(kdextract.parse_many(texts, ner=False, progress=False))
    assert [d.amounts[0].value for d in docs] == [1000, 2000, 3000, 4000, 5000]


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(InputError, match="unknown engine"):
        kdextract.parse("Text", engine="bert")  # type: ignore[arg-type]


def test_a_str_that_names_a_file_warns_and_says_to_pass_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import warnings

    (tmp_path / "rapport.txt").write_text("Kostnaden är 5 000 kr.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.warns(UserWarning, match=r"pass pathlib\.Path\('rapport\.txt'\) to parse the file") as record:
        doc = kdextract.parse("rapport.txt", ner=False)
    assert doc.text == "rapport.txt" and not doc.amounts  # still the text, as documented
    assert record[0].filename == __file__  # the warning points at the caller's line
    with pytest.warns(UserWarning, match="names a file"):
        list(kdextract.parse_many(["rapport.txt", "annat"], ner=False))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert kdextract.parse(Path("rapport.txt"), ner=False).amounts[0].value == 5000
        kdextract.parse("saknas.txt", ner=False)  # no such file: plain text, no warning
        kdextract.parse("rapport.txt är bifogad", ner=False)


def test_warm_up_loads_the_rules_before_the_first_document() -> None:
    code = ("import kdextract; from kdextract.records import decision_rules; from kdextract.layout import rules; "
            "kdextract.Extractor(ner=False).warm_up(); "
            "print(decision_rules.rules.cache_info().currsize, rules.rules.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["1", "1"]
