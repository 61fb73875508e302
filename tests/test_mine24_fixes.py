"""Mends of review24's reader, batch and output findings: document ids, encodings, standard input, the attendees
and item columns of the tables, the HTML view's pages, and argument errors."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import kdextract
from kdextract.cli import main
from kdextract.output.tables import columns, to_records

MEMO = "Tjänsteskrivelse\n2024-09-03\n\nAvgiften höjs till 300–450 kr. Ansvarig är Örjan Åkesson – kulturchef.\n"
MINUTES = ("Protokoll\nFritidsnämnden\nSammanträdesdatum 2024-10-07\n\nBeslutande:\nGösta Ärlig (V), ordförande\n"
           "Sixten Borg (L)\n\nSekreterare: Maja Ekdahl\n\n§ 31 Dnr FN 2024/55\nBidrag till föreningar\n\n"
           "Bakgrund\nPotten är 1,2 mnkr.\n\nBeslut\nFritidsnämnden beslutar att fördela 800 000 kr.\n")


def _folders(tmp_path: Path) -> list[Path]:
    out = []
    for year, sum_ in (("2022", "4 mnkr"), ("2023", "7 mnkr")):
        (tmp_path / year).mkdir()
        path = tmp_path / year / "protokoll.txt"
        path.write_text(f"Kommunstyrelsen\nProtokoll {year}-04-04\n\nRamen är {sum_}.\n", encoding="utf-8")
        out.append(path)
    return out


def test_two_files_of_one_name_get_different_document_ids(tmp_path: Path) -> None:
    first, second = _folders(tmp_path)
    ids = [d.id for d in kdextract.parse_many([first, second, second], ner=False)]
    assert ids == ["protokoll.txt", second.as_posix(), "protokoll.txt#2"]


def test_the_command_line_names_files_below_the_folder_that_holds_the_folders_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _folders(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["parse", "2022", "2023", "--no-ner", "--no-progress", "-f", "csv", "-k", "amounts"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [row.split(",")[0] for row in rows] == ["2022/protokoll.txt", "2023/protokoll.txt"]


def test_a_byte_windows_1252_leaves_undefined_does_not_turn_the_file_into_latin_1() -> None:
    doc = kdextract.parse(MEMO.encode("cp1252") + b"Bilaga \x8f\n", ner=False)
    assert "300–450 kr" in doc.text and "Åkesson – kulturchef" in doc.text
    assert [(a.low, a.high) for a in doc.amounts] == [(300, 450)]
    assert doc.text.endswith("Bilaga \ufffd\n")
    assert any("line 5" in w and "Windows-1252" in w for w in doc.warnings)


def test_standard_input_is_decoded_as_a_file_is(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    stdin = SimpleNamespace(buffer=io.BytesIO(MEMO.encode("cp1252")), read=lambda: pytest.fail("read as text"))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["parse", "-", "--no-ner", "--no-progress", "-f", "csv"]) == 0
    row = capsys.readouterr().out.splitlines()[1]
    assert ",tjansteskrivelse," in row and "\ufffd" not in row


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32"])
def test_wide_unicode_files_are_read(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "memo.txt"
    path.write_bytes(MEMO.encode(codec))
    doc = kdextract.parse(path, ner=False)
    assert doc.text == MEMO and doc.meta.kind == "tjansteskrivelse"
    assert bool(doc.warnings) == (codec != "utf-32")  # no byte-order mark: said


def test_binary_data_is_still_refused_with_advice_that_fits_a_text_file() -> None:
    with pytest.raises(kdextract.InputError, match="save text as UTF-8"):
        kdextract.parse(bytes(range(256)) * 8, ner=False)


def test_attendees_have_a_table_and_the_meeting_lists_their_ids() -> None:
    doc = kdextract.parse(MINUTES, ner=False)
    rows = to_records(doc, "attendees")
    assert [(r["meeting"], r["name"], r["party"], r["category"], r["role"]) for r in rows] == [
        ("meet-1", "Gösta Ärlig", "V", "member", "ordförande"), ("meet-1", "Sixten Borg", "L", "member", None),
        ("meet-1", "Maja Ekdahl", None, "official", "sekreterare")]
    assert all(doc.text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert to_records(doc, "meetings")[0]["attendees"] == "att-1; att-2; att-3"
    assert "meeting" in columns("attendees")


def test_every_record_row_names_its_item_and_case_number() -> None:
    doc = kdextract.parse(MINUTES, ner=False)
    amounts = to_records(doc, "amounts")
    decisions = to_records(doc, "decisions")
    assert {(r["item_number"], r["item_case_number"]) for r in [*amounts, *decisions]} == {("§ 31", "FN 2024/55")}
    assert len({r["section"] for r in amounts}) == 2  # 'Bakgrund' and 'Beslut': the innermost sections differ


def test_the_view_shows_the_source_page_records_name() -> None:
    doc = kdextract.parse("Kommunstyrelsen\n\n§ 4\nBudget\nRamen är 2 mnkr.\n\f§ 5\nTaxa\nAvgiften är 90 kr.\n",
                          ner=False)
    assert [a.page for a in doc.amounts] == [1, 2]
    html = kdextract.visualize(doc, page=2, summary=False)
    assert "90 kr" in html and "2 mnkr" not in html


@pytest.mark.parametrize("call", [
    lambda d: kdextract.visualize(d, page=3),
    lambda d: list(kdextract.parse_many(["x"], on_error="ignore")),  # type: ignore[arg-type]
    lambda d: list(kdextract.parse_many(["x"], batch_size=0)),
    lambda d: list(kdextract.parse_many(["x"], n_process="2")),  # type: ignore[arg-type]
    lambda d: list(kdextract.parse_many("x")),
])
def test_bad_arguments_are_kdextract_errors_that_name_the_argument(call: object) -> None:
    doc = kdextract.parse("Kommunstyrelsen\n\nRamen är 2 mnkr.\n\f Sida 2\n", ner=False)
    with pytest.raises(kdextract.ArgumentError, match="page|on_error|batch_size|n_process|sources") as info:
        call(doc)  # type: ignore[operator]
    assert isinstance(info.value, kdextract.KdextractError)


def test_utf16_without_bom_may_hold_a_few_characters_with_a_zero_low_byte(tmp_path: Path) -> None:
    text = "Kommunstyrelsen\n\nBudget   Utfall\n\u2500\u2500\u2500\u2500\u2500\u2500   \u2500\u2500\u2500\u2500\u2500\u2500\n" + MEMO * 3
    path = tmp_path / "tabell.txt"
    path.write_bytes(text.encode("utf-16-le"))
    assert kdextract.parse(path, ner=False).text == text


def test_an_undefined_windows_1252_byte_in_a_mixed_file_becomes_a_replacement_character() -> None:
    data = "Budget – utfall\n".encode() + "Kostnad för skolan ".encode("cp1252") + b"\x81 45 000 kr\n"
    doc = kdextract.parse(data, ner=False)
    assert "skolan \ufffd 45 000 kr" in doc.text and "\x81" not in doc.text
    assert any("U+FFFD" in w and "line 2" in w for w in doc.warnings)


def test_numpy_integers_are_whole_numbers_for_batch_arguments() -> None:
    np = pytest.importorskip("numpy")
    docs = list(kdextract.parse_many(["Ramen är 45 000 kr."], ner=False, batch_size=np.int64(8), n_process=np.int32(1)))
    assert [a.value for a in docs[0].amounts] == [45000]
