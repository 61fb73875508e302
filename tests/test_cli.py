"""The ``kdextract`` command line."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import kdextract
import kdextract.api
from kdextract.cli import main
from kdextract.models import Document
from kdextract.output.jsonl import load_jsonl
from kdextract.output.streams import render_table
from kdextract.readers import SourceText

try:
    from test_tables import TEXT, make_document
except ImportError:  # tests collected as a package
    from tests.test_tables import TEXT, make_document

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace kdextract's reading and building with stand-ins that record their arguments and give a sample document."""
    seen: list[dict[str, Any]] = []

    def fake_read(self: kdextract.Extractor, source: str | Path) -> SourceText:
        seen.append({"source": source, "ner": self.ner, "engine": self.engine})
        if isinstance(source, Path) and "broken" in source.name:
            raise kdextract.InputError(f"{source}: looks like binary data, not text\nsecond line")
        return SourceText(TEXT, name=str(len(seen) - 1))

    def fake_build(self: kdextract.Extractor, items: Iterable[tuple[SourceText, str | None]], *,
                   document_date: dt.date | None = None, batch_size: int = 16) -> Iterator[Document]:
        for src, doc_id in items:
            seen[int(src.name or 0)].update(doc_id=doc_id, document_date=document_date)
            yield make_document(doc_id)

    monkeypatch.setattr(kdextract.api.Extractor, "read", fake_read)
    monkeypatch.setattr(kdextract.api.Extractor, "build", fake_build)
    return seen


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    for name in ("b.md", "a.txt", "c.csv", ".hidden.txt"):
        (d / name).write_text(TEXT, encoding="utf-8")
    return d


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"kdextract {kdextract.__version__}"


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == Document.model_json_schema()
    assert {"people", "amounts", "sections", "meta"} <= set(schema["properties"])


def test_one_file_gives_a_json_object(tmp_path: Path, calls: list[dict[str, Any]],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rapport.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["parse", str(path), "--no-progress"]) == 0
    data = json.loads(capsys.readouterr().out)  # stdout is not a terminal: JSON
    assert data["id"] == "rapport.txt" and data["people"][0]["name"] == "Anna Svensson"
    assert Document.model_validate(data) == make_document("rapport.txt")
    assert calls[0]["ner"] is True and calls[0]["doc_id"] == "rapport.txt" and calls[0]["source"] == path


def test_directory_expands_sorted_to_documents(folder: Path, calls: list[dict[str, Any]],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(folder), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and [d["id"] for d in data] == ["a.txt", "b.md"]


def test_options_reach_parse(folder: Path, calls: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(folder / "a.txt"), "--no-ner", "--document-date", "2015-02-10", "-f", "jsonl"]) == 0
    assert calls[0]["ner"] is False and calls[0]["document_date"] == dt.date(2015, 2, 10)
    (line,) = capsys.readouterr().out.splitlines()
    assert Document.model_validate_json(line).id == "a.txt"


def test_csv_of_one_kind(folder: Path, calls: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(folder), "--format", "csv", "--kind", "amounts"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["doc_id"], r["text"], r["value"], r["section_title"]) for r in rows] == [
        ("a.txt", "12,5 mnkr", "12500000", "Ny simhall"), ("b.md", "12,5 mnkr", "12500000", "Ny simhall")]
    assert main(["parse", str(folder), "--format", "csv"]) == 0  # no --kind: one row per document
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["doc_id"], r["kind"], r["n_people"]) for r in rows] == [
        ("a.txt", "kommundirektorens_rapport", "1"), ("b.md", "kommundirektorens_rapport", "1")]


def test_out_jsonl_and_format_from_extension(folder: Path, tmp_path: Path, calls: list[dict[str, Any]],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "results.jsonl"
    assert main(["parse", str(folder), "--out", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert load_jsonl(out) == [make_document("a.txt"), make_document("b.md")]
    out_csv = tmp_path / "people.csv"
    assert main(["parse", str(folder), "--kind", "people", "--out", str(out_csv)]) == 0
    assert out_csv.read_text(encoding="utf-8").startswith("doc_id,id,section,section_title,item,item_number,item_case_number,start,end,page,text,name")
    assert not list(tmp_path.glob(".*.part"))


def test_kind_as_json_records(folder: Path, calls: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(folder), "--kind", "people", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(p["doc_id"], p["name"], p["role"]) for p in data] == [
        ("a.txt", "Anna Svensson", "projektledare"), ("b.md", "Anna Svensson", "projektledare")]
    assert main(["parse", str(folder), "--kind", "deadlines", "--format", "jsonl"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(d["doc_id"], d["value"], d["what"]) for d in lines] == [
        ("a.txt", "2024-04-30", "Förstudien"), ("b.md", "2024-04-30", "Förstudien")]


def test_table(folder: Path, calls: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(folder / "a.txt"), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("a.txt: kommundirektorens_rapport, 2024-03-18, Exempelby kommun")
    for piece in ("people (1)", "Anna Svensson", "projektledare", "amounts (1)", "12,5 mnkr", "deadlines (1)",
                  "sections (2)", "Ny simhall", "warning: a warning"):
        assert piece in out, piece
    assert main(["parse", str(folder), "--format", "table", "--kind", "organisations"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("organisations (4)") and "DOC_ID" in out and "Tekniska förvaltningen" in out


def test_render_table_fits_width() -> None:
    rows = [{"a": "x" * 200, "b": "kort"}]
    lines = render_table(rows, ["a", "b"], 60).splitlines()
    assert all(len(line) <= 60 for line in lines) and "…" in lines[1] and "kort" in lines[1]


@pytest.mark.parametrize("argv, message", [
    (["parse", "no/such/file.txt"], "kdextract: error: no/such/file.txt: no such file or directory"),
    (["parse", "{folder}/broken.txt"], "kdextract: error: "),
    (["parse", "{empty}"], "no .txt, .md, .pdf, .docx files in this directory"),
])
def test_errors_are_one_line_and_exit_2(argv: list[str], message: str, folder: Path, tmp_path: Path,
                                        calls: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "broken.txt").write_bytes(b"\x00\x01")
    (tmp_path / "empty").mkdir()
    argv = [a.format(folder=folder, empty=tmp_path / "empty") for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["parse", "x.txt", "--document-date", "17 mars"], ["parse", "x.txt", "--kind", "persons"],
                 ["parse", "x.txt", "--n-process", "0"], []):
        with pytest.raises(SystemExit) as info:
            if main(argv) == 2:
                raise SystemExit(2)
        assert info.value.code == 2, argv
    assert "YYYY-MM-DD" in capsys.readouterr().err


# -- as a real command --------------------------------------------------------------------------

def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-m", "kdextract.cli", *args], capture_output=True, text=True,
                          env=env, input=stdin, timeout=300, check=False)


def test_command_error_has_no_traceback(tmp_path: Path) -> None:
    result = _run("parse", str(tmp_path / "missing.txt"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("missing.txt: no such file or directory")


def _has_parse() -> bool:
    try:
        kdextract.parse("Hej", ner=False)
    except Exception:  # noqa: BLE001 - any failure means "not available yet"
        return False
    return True


@pytest.mark.slow
@pytest.mark.skipif(not _has_parse(), reason="kdextract.parse is not available yet")
def test_command_parses_a_folder_in_two_processes(tmp_path: Path) -> None:
    from reports import make_text, write_reports

    docs = tmp_path / "docs"
    write_reports(docs, 6, "r{}.txt")
    out = tmp_path / "out.jsonl"
    result = _run("parse", str(docs), "--no-ner", "--n-process", "2", "--out", str(out))
    assert result.returncode == 0, result.stderr
    parsed = load_jsonl(out)
    assert [d.id for d in parsed] == [f"r{i}.txt" for i in range(6)]
    assert parsed == [kdextract.parse(docs / f"r{i}.txt", ner=False) for i in range(6)]
    piped = _run("parse", "-", "--no-ner", "--format", "csv", "--kind", "amounts", stdin=make_text(3))
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith("doc_id,id,section") and len(piped.stdout.splitlines()) >= 2
