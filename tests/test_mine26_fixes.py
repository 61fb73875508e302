"""Fixes of review26's findings on the API, the CLI's tables and date values (18, 20, 25, 30–34)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import kdextract
from kdextract.output.streams import table_columns

_MINUTES = ("Kommunfullmäktige\nProtokoll\n"
            "Plats och tid: Rådhuset, 2026-06-15 kl. 18.30-01.15\n"
            "Beslutande: Lena Holm (S), ordförande; Tor Berg (M)\n\n"
            "§ 31 Budget\n\nKommunfullmäktige beslutar att fastställa budgeten.\n")


def test_a_meeting_past_midnight_ends_the_next_day() -> None:
    (meeting,) = kdextract.parse(_MINUTES, ner=False).meetings
    assert meeting.starts == dt.datetime(2026, 6, 15, 18, 30)
    assert meeting.ends == dt.datetime(2026, 6, 16, 1, 15)
    (found,) = kdextract.find_dates("den 3 mars 2026 kl. 23.00–02.00")
    assert found.value == "2026-03-03T23:00/2026-03-04T02:00" and found.end_day == dt.date(2026, 3, 4)


def test_a_week_has_no_day_and_a_week_range_ends_on_its_sunday() -> None:
    (week,) = kdextract.find_dates("Leverans vecka 9 2026.")
    assert (week.value, week.day) == ("2026-W09", None)
    (weeks,) = kdextract.find_dates("Skolan stängd vecka 27–29 2026.")
    assert weeks.day == dt.date(2026, 6, 29) and weeks.end_day == dt.date(2026, 7, 19)


@pytest.mark.parametrize("kind", ["meetings", "attendees"])
def test_terminal_tables_show_what_a_meeting_and_an_attendee_are(kind: str) -> None:
    cols = table_columns(kind)
    assert not {"item", "item_number", "item_case_number"} & set(cols)
    assert ("date" if kind == "meetings" else "name") in cols


def test_a_kind_without_chosen_columns_shows_content_not_place() -> None:
    from kdextract.output import streams

    chosen = streams.TABLE_COLUMNS.pop("attendees")
    try:
        assert table_columns("attendees")[:2] == ("meeting", "text")
    finally:
        streams.TABLE_COLUMNS["attendees"] = chosen


@pytest.mark.parametrize("name", [lambda s: 7, lambda s: ""])
def test_a_doc_id_function_that_returns_no_id_is_the_callers_error(name: object) -> None:
    with pytest.raises(kdextract.ArgumentError, match="doc_id"):
        list(kdextract.parse_many(["Budget 5 kr.", "Avgift 6 kr."], ner=False, doc_id=name))  # type: ignore[arg-type]


@pytest.mark.parametrize("given", ["20260301", "2026-03-01T09:00", dt.datetime(2026, 3, 1, 9), dt.date(2026, 3, 1)])
def test_parse_and_find_dates_take_the_same_reference_forms(given: object) -> None:
    doc = kdextract.parse("Svar senast den 5 april.", ner=False, document_date=given)  # type: ignore[arg-type]
    assert [d.value for d in doc.deadlines] == ["2026-04-05"]
    assert [d.value for d in kdextract.find_dates("den 5 april", reference=given)] == ["2026-04-05"]  # type: ignore[arg-type]


def test_numpy_datetime64_is_a_reference() -> None:
    np = pytest.importorskip("numpy")
    assert [d.value for d in kdextract.find_dates("den 5 april", reference=np.datetime64("2026-03-01"))] \
        == ["2026-04-05"]


@pytest.mark.parametrize("bad", ["5 april", "2026-13-01", 2026])
def test_an_unusable_reference_is_an_argument_error(bad: object) -> None:
    with pytest.raises(kdextract.ArgumentError, match="document_date"):
        kdextract.parse("Text.", ner=False, document_date=bad)  # type: ignore[arg-type]
    with pytest.raises(kdextract.ArgumentError, match="reference"):
        kdextract.find_dates("i morgon", reference=bad)  # type: ignore[arg-type]


def test_the_same_file_twice_is_hash_two_however_it_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a").mkdir()
    for p in (tmp_path / "p.txt", tmp_path / "a" / "p.txt"):
        p.write_text("Avgiften är 40 kr.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    sources = [tmp_path / "p.txt", Path("p.txt"), tmp_path / "p.txt", Path("a/p.txt")]
    assert [d.id for d in kdextract.parse_many(sources, ner=False)] == ["p.txt", "p.txt#2", "p.txt#3", "a/p.txt"]


def test_a_failure_shows_itself_as_a_failure(tmp_path: Path) -> None:
    bad = tmp_path / "trasig.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    (failure,) = kdextract.parse_many([bad], ner=False, on_error="record")
    assert repr(failure).startswith("ParseFailure('trasig.txt', InputError: ")
    assert "InputError" in failure._repr_html_() and "trasig.txt" in failure._repr_html_()


def test_dir_lists_the_public_api() -> None:
    names = dir(kdextract)
    assert {"parse", "parse_many", "Document", "find_amounts", "ArgumentError"} <= set(names)


@pytest.mark.parametrize("text", [
    "Minnesanteckningar\n\nUnderlaget ska skickas in senast den 2 juni. Hyresavtalet löper ut 2028-06-30.\n",
    "Anteckningar från avstämningen\n\nVi går igenom läget för ombyggnaden. Nästa avstämning: 2026-10-07.\n",
])
def test_a_day_after_a_sentence_of_the_body_is_no_header_date(text: str) -> None:
    meta = kdextract.parse(text, ner=False).meta
    assert meta.date is None and meta.day is None


def test_a_header_line_keeps_its_day() -> None:
    doc = kdextract.parse("Anteckningar 2026-10-07\n\nVi går igenom läget. Nästa möte i november.\n", ner=False)
    assert doc.meta.date == "2026-10-07"
