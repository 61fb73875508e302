"""kdextract.batch / parse_many: several processes, same results as a serial run, input order,
bad sources that fail alone, lazy input, workers that start in a plain script."""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable, Iterator
from itertools import count, islice
from pathlib import Path

import pytest
from reports import make_text, write_reports

import kdextract
from kdextract import batch, batch_progress
from kdextract.batch import ParseFailure
from kdextract.models import Document
from kdextract.readers import SourceText
from kdextract.readers.source import read_source

SRC = Path(__file__).resolve().parents[1] / "src"

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


# -- a stand-in parser (module level, so spawned workers can import it) ---------------------------

class StandIn:
    """Reads like kdextract; "FAIL" in a text fails its reading, "BOOM" its building, "SLOW" takes a while."""

    def warm_up(self) -> None:
        os.environ["STANDIN_WARMED"] = str(os.getpid())

    def read(self, source: str | bytes | os.PathLike[str]) -> SourceText:
        src = read_source(source)
        if "FAIL" in src.text:
            raise kdextract.InputError("cannot read this one")
        return src

    def build(self, items: Iterable[tuple[SourceText, str | None]], *, document_date: dt.date | None,
              batch_size: int) -> Iterator[Document]:
        batch_items = list(items)
        for src, doc_id in batch_items:
            if "SLOW" in src.text:
                time.sleep(0.3)
            if "BOOM" in src.text:
                raise RuntimeError("the builder broke")
            yield Document(id=doc_id, text=src.text, warnings=[
                f"pid={os.getpid()}", f"batch={len(batch_items)}", f"warmed={os.environ.get('STANDIN_WARMED')}",
                f"date={document_date}"])


def run(sources: Iterable[str | os.PathLike[str]], **kwargs: object) -> list[Document]:
    kwargs.setdefault("progress", False)
    return list(batch.run(sources, parser=StandIn(), **kwargs))  # type: ignore[arg-type]


# -- the real thing ----------------------------------------------------------------------------

def test_two_processes_give_the_serial_records_in_input_order(tmp_path: Path) -> None:
    sources = _sources(tmp_path, 50)
    serial = list(kdextract.parse_many(sources, n_process=1, ner=False, progress=False))
    parallel = list(kdextract.parse_many(sources, n_process=2, batch_size=4, ner=False, progress=False))
    assert len(serial) == len(parallel) == 50
    assert [d.id for d in parallel] == [s.name if isinstance(s, Path) else f"text-{i}" for i, s in enumerate(sources, 1)]
    for i, (a, b) in enumerate(zip(serial, parallel)):
        assert b.text == make_text(i)
        assert a.model_dump() == b.model_dump(), f"document {i} differs"
    # The documents are really different, so order matters.
    assert len({d.model_dump_json() for d in parallel}) == 50
    assert any(d.amounts for d in parallel) and any(d.sections for d in parallel)


def test_batched_ner_in_two_processes_equals_parsing_one_by_one(tmp_path: Path) -> None:
    sources = _sources(tmp_path, 12)
    one_by_one = [kdextract.parse(s, doc_id=s.name if isinstance(s, Path) else f"text-{i}")
                  for i, s in enumerate(sources, 1)]
    parallel = list(kdextract.parse_many(sources, n_process=2, batch_size=3, progress=False))
    assert [a.model_dump() for a in one_by_one] == [b.model_dump() for b in parallel]
    assert any(d.people for d in parallel)


def _archive(tmp_path: Path, n: int) -> tuple[list[Path], set[int]]:
    """A folder of n reports of which three are broken: binary, a PDF that is not one, a folder named .txt."""
    folder = tmp_path / "arkiv"
    paths = write_reports(folder, n)
    bad = {3, 11, 17}
    paths[3].write_bytes(b"\x00\x01\x02 binary junk" * 40)
    paths[11].unlink()
    paths[11] = folder / "011.pdf"
    paths[11].write_bytes(b"this is no PDF at all")
    paths[17].unlink()
    paths[17].mkdir()
    return paths, bad


@pytest.mark.parametrize("n_process", [1, 2])
def test_record_gives_one_result_per_input_and_the_good_ones_as_a_clean_run(tmp_path: Path, n_process: int) -> None:
    paths, bad = _archive(tmp_path, 24)
    results = list(kdextract.parse_many(paths, n_process=n_process, batch_size=4, ner=False, on_error="record"))
    assert len(results) == len(paths)
    assert [r.id for r in results] == [p.name for p in paths]
    failed = [i for i, r in enumerate(results) if isinstance(r, ParseFailure)]
    assert failed == sorted(bad)
    for i in failed:
        failure = results[i]
        assert isinstance(failure, ParseFailure) and failure.source == os.fspath(paths[i])
        assert failure.error == "InputError" and failure.message and failure.text == ""
        assert failure.warnings == [f"InputError: {failure.message}"]
    clean = [kdextract.parse(p, ner=False) for i, p in enumerate(paths) if i not in bad]
    assert [r for r in results if not isinstance(r, ParseFailure)] == clean


def test_skip_leaves_failures_out_and_logs_them(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    paths, bad = _archive(tmp_path, 20)
    with caplog.at_level(logging.WARNING, logger="kdextract"):
        docs = list(kdextract.parse_many(paths, ner=False, on_error="skip"))
    assert [d.id for d in docs] == [p.name for i, p in enumerate(paths) if i not in bad]
    assert sum("skipped" in r.message for r in caplog.records) == 3
    assert any(os.fspath(paths[11]) in r.getMessage() for r in caplog.records)


def test_raise_stops_at_the_first_failure_after_the_documents_before_it() -> None:
    sources = [f"ok {i}" for i in range(6)] + ["FAIL here"] + [f"ok {i}" for i in range(6)]
    got = []
    with pytest.raises(kdextract.InputError, match="cannot read this one") as info:
        for doc in batch.run(sources, parser=StandIn(), n_process=2, batch_size=4, progress=False):
            got.append(doc.text)
    assert got == sources[:6]
    assert any("FAIL here" in note for note in getattr(info.value, "__notes__", []))
    with pytest.raises(ValueError, match="on_error"):
        batch.run(["x"], parser=StandIn(), on_error="ignore")  # type: ignore[arg-type]


def test_a_builder_error_fails_only_its_own_source() -> None:
    sources = ["a", "b", "BOOM", "c", "FAIL", "d"]
    results = run(sources, batch_size=6, on_error="record")
    assert [r.text if not isinstance(r, ParseFailure) else r.error for r in results] == [
        "a", "b", "RuntimeError", "c", "InputError", "d"]
    assert results[0].warnings[1] == "batch=5"  # the readable ones went to the builder together


def test_sources_are_read_lazily() -> None:
    pulled = count()

    def endless() -> Iterator[str]:
        for i in count():
            next(pulled)
            yield f"dokument {i}"

    first = list(islice(batch.run(endless(), parser=StandIn(), batch_size=4, progress=False), 10))
    assert [d.text for d in first] == [f"dokument {i}" for i in range(10)]
    assert next(pulled) <= 16  # a few chunks ahead, never the whole input
    pulled = count()
    it = batch.run(endless(), parser=StandIn(), n_process=2, batch_size=4, progress=False)
    assert [d.text for d in islice(it, 30)][-1] == "dokument 29"
    it.close()  # must not hang or leave workers behind
    assert next(pulled) <= 32 + 4 * 4  # the chunks yielded, plus two per worker in flight


@pytest.mark.slow
def test_workers_are_separate_processes_and_order_is_kept() -> None:
    # Early chunks are slow, so later chunks finish first; the output must still be in input order.
    sources = [("SLOW " if i < 4 else "") + f"dokument {i}" for i in range(48)]
    docs = run(sources, n_process=2, batch_size=3, document_date=dt.date(2020, 1, 2))
    assert [d.text for d in docs] == sources
    pids = {d.warnings[0] for d in docs}
    assert len(pids) == 2 and f"pid={os.getpid()}" not in pids
    assert {d.warnings[1] for d in docs} == {"batch=3"}
    assert {d.warnings[3] for d in docs} == {"date=2020-01-02"}
    if batch.start_method() == "fork":  # the model was loaded once, before forking, and is shared
        assert {d.warnings[2] for d in docs} == {f"warmed={os.getpid()}"}


def test_serial_run_is_in_process() -> None:
    it = batch.run(["a", "b"], parser=StandIn(), progress=False)
    assert next(it).warnings[0] == f"pid={os.getpid()}"
    assert [d.text for d in it] == ["b"]


def test_doc_id_is_file_name_for_paths_and_bad_arguments(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    assert [d.id for d in run([tmp_path / "a.txt", "B"])] == ["a.txt", "text-2"]
    with pytest.raises(TypeError, match="str or bytes"):
        run([123])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="batch_size"):
        batch.run(["x"], parser=StandIn(), batch_size=0)


def test_progress_auto_forced_and_fallback(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    list(batch.run([f"d {i}" for i in range(30)], parser=StandIn()))  # stderr is not a terminal here
    assert capsys.readouterr().err == ""
    run(["a", "b", "c"], progress=True)
    assert "3/3" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # no tqdm: a plain counter
    run(["a", "b", "c"], progress=True)
    assert "kdextract: parsed 3/3 documents" in capsys.readouterr().err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert batch_progress.want_progress(None, 21) and not batch_progress.want_progress(None, 20)
    assert not batch_progress.want_progress(False, 1000) and batch_progress.want_progress(True, 1)
    assert not batch_progress.want_progress(None, None)  # a generator: length unknown


def test_n_process_values() -> None:
    assert batch._resolve_n_process(1) == 1
    assert batch._resolve_n_process(-1) == (os.cpu_count() or 1)
    # Fewer sources than one chunk: no pool is started (serial, in this process).
    docs = run(["a", "b"], n_process=4, batch_size=16)
    assert {d.warnings[0] for d in docs} == {f"pid={os.getpid()}"}


def test_start_method(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(batch.START_METHOD_ENV_VAR, "spawn")
    assert batch.start_method() == "spawn"
    monkeypatch.setenv(batch.START_METHOD_ENV_VAR, "teleport")
    with pytest.raises(kdextract.KdextractError, match="not a start method"):
        batch.start_method()
    monkeypatch.delenv(batch.START_METHOD_ENV_VAR)
    monkeypatch.setattr(batch.threading, "active_count", lambda: 1)  # whatever threads earlier tests left
    assert batch.start_method() == ("fork" if sys.platform.startswith("linux") else "spawn")
    monkeypatch.setattr(batch.threading, "active_count", lambda: 2)  # another thread could hold a lock
    assert batch.start_method() == "spawn"


# -- a plain script, as a new user writes it ----------------------------------------------------

SCRIPT = textwrap.dedent("""
    import kdextract
    texts = [f"Rubrik {i}\\n\\nKostnaden är {i} 000 kr." for i in range(1, 41)]
    docs = list(kdextract.parse_many(texts, n_process=2, batch_size=4, ner=False))
    print(len(docs), sum(d.amounts[0].value for d in docs))
""")


def _script(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "plain_script.py"
    script.write_text(SCRIPT, encoding="utf-8")
    environ = dict(os.environ)
    environ.pop(batch.START_METHOD_ENV_VAR, None)
    environ.update(PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])), **env)
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=environ, timeout=300,
                          check=False, cwd=tmp_path)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_script_without_the_main_guard_works_on_linux(tmp_path: Path) -> None:
    result = _script(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["40", str(sum(i * 1000 for i in range(1, 41)))]


def test_spawned_workers_without_the_guard_fail_with_the_fix(tmp_path: Path) -> None:
    result = _script(tmp_path, **{batch.START_METHOD_ENV_VAR: "spawn"})
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert 'if __name__ == "__main__":' in last and last.startswith("kdextract.errors.KdextractError")
    assert "BrokenProcessPool" not in result.stderr


def test_doc_id_names_documents_from_their_sources(tmp_path: Path) -> None:
    paths = _sources(tmp_path, 4)[::3]
    docs = list(kdextract.parse_many(paths, ner=False, doc_id=lambda s: f"arkiv/{Path(s).stem}"))
    assert [d.id for d in docs] == ["arkiv/rapport_00", "arkiv/rapport_03"]
