"""Parquet tables: typed columns, streaming writes, readable by pandas, Polars and DuckDB; the CLI's
folder mode with failed files; the README's DuckDB query, run on tables parsed from our own protocols."""

from __future__ import annotations

import datetime as dt
import doctest
import re
from decimal import Decimal
from pathlib import Path

import pytest

import kdextract
from kdextract.batch import ParseFailure
from kdextract.cli import main
from kdextract.errors import KdextractError
from kdextract.models import Document
from kdextract.output import parquet
from kdextract.output.parquet import FAILURES, TABLES, ParquetTables, schema, to_arrow, write_parquet
from kdextract.output.tables import KINDS, columns, to_records

try:
    from test_tables import make_document
except ImportError:  # tests collected as a package
    from tests.test_tables import make_document

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

README = Path(__file__).resolve().parents[1] / "README.md"


def _failure(name: str) -> ParseFailure:
    return ParseFailure(id=name, text="", source=f"/arkiv/{name}", error="InputError", message="not a PDF")


@pytest.mark.parametrize("kind", TABLES)
def test_columns_are_stable_and_typed(kind: str) -> None:
    table = to_arrow([make_document("a.txt"), _failure("x.pdf"), make_document("b.txt")], kind)
    if kind == FAILURES:
        assert table.to_pylist() == [{"doc_id": "x.pdf", "source": "/arkiv/x.pdf", "error": "InputError",
                                      "message": "not a PDF"}]
        return
    assert table.column_names == columns(kind) and table.schema == schema(kind)
    assert table.num_rows == 2 * len(to_records(make_document(), kind))  # the failure is in no other table
    assert schema(kind).field("doc_id").type == pa.string()
    if kind != "documents":
        assert [schema(kind).field(c).type for c in ("start", "end", "page")] == [pa.int64()] * 3


def test_values_keep_exact_types() -> None:
    doc = make_document()
    (amount,) = to_arrow(doc, "amounts").to_pylist()
    assert amount["value"] == Decimal(12500000) and schema("amounts").field("value").type == pa.decimal128(38, 6)
    assert amount["section_title"] == "Ny simhall" and amount["source_method"] == "rule"
    (date,) = to_arrow(doc, "dates").to_pylist()
    assert date["day"] == dt.date(2024, 4, 30) and schema("dates").field("day").type == pa.date32()
    (org,) = [r for r in to_arrow(doc, "organisations").to_pylist() if r["id"] == "org-1"]
    assert org["aliases"] == ["TF", "tekniska"] and org["mentions"] == 1
    (decision,) = to_arrow(doc, "decisions").to_pylist()
    assert decision["decided_by"] == "org-2" and decision["decided_by_name"] == "Kommunstyrelsen"
    assert decision["points"] == ["godkänna rapporten"]
    (row,) = to_arrow(doc, "documents").to_pylist()
    assert row["day"] == dt.date(2024, 3, 18) and row["n_amounts"] == 1 and row["warnings"] == ["a warning"]


def test_a_value_that_does_not_fit_is_an_error_not_a_rounding() -> None:
    doc = make_document()
    tiny = doc.amounts[0].model_copy(update={"value": Decimal("0.0000001")})
    with pytest.raises(KdextractError, match="amounts table cannot hold a value exactly"):
        to_arrow(doc.model_copy(update={"amounts": [tiny]}), "amounts")


def test_streaming_writer_row_groups_and_empty_tables(tmp_path: Path) -> None:
    docs = [make_document(f"{i}.txt") for i in range(7)] + [_failure("bad.pdf")]
    with ParquetTables(tmp_path, row_group_rows=3) as tables:
        for doc in docs:
            tables.add(doc)
    assert (tables.documents, tables.failures) == (7, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{k}.parquet" for k in TABLES)
    for kind in TABLES:
        assert pq.read_table(tables.paths[kind]).equals(to_arrow(docs, kind)), kind
    assert pq.ParquetFile(tables.paths["people"]).num_row_groups == 3  # 7 rows, 3 at a time
    empty = write_parquet([Document(id="tom.txt", text="")], tmp_path / "empty")
    assert pq.read_table(empty["amounts"]).schema == schema("amounts") and pq.read_table(empty["amounts"]).num_rows == 0
    with pytest.raises(KdextractError, match="unknown table"):
        ParquetTables(tmp_path, kinds=["persons"])


def test_a_failed_write_leaves_no_partial_files(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), ParquetTables(tmp_path, row_group_rows=1) as tables:
        tables.add(make_document())
        raise RuntimeError("stopped")
    assert list(tmp_path.iterdir()) == []


def test_pandas_polars_and_duckdb_read_the_files(tmp_path: Path) -> None:
    paths = write_parquet([make_document("a.txt"), make_document("b.txt")], tmp_path)
    pd = pytest.importorskip("pandas")
    frame = pd.read_parquet(paths["amounts"])
    assert frame["value"].tolist() == [Decimal(12500000)] * 2
    pl = pytest.importorskip("polars")
    assert pl.read_parquet(paths["amounts"])["value"].dtype == pl.Decimal(38, 6)
    duckdb = pytest.importorskip("duckdb")
    total = duckdb.sql(f"SELECT sum(value) FROM '{paths['amounts']}'").fetchall()
    assert total == [(Decimal(25000000),)]


def test_module_examples() -> None:
    assert doctest.testmod(parquet).failed == 0


# -- the command line ----------------------------------------------------------------------------

PROTOCOLS = {
    "ks_2019_04.txt": ("Kommunstyrelsen", "2019-04-15", [
        ("Ny förskola i Norrby", "anslå 2,5 mnkr till projektering av en ny förskola i Norrby"),
        ("Upprustning av lekplatser", "avsätta 400 000 kronor till nya lekredskap"),
        ("Gång- och cykelväg", "bevilja 1 200 000 kr för första etappen av en ny gång- och cykelväg"),
    ]),
    "ks_2020_02.txt": ("Kommunstyrelsen", "2020-02-10", [
        ("Ombyggnad av badhuset", "anslå 3 mnkr till ombyggnad av badhusets omklädningsrum"),
    ]),
    "tn_2019_05.txt": ("Tekniska nämnden", "2019-05-20", [
        ("Asfaltering", "anslå 5 mnkr till asfaltering av Storgatan"),
    ]),
}


def make_protocol(body: str, day: str, items: list[tuple[str, str]]) -> str:
    """A short protocol in the genre's shape: letterhead, date, numbered paragraphs with decisions."""
    paragraphs = "".join(f"§ {n} {title}\n\n{body} beslutar att {what}.\n\n" for n, (title, what) in enumerate(items, 31))
    return f"Exempelby kommun\n{body}\n\nPROTOKOLL\nSammanträdesdatum {day}\n\n{paragraphs}"


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "arkiv"
    folder.mkdir()
    for name, (body, day, items) in PROTOCOLS.items():
        (folder / name).write_text(make_protocol(body, day, items), encoding="utf-8")
    (folder / "trasig.pdf").write_bytes(b"no PDF at all")
    return folder


def test_folder_to_parquet_reports_failures_and_exits_0(archive: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "records"
    assert main(["parse", str(archive), "--no-ner", "--no-progress", "--out", str(out), "--format", "parquet"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("kdextract: 1 of 4 files could not be parsed:\n") and "trasig.pdf: InputError: " in err
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.parquet" for k in TABLES)
    documents = pq.read_table(out / "documents.parquet").to_pylist()
    assert [d["doc_id"] for d in documents] == sorted(PROTOCOLS)
    assert pq.read_table(out / "failures.parquet").column("doc_id").to_pylist() == ["trasig.pdf"]
    amounts = pq.read_table(out / "amounts.parquet").to_pylist()
    assert [(a["doc_id"], a["value"]) for a in amounts][:2] == [("ks_2019_04.txt", Decimal(2_500_000)),
                                                                ("ks_2019_04.txt", Decimal(400_000))]


def test_fail_on_error_kind_and_format_from_a_folder(archive: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "records"
    out.mkdir()  # an existing folder as --out means parquet
    assert main(["parse", str(archive), "--no-ner", "--kind", "amounts", "--out", str(out), "--fail-on-error"]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["amounts.parquet", "failures.parquet"]
    assert "could not be parsed" in capsys.readouterr().err
    assert main(["parse", str(archive), "--no-ner", "--format", "parquet", "--out", str(tmp_path / "x.parquet")]) == 2
    assert "name a folder with --out" in capsys.readouterr().err
    # Other formats leave the failed file out of the output and report it too.
    assert main(["parse", str(archive), "--no-ner", "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 3 and "trasig.pdf" in captured.err


def test_the_readme_duckdb_query(archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    duckdb = pytest.importorskip("duckdb")
    query = re.search(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert query, "README has no sql example"
    monkeypatch.chdir(tmp_path)
    assert main(["parse", str(archive), "--no-progress", "--out", "records/", "--format", "parquet"]) == 0
    rows = duckdb.sql(query.group(1)).fetchall()
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("ks_2019_04.txt", "2,5 mnkr", Decimal(2_500_000), "Kommunstyrelsen", dt.date(2019, 4, 15)),
        ("ks_2019_04.txt", "1 200 000 kr", Decimal(1_200_000), "Kommunstyrelsen", dt.date(2019, 4, 15)),
    ]


def test_kinds_cover_every_record_list() -> None:
    assert set(TABLES) == {*KINDS, FAILURES} and kdextract.ParseFailure is ParseFailure


def test_recursive_ids_are_paths_below_the_folder(archive: Path, tmp_path: Path) -> None:
    for year in ("2019", "2020"):
        (archive / year).mkdir()
        (archive / year / "protokoll.txt").write_text(make_protocol("Kommunstyrelsen", f"{year}-03-02", [
            ("Budget", "anslå 2 mnkr till budgetarbetet")]), encoding="utf-8")
    out = tmp_path / "records"
    assert main(["parse", str(archive), "-r", "--no-ner", "--no-progress", "--out", str(out), "-f", "parquet"]) == 0
    ids = pq.read_table(out / "documents.parquet").column("doc_id").to_pylist()
    assert ids == ["2019/protokoll.txt", "2020/protokoll.txt", *sorted(PROTOCOLS)]
