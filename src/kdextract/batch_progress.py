"""Progress of a batch run on stderr: tqdm's bar where tqdm is installed, else a counter line."""

from __future__ import annotations

import sys
from typing import IO, Any

#: Progress is shown automatically for more sources than this (and only when stderr is a terminal).
AUTO_PROGRESS_MIN = 20


def want_progress(progress: bool | None, total: int | None) -> bool:
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


def progress_bar(total: int | None) -> Any:
    try:
        from tqdm.auto import tqdm  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return _Counter(total, sys.stderr)

    class Bar(tqdm):  # type: ignore[misc,valid-type,unused-ignore]
        monitor_interval = 0  # no monitor thread: worker processes can still be forked safely

    return Bar(total=total, unit="doc", desc="kdextract", file=sys.stderr, dynamic_ncols=True)
