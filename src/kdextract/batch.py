"""Parse many documents, in one process or several, with results in input order.

``kdextract.parse_many`` delegates here. Sources are read lazily, a chunk of ``batch_size``
at a time, so a generator of millions of paths runs in flat memory. Each chunk is read one
source at a time (a source that cannot be read fails alone) and the readable ones go through
``kdextract.pipeline.build_documents``, which runs NER over the whole chunk with ``nlp.pipe``.

With ``n_process > 1`` the chunks go to worker processes. On Linux they are forked from the
calling process when it runs no other threads: they start at once, share the loaded model,
and a plain script needs no ``if __name__ == "__main__":`` guard. Elsewhere (macOS, Windows,
a process with threads, or ``KDEXTRACT_START_METHOD=spawn``) they are spawned: each loads the
model once, and a script must guard its entry point; without the guard the run stops with a
one-line error that says so.

A source that fails is handled by ``on_error``: "raise" (the default) raises its error after
yielding the documents before it; "skip" leaves it out (logged on the ``kdextract`` logger);
"record" yields a ``ParseFailure`` in its place, so there is one result per input, in order.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import pickle
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from html import escape
from itertools import count, islice
from numbers import Integral
from pathlib import Path
from typing import Literal, Protocol

from kdextract.batch_progress import AUTO_PROGRESS_MIN, progress_bar, want_progress
from kdextract.errors import ArgumentError, KdextractError
from kdextract.models import Document
from kdextract.readers import SourceText

__all__ = [
    "AUTO_PROGRESS_MIN", "START_METHOD_ENV_VAR", "OnError", "ParseFailure", "Parser", "file_name", "parse_chunk", "run",
]

#: Set to "spawn", "forkserver" or "fork" to choose how worker processes start.
START_METHOD_ENV_VAR = "KDEXTRACT_START_METHOD"

Source = str | bytes | os.PathLike[str]
OnError = Literal["raise", "skip", "record"]
ON_ERROR: tuple[str, ...] = ("raise", "skip", "record")
GUARD_HINT = ('put the code that calls parse_many under `if __name__ == "__main__":` '
              "(worker processes import your script again), or use n_process=1")

log = logging.getLogger("kdextract")


class ParseFailure(Document):
    """A source that could not be parsed, in its place among the results (``on_error="record"``).

    Shaped like a ``Document`` with empty text and no records (``isinstance(x, ParseFailure)`` tells it apart),
    so code that counts or tables documents keeps working; ``source`` names the input (its path, or the start of the text),
    ``error`` the exception's class and ``message`` what went wrong.
    """

    source: str
    error: str
    message: str

    def __repr__(self) -> str:
        name = f"{self.id!r}, " if self.id else ""
        return f"ParseFailure({name}{self.error}: {self.message})"

    __str__ = __repr__

    def _repr_html_(self) -> str:
        """Notebook view: which source failed and why (a failure has no text to highlight)."""
        return (f"<div><b>kdextract could not parse {escape(self.source)}</b><br>"
                f"{escape(self.error)}: {escape(self.message)}</div>")


class Parser(Protocol):
    """What a batch needs: read one source, build documents from many read ones (``Extractor``)."""

    def warm_up(self) -> None:
        """Load what parsing needs (the NER model) now, e.g. before worker processes are forked."""

    def read(self, source: Source) -> SourceText: ...

    def build(self, items: Iterable[tuple[SourceText, str | None]], *, document_date: dt.date | None,
              batch_size: int) -> Iterator[Document]: ...


@dataclass
class _Failed:
    """A source's error, carried from a worker to the caller."""

    source: str
    doc_id: str | None
    exc: Exception


Result = Document | _Failed
#: A source and the id its document gets.
Item = tuple[Source, str | None]
NameFn = Callable[[Source], str | None]


def file_name(source: Source) -> str | None:
    """The default document id: the file name for paths, None for text (``run`` then names it by its place)."""
    if isinstance(source, os.PathLike):
        return Path(source).name
    return None


def _describe(source: Source) -> str:
    if isinstance(source, os.PathLike):
        return os.fspath(source)
    text = bytes(source[:200]).decode("utf-8", errors="replace") if isinstance(source, bytes | bytearray) else source
    line = " ".join(text.split())
    return "text " + repr(line[:40] + ("..." if len(line) > 40 else ""))


def _failed(item: Item, exc: Exception) -> _Failed:
    where = _describe(item[0])
    if hasattr(exc, "add_note"):
        exc.add_note(f"kdextract: while parsing {where}")
    return _Failed(where, item[1], exc)


def parse_chunk(parser: Parser, chunk: Sequence[Item], *, document_date: dt.date | None = None,
                batch_size: int = 16) -> list[Result]:
    """The documents of ``chunk`` (``(source, doc_id)`` pairs) in order, with each source's error in its place.

    Sources are read one by one; the readable ones are built together (NER batched). When
    building fails, the rest are built one at a time so that the error lands on its source.
    """
    out: list[Result | None] = [None] * len(chunk)
    readable: list[tuple[int, SourceText]] = []
    for i, item in enumerate(chunk):
        try:
            readable.append((i, parser.read(item[0])))
        except Exception as exc:  # noqa: BLE001 - reported per source
            out[i] = _failed(item, exc)
    done = 0
    try:
        items = [(src, chunk[i][1]) for i, src in readable]
        for doc in parser.build(items, document_date=document_date, batch_size=batch_size):
            out[readable[done][0]] = doc
            done += 1
    except Exception:  # noqa: BLE001 - found and reported per source below
        for i, src in readable[done:]:
            try:
                out[i] = next(parser.build([(src, chunk[i][1])], document_date=document_date,
                                           batch_size=1))
            except Exception as exc:  # noqa: BLE001
                out[i] = _failed(chunk[i], exc)
    return [r for r in out if r is not None]


# -- worker processes ----------------------------------------------------------------------------

@dataclass
class _Job:
    parser: Parser
    document_date: dt.date | None
    batch_size: int


_worker_job: _Job | None = None  # set once per worker process by ``_init_worker``


def _init_worker(job: _Job) -> None:
    """Runs once in each worker: one BLAS/OpenMP thread per process, remember the job."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    global _worker_job
    _worker_job = job


def _work(chunk: Sequence[Item]) -> list[Result]:
    """Runs in a worker: one chunk, with errors made safe to send back."""
    assert _worker_job is not None, "worker not initialised"
    job = _worker_job
    results = parse_chunk(job.parser, chunk, document_date=job.document_date, batch_size=job.batch_size)
    for r in results:
        if isinstance(r, _Failed):
            try:
                pickle.dumps(r.exc)
            except Exception:  # noqa: BLE001 - an exception that cannot cross processes
                r.exc = KdextractError(f"{type(r.exc).__name__}: {r.exc} (while parsing {r.source})")
    return results


def start_method() -> str:
    """How worker processes start: ``KDEXTRACT_START_METHOD``, else "fork" where safe, else "spawn"."""
    import multiprocessing

    chosen = os.environ.get(START_METHOD_ENV_VAR, "").strip()
    if chosen:
        if chosen not in multiprocessing.get_all_start_methods():
            raise KdextractError(f"{START_METHOD_ENV_VAR}={chosen!r} is not a start method here; use one of "
                                 f"{', '.join(multiprocessing.get_all_start_methods())}")
        return chosen
    # fork copies one thread only: safe while no other Python thread could hold a lock.
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _refuse_in_bootstrapping_worker() -> None:
    """A spawned worker is importing a script that starts workers at import time: stop with the fix."""
    import multiprocessing

    if getattr(multiprocessing.current_process(), "_inheriting", False):
        sys.exit(f"kdextract: {GUARD_HINT}")


# -- the run -------------------------------------------------------------------------------------

def _whole(value: object) -> bool:
    """An integer (also numpy's), not a bool."""
    return isinstance(value, Integral) and not isinstance(value, bool)


def _resolve_n_process(n_process: int) -> int:
    if n_process is None or n_process == 0:
        return 1
    if n_process < 0:  # -1 = all cores, -2 = all but one, like joblib
        return max(1, (os.cpu_count() or 1) + 1 + n_process)
    return int(n_process)


def check_sources(sources: Iterable[Source]) -> None:
    """Refuse one source where many are expected (a ``str`` would be parsed a character at a time)."""
    if isinstance(sources, str | bytes | bytearray | os.PathLike):
        raise ArgumentError(f"sources must be an iterable of sources (a list of texts or paths), not one "
                        f"{type(sources).__name__}: call kdextract.parse() for one document")


def _checked(sources: Iterable[Source], name: NameFn) -> Iterator[Item]:
    """Each source with its document id, unique in the run so that the tables of a batch join on ``doc_id``.

    A text that ``name`` leaves unnamed is "text-N", N its place (from 1). An id another file got before is replaced
    by the path as given (two "protokoll.txt" in different folders); the same file again, or a text, gets the id with
    "#N".
    """
    seen: dict[str, str | None] = {}
    for place, source in enumerate(sources, 1):
        if not isinstance(source, str | bytes | bytearray | os.PathLike):
            raise ArgumentError(f"sources must be text (str or bytes) or file paths, got {type(source).__name__}")
        doc_id = name(source)
        if doc_id is not None and (not isinstance(doc_id, str) or not doc_id):
            raise ArgumentError(f"doc_id must return a non-empty str or None for each source, got {doc_id!r} "
                                f"for {_describe(source)}")
        if doc_id is None and not isinstance(source, os.PathLike):
            doc_id = f"text-{place}"
        if doc_id is not None:
            file = os.path.abspath(source) if isinstance(source, os.PathLike) else None
            doc_id = _unique(doc_id, source, file, seen)
            seen[doc_id] = file
        yield source, doc_id


def _unique(doc_id: str, source: Source, file: str | None, seen: dict[str, str | None]) -> str:
    if doc_id not in seen:
        return doc_id
    if file is not None and seen[doc_id] != file and (given := Path(source).as_posix()) not in seen:  # type: ignore[arg-type]
        return given
    return next(f"{doc_id}#{n}" for n in count(2) if f"{doc_id}#{n}" not in seen)


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(islice(items, size)):
        yield chunk


def run(
    sources: Iterable[Source],
    *,
    parser: Parser,
    n_process: int = 1,
    batch_size: int = 16,
    progress: bool | None = None,
    document_date: dt.date | None = None,
    on_error: OnError = "raise",
    total: int | None = None,
    name: NameFn = file_name,
) -> Iterator[Document]:
    """Parse every source (text ``str``/``bytes`` or a file path) and yield the results in input order.

    parser: reads and builds the documents (an ``Extractor``); with spawned workers it is pickled.
    n_process: worker processes (1 = serially in this process; -1 = one per CPU core).
    batch_size: sources per chunk: NER runs over a chunk at once, and a worker gets a chunk at a
        time (smaller where the number of sources is known and that spreads the work evenly).
        With no more than one chunk of sources the run is serial (a worker costs more than it saves).
    progress: True/False to force the progress bar on stderr; None shows it when there are more
        than ``AUTO_PROGRESS_MIN`` sources (known only for sized inputs) and stderr is a terminal.
    on_error: "raise", "skip" or "record" (see the module docstring).
    total: how many sources there are, where ``sources`` has no ``len`` but the caller knows.
    name: the id of each source's document (by default its file name; "text-N" for the N-th source, a text).
    """
    check_sources(sources)
    if on_error not in ON_ERROR:
        raise ArgumentError(f"on_error must be one of {', '.join(map(repr, ON_ERROR))}, got {on_error!r}")
    if not _whole(batch_size) or batch_size < 1:
        raise ArgumentError(f"batch_size must be a whole number of at least 1, got {batch_size!r}")
    if n_process is not None and not _whole(n_process):
        raise ArgumentError(f"n_process must be a whole number (1 = this process, -1 = one per CPU core), "
                            f"got {n_process!r}")
    if total is None and isinstance(sources, Sized):
        total = len(sources)
    job = _Job(parser, document_date, int(batch_size))
    return _run(_checked(sources, name), total, _resolve_n_process(n_process), job, want_progress(progress, total),
                on_error)


def _run(items: Iterator[Item], total: int | None, n_process: int, job: _Job, show: bool,
         on_error: OnError) -> Iterator[Document]:
    bar = progress_bar(total) if show else None
    size = job.batch_size
    if total is not None and total <= size:
        n_process = 1  # one chunk: a worker would cost more than it saves
    elif total is not None and n_process > 1:  # spread a known number of sources evenly over the workers
        size = max(1, min(size, -(-total // (8 * n_process))))
    chunks = _chunks(items, size)
    head = list(islice(chunks, 2))
    try:
        if n_process <= 1 or len(head) < 2:
            results: Iterator[list[Result]] = (parse_chunk(job.parser, chunk, document_date=job.document_date,
                                                           batch_size=job.batch_size)
                                               for chunk in _chain(head, chunks))
        else:
            results = _run_pool(_chain(head, chunks), n_process, job)
        for chunk_results in results:
            if bar is not None:
                bar.update(len(chunk_results))
            yield from _settle(chunk_results, on_error)
    finally:
        if bar is not None:
            bar.close()


def _chain(head: list[list[Item]], rest: Iterator[list[Item]]) -> Iterator[list[Item]]:
    yield from head
    yield from rest


def _settle(results: list[Result], on_error: OnError) -> Iterator[Document]:
    for r in results:
        if not isinstance(r, _Failed):
            yield r
        elif on_error == "raise":
            raise r.exc
        elif on_error == "record":
            message = str(r.exc)
            yield ParseFailure(id=r.doc_id, text="", source=r.source, error=type(r.exc).__name__, message=message,
                               warnings=[f"{type(r.exc).__name__}: {message}"])
        else:
            log.warning("kdextract: skipped %s: %s: %s", r.source, type(r.exc).__name__, r.exc)


def _run_pool(chunks: Iterator[list[Item]], workers: int, job: _Job) -> Iterator[list[Result]]:
    import multiprocessing

    _refuse_in_bootstrapping_worker()
    method = start_method()
    if method == "fork":
        job.parser.warm_up()  # load the model once, here, for every forked worker to share
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                                   initializer=_init_worker, initargs=(job,))
    pending: deque[Future[list[Result]]] = deque()
    ahead = 2 * workers  # chunks in flight: enough to keep every worker busy, bounded memory
    try:
        for chunk in islice(chunks, ahead):
            pending.append(executor.submit(_work, chunk))
        while pending:
            try:
                done = pending.popleft().result()
            except BrokenProcessPool:
                raise KdextractError(f"kdextract's worker processes stopped (start method {method!r}); if this "
                                     f"is a script, {GUARD_HINT}") from None
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append(executor.submit(_work, nxt))
            yield done
    finally:
        for future in pending:
            future.cancel()
        try:
            executor.shutdown(wait=True, cancel_futures=True)
        except RuntimeError:  # an abandoned generator collected on the pool's own thread: it cannot join itself
            executor.shutdown(wait=False, cancel_futures=True)
