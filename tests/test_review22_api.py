"""Batch, table and CLI behaviour a user relies on (review of November 2026), each in our own words."""

from __future__ import annotations

from pathlib import Path

import pytest

import kdextract
from kdextract import cli
from kdextract.output.tables import columns, to_records

MEMO = "Tekniska nämnden\n\nGatubelysning\n\nUtbytet kostar 1,2 mkr.\n"
MINUTES = "Kultur- och fritidsnämnden\n\nBadhuset\n\nRenoveringen kostar 3 mkr.\n"


def test_texts_in_a_batch_get_ids_by_their_place_so_tables_join() -> None:
    docs = list(kdextract.parse_many([MEMO, MINUTES], ner=False, progress=False))
    assert [d.id for d in docs] == ["text-1", "text-2"]
    rows = to_records(docs, "amounts")
    assert [(r["doc_id"], r["text"]) for r in rows] == [("text-1", "1,2 mkr"), ("text-2", "3 mkr")]


def test_a_naming_function_still_names_texts_and_paths_keep_their_file_names(tmp_path: Path) -> None:
    path = tmp_path / "yttrande.txt"
    path.write_text(MEMO, encoding="utf-8")
    assert [d.id for d in kdextract.parse_many([path, MINUTES], ner=False, progress=False)] == ["yttrande.txt", "text-2"]
    named = kdextract.parse_many([MINUTES], ner=False, progress=False, doc_id=lambda s: "kfn-2027-04")
    assert [d.id for d in named] == ["kfn-2027-04"]


@pytest.mark.parametrize("one", [MEMO, MEMO.encode("utf-8"), Path("protokoll.txt")])
def test_one_source_instead_of_a_list_is_refused(one: object) -> None:
    with pytest.raises(TypeError, match=r"iterable of sources .* call kdextract\.parse\(\)"):
        kdextract.parse_many(one, ner=False)  # type: ignore[arg-type]


def test_a_failed_source_is_no_document_row_but_a_failures_row(tmp_path: Path) -> None:
    docs = list(kdextract.parse_many([MEMO, tmp_path / "saknas.txt"], ner=False, progress=False, on_error="record"))
    assert [r["doc_id"] for r in to_records(docs, "documents")] == ["text-1"]
    (failure,) = to_records(docs, "failures")
    assert failure["doc_id"] == "saknas.txt" and failure["error"] == "InputError" and "no such file" in failure["message"]
    assert columns("failures") == ["doc_id", "source", "error", "message"]
    assert to_records(docs[0], "failures") == []


def test_cli_stanza_without_its_model_is_one_error_before_any_file(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    files = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(MEMO, encoding="utf-8")
        files.append(str(tmp_path / name))
    assert cli.main(["parse", *files, "--engine", "stanza", "-f", "csv"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "'stanza' NER engine" in captured.err and "could not be parsed" not in captured.err


def test_cli_passes_model_path_to_the_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []

    def fake_engine(engine: str, *, model_path: object = None) -> None:
        seen.append((engine, model_path))
        raise kdextract.KdextractError("stop here")

    monkeypatch.setattr("kdextract.nlp.engine.get_engine", fake_engine)
    (tmp_path / "a.txt").write_text(MEMO, encoding="utf-8")
    assert cli.main(["parse", str(tmp_path / "a.txt"), "--model-path", str(tmp_path / "ner")]) == 2
    assert seen == [("spacy", tmp_path / "ner")]
