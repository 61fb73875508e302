"""Parse many documents, in one process or several, with results in input order.

``kdextract.parse_many`` delegates here. With ``n_process > 1`` the sources are sent in
chunks of at most ``batch_size`` to a pool of worker processes started with the "spawn"
method (safe with spaCy, threads and every platform); each worker imports kdextract and
loads the NER model once, on its first document, then keeps it for every later chunk.
Results are yielded in the order of ``sources`` and are the documents a serial run gives.

Scripts that call this with ``n_process > 1`` must guard their entry point with
``if __name__ == "__main__":`` (a requirement of the spawn start method).
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kdextract.models import Document

__all__ = ["AUTO_PROGRESS_MIN", "run"]

#: Progress is shown automatically for more sources than this (and only when stderr is a terminal).
AUTO_PROGRESS_MIN = 20

Source = str | bytes | os.PathLike[str]
ParseFn = Callable[..., "Document"]

# Worker state: set once per worker process by ``_init_worker``.
_worker_parse: ParseFn | None = None
_worker_kwargs: dict[str, Any] = {}


def _doc_id(source: Source) -> str | None:
    """The default document id: the file name for paths, None for text."""
    if isinstance(source, os.PathLike):
        return Path(source).name
    return None


def _parse_one(parse: ParseFn, source: Source, kwargs: dict[str, Any]) -> Document:
    try:
        return parse(source, doc_id=_doc_id(source), **kwargs)
    except Exception as exc:
        where = os.fspath(source) if isinstance(source, os.PathLike) else f"text {_preview(source)}"
        exc.add_note(f"kdextract: while parsing {where}")
        raise


def _preview(text: str | bytes) -> str:
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text[:200]).decode("utf-8", errors="replace")
    line = " ".join(text.split())
    return repr(line[:40] + ("..." if len(line) > 40 else ""))


def _init_worker(parse: ParseFn, kwargs: dict[str, Any]) -> None:
    """Runs once in each worker: one BLAS/OpenMP thread per process, remember how to parse."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    global _worker_parse, _worker_kwargs
    _worker_parse = parse
    _worker_kwargs = kwargs


def _parse_chunk(chunk: Sequence[Source]) -> list[Document]:
    """Runs in a worker: parse a chunk of sources with the worker's parser."""
    assert _worker_parse is not None, "worker not initialised"
    return [_parse_one(_worker_parse, source, _worker_kwargs) for source in chunk]


def _resolve_n_process(n_process: int) -> int:
    if n_process is None or n_process == 0:
        return 1
    if n_process < 0:  # -1 = all cores, -2 = all but one, like joblib
        return max(1, (os.cpu_count() or 1) + 1 + n_process)
    return int(n_process)


def _want_progress(progress: bool | None, total: int | None) -> bool:
    if progress is not None:
        return bool(progress)
    if total is None or total <= AUTO_PROGRESS_MIN:
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class _Counter:
    """A minimal stand-in for tqdm: ``parsed 12/50`` rewritten in place on stderr."""

    def __init__(self, total: int | None, stream: IO[str]) -> None:
        self.total, self.stream, self.n = total, stream, 0
        self._last = -1

    def update(self, k: int = 1) -> None:
        self.n += k
        if self.n == self.total or self.n - self._last >= max(1, (self.total or 100) // 100):
            self._last = self.n
            of = f"/{self.total}" if self.total else ""
            self.stream.write(f"\rkdextract: parsed {self.n}{of} documents")
            self.stream.flush()

    def close(self) -> None:
        if self._last >= 0:
            self.stream.write("\n")
            self.stream.flush()


def _progress_bar(total: int | None) -> Any:
    try:
        from tqdm.auto import tqdm  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return _Counter(total, sys.stderr)
    return tqdm(total=total, unit="doc", desc="kdextract", file=sys.stderr, dynamic_ncols=True)


def _chunks(items: Sequence[Source], size: int) -> Iterator[Sequence[Source]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def run(
    sources: Iterable[Source],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    progress: bool | None = None,
    parse_kwargs: dict[str, Any] | None = None,
    parse: ParseFn,
) -> Iterator[Document]:
    """Parse every source (text ``str``/``bytes`` or a file path) and yield the Documents in input order.

    n_process: worker processes (1 = serially in this process; -1 = one per CPU core).
    batch_size: most sources handed to a worker at once; chunks are made smaller where that
        spreads the work evenly. With fewer than two chunks' worth of sources the run is serial
        (starting a worker costs more than it saves).
    progress: True/False to force the progress bar on stderr; None shows it when there are
        more than ``AUTO_PROGRESS_MIN`` sources and stderr is a terminal (tqdm if installed,
        else a one-line counter).
    parse_kwargs: keyword arguments for every ``kdextract.parse`` call (engine, ner,
        document_date, ...). ``doc_id`` is set per source: the file name for paths, None for text.
    parse: the parse function (``kdextract.parse`` or an ``Extractor``'s); with ``n_process > 1``
        it must be picklable (a module-level function or a bound method) so workers can load it.
    """
    kwargs = dict(parse_kwargs or {})
    if "doc_id" in kwargs:
        raise TypeError("doc_id names one document; parse_many names each document after its file")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    items: list[Source] = list(sources)
    for source in items:
        if not isinstance(source, (str, bytes, bytearray, os.PathLike)):
            raise TypeError(f"sources must be text (str or bytes) or file paths, got {type(source).__name__}")
    return _run(items, _resolve_n_process(n_process), batch_size, _want_progress(progress, len(items)), kwargs,
                parse)


def _run(items: list[Source], n_process: int, batch_size: int, show: bool, kwargs: dict[str, Any],
         parse: ParseFn) -> Iterator[Document]:
    bar = _progress_bar(len(items)) if show else None
    try:
        n_chunks = -(-len(items) // batch_size)
        workers = min(n_process, n_chunks)
        if workers <= 1:
            for source in items:
                doc = _parse_one(parse, source, kwargs)
                if bar is not None:
                    bar.update(1)
                yield doc
            return
        # Smaller chunks than batch_size where that spreads the work evenly over the workers.
        size = max(1, min(batch_size, -(-len(items) // (4 * workers))))
        yield from _run_pool(items, workers, size, kwargs, parse, bar)
    finally:
        if bar is not None:
            bar.close()


def _run_pool(items: list[Source], workers: int, batch_size: int, kwargs: dict[str, Any],
              parse: ParseFn, bar: Any) -> Iterator[Document]:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                                   initargs=(parse, kwargs))
    chunks = _chunks(items, batch_size)
    pending: deque[Future[list[Document]]] = deque()
    ahead = 2 * workers  # chunks in flight: enough to keep every worker busy, bounded memory
    try:
        for chunk in chunks:
            pending.append(executor.submit(_parse_chunk, chunk))
            if len(pending) >= ahead:
                break
        while pending:
            docs = pending.popleft().result()
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append(executor.submit(_parse_chunk, nxt))
            if bar is not None:
                bar.update(len(docs))
            yield from docs
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
