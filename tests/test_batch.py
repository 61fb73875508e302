"""kdextract.batch / parse_many: several processes, same results as a serial run, input order."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

import kdextract
from kdextract import batch
from kdextract.models import Document

FIRST = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Anders", "Sara", "Per"]
LAST = ["Lindqvist", "Berg", "Holm", "Sandberg", "Ekström", "Nyberg", "Forsberg", "Wallin", "Åberg", "Lund"]
ROLES = ["kommundirektör", "ekonomichef", "projektledare", "planchef", "kvalitetschef"]
TOWNS = ["Tyresö", "Haninge", "Nynäshamn", "Botkyrka", "Huddinge"]
ADMINS = ["Tekniska förvaltningen", "Socialförvaltningen", "Barn- och utbildningsförvaltningen",
          "Kultur- och fritidsförvaltningen", "Miljö- och stadsbyggnadsförvaltningen"]
TOPICS = ["Ny simhall", "Upphandling av skolskjuts", "Bredband på landsbygden", "Trygghetsvandringar",
          "Renovering av kulturhuset"]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "augusti", "september", "oktober", "november"]


def make_text(i: int) -> str:
    """The i-th of many different but similar municipal reports."""
    first, last = FIRST[i % 10], LAST[(i * 3) % 10]
    town, admin, topic = TOWNS[i % 5], ADMINS[(i // 2) % 5], TOPICS[(i // 3) % 5]
    year = 2012 + i % 8
    return (
        f"{town} kommun\nKommunstyrelsen\n\n"
        f"KOMMUNDIREKTÖRENS RAPPORT\n{year}-0{1 + i % 9}-1{i % 10}\nDnr {year}/KS {100 + i:04d}\n\n"
        f"1. {topic}\n\n"
        f"{first} {last}, {ROLES[i % 5]} på {admin}, informerar om projektet {topic} {year + 1}. "
        f"Kostnaden beräknas till {(i + 1) * 125_000:,} kronor. ".replace(",", " ")
        + f"Arbetet ska vara klart senast den {1 + i % 28} {MONTHS[i % 10]} {year + 1}.\n\n"
        f"2. Ekonomi\n\n"
        f"Kommunstyrelsen beslutar att avsätta {1 + i % 9},{i % 10} mnkr till {topic.lower()} under {year + 1}. "
        f"Nästa avstämning med {TOWNS[(i + 1) % 5]} kommun sker i vecka {10 + i % 30}.\n\n"
        f"{first} {last}\n{ROLES[i % 5].capitalize()}\n"
    )


def _sources(tmp_path: Path, n: int) -> list[str | Path]:
    """Every third source is a file, the rest text."""
    out: list[str | Path] = []
    for i in range(n):
        if i % 3 == 0:
            path = tmp_path / f"rapport_{i:02d}.txt"
            path.write_text(make_text(i), encoding="utf-8")
            out.append(path)
        else:
            out.append(make_text(i))
    return out


def _has_parse() -> bool:
    try:
        kdextract.parse("Hej", ner=False)
    except Exception:  # noqa: BLE001 - any failure means "not available yet"
        return False
    return True


needs_parse = pytest.mark.skipif(not _has_parse(), reason="kdextract.parse is not available yet")


# -- stand-in parse functions (module level, so spawned workers can import them) ---------------

def pid_parse(source: str | Path, doc_id: str | None = None, **kwargs: object) -> Document:
    text = source if isinstance(source, str) else Path(source).read_text(encoding="utf-8")
    if "SLOW" in text:
        time.sleep(0.3)
    if "FAIL" in text:
        raise kdextract.InputError("cannot read this one")
    return Document(id=doc_id, text=text, warnings=[f"pid={os.getpid()}", repr(sorted(kwargs.items()))])


# -- the real thing ----------------------------------------------------------------------------

@pytest.mark.slow
@needs_parse
def test_two_processes_give_the_serial_records_in_input_order(tmp_path: Path) -> None:
    sources = _sources(tmp_path, 50)
    serial = list(kdextract.parse_many(sources, n_process=1, ner=False, progress=False))
    parallel = list(kdextract.parse_many(sources, n_process=2, batch_size=4, ner=False, progress=False))
    assert len(serial) == len(parallel) == 50
    assert [d.id for d in parallel] == [s.name if isinstance(s, Path) else None for s in sources]
    for i, (a, b) in enumerate(zip(serial, parallel)):
        assert b.text == make_text(i)
        assert a.model_dump() == b.model_dump(), f"document {i} differs"
    # The documents are really different, so order matters.
    assert len({d.model_dump_json() for d in parallel}) == 50
    assert any(d.amounts for d in parallel) and any(d.sections for d in parallel)


@pytest.mark.slow
@needs_parse
def test_small_run_with_ner(tmp_path: Path) -> None:
    from kdextract.errors import ModelNotFoundError

    sources = _sources(tmp_path, 4)
    try:
        serial = [kdextract.parse(s, doc_id=s.name if isinstance(s, Path) else None) for s in sources]
    except ModelNotFoundError as exc:
        pytest.skip(f"NER model not installed: {exc}")
    parallel = list(kdextract.parse_many(sources, n_process=2, batch_size=1, progress=False))
    assert [a.model_dump() for a in serial] == [b.model_dump() for b in parallel]
    assert any(d.people for d in parallel)


# -- the machinery, with a stand-in parser ----------------------------------------------------

@pytest.mark.slow
def test_workers_are_separate_processes_and_order_is_kept() -> None:
    # Early chunks are slow, so later chunks finish first; the output must still be in input order.
    sources = [("SLOW " if i < 4 else "") + f"dokument {i}" for i in range(24)]
    docs = list(batch.run(sources, n_process=2, batch_size=3, progress=False, parse_kwargs={"ner": False},
                          parse=pid_parse))
    assert [d.text for d in docs] == sources
    pids = {d.warnings[0] for d in docs}
    assert len(pids) == 2 and f"pid={os.getpid()}" not in pids
    assert all(d.warnings[1] == "[('ner', False)]" for d in docs)


def test_serial_run_is_in_process_and_lazy() -> None:
    it = batch.run(["a", "b"], n_process=1, parse=pid_parse, progress=False)
    assert next(it).warnings[0] == f"pid={os.getpid()}"
    assert [d.text for d in it] == ["b"]


def test_doc_id_is_file_name_for_paths_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    docs = list(batch.run([tmp_path / "a.txt", "B"], parse=pid_parse, progress=False))
    assert [d.id for d in docs] == ["a.txt", None]
    with pytest.raises(TypeError, match="doc_id"):
        batch.run(["x"], parse_kwargs={"doc_id": "x"}, parse=pid_parse)
    with pytest.raises(TypeError, match="str or bytes"):
        batch.run([123], parse=pid_parse)  # type: ignore[list-item]
    with pytest.raises(ValueError, match="batch_size"):
        batch.run(["x"], batch_size=0, parse=pid_parse)


@pytest.mark.slow
def test_errors_in_workers_reach_the_caller_with_the_source() -> None:
    sources = [f"ok {i}" for i in range(6)] + ["FAIL here"] + [f"ok {i}" for i in range(6)]
    it = batch.run(sources, n_process=2, batch_size=2, parse=pid_parse, progress=False)
    got = []
    with pytest.raises(kdextract.InputError, match="cannot read this one") as info:
        for doc in it:
            got.append(doc.text)
    assert got == sources[:6]
    assert any("FAIL here" in note for note in getattr(info.value, "__notes__", []))


@pytest.mark.slow
def test_stopping_early_shuts_the_pool_down() -> None:
    it = batch.run([f"d {i}" for i in range(40)], n_process=2, batch_size=2, parse=pid_parse, progress=False)
    assert next(it).text == "d 0"
    it.close()  # must not hang or leave workers behind


def test_progress_auto_forced_and_fallback(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    list(batch.run([f"d {i}" for i in range(30)], parse=pid_parse))  # stderr is not a terminal here
    assert capsys.readouterr().err == ""
    list(batch.run(["a", "b", "c"], parse=pid_parse, progress=True))
    assert "3/3" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # no tqdm: a plain counter
    list(batch.run(["a", "b", "c"], parse=pid_parse, progress=True))
    assert "kdextract: parsed 3/3 documents" in capsys.readouterr().err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert batch._want_progress(None, 21) and not batch._want_progress(None, 20)
    assert not batch._want_progress(False, 1000) and batch._want_progress(True, 1)


def test_n_process_values() -> None:
    assert batch._resolve_n_process(1) == 1
    assert batch._resolve_n_process(-1) == (os.cpu_count() or 1)
    # Fewer sources than one chunk: no pool is started (serial, in this process).
    docs = list(batch.run(["a", "b"], n_process=4, batch_size=16, parse=pid_parse, progress=False))
    assert {d.warnings[0] for d in docs} == {f"pid={os.getpid()}"}
