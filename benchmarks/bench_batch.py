#!/usr/bin/env python3
"""Wall time of parse_many over an archive of files: two worker processes against one, in one run.

    PYTHONPATH=src python benchmarks/bench_batch.py [--documents 200] [--paragraphs 6] [--no-ner]

The documents are synthetic protocols in our own words (``kdextract.testing.protocols``),
written to a temporary folder and parsed as paths. The NER model is loaded before either
timing (both runs start warm), and the two runs must give equal documents. The figure to read
is the ratio serial / parallel: about 2 on an idle 2-core machine. The machine's core count and
load average are printed before and after, and the CPU time and the cores each run got on
average, because other work on a shared machine takes cores from the parallel run first.

On Linux with autogroup scheduling (``kernel.sched_autogroup_enabled = 1``) each session gets
an equal share of the CPUs while others are busy, however many processes it runs: then both
runs get about the same number of cores and the ratio shows the scheduler, not kdextract. The
CPU times still tell whether two workers did more work than one process (they should not),
and a calibration first measures how many cores one and two busy processes get at the moment:
their ratio is the most a second process can give, on this machine, now.
"""
from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children (the workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _spin(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def _cores(processes: int, seconds: float = 3.0) -> float:
    """How many cores ``processes`` busy processes get right now (CPU seconds per wall second)."""
    import multiprocessing

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    workers = [multiprocessing.get_context("fork").Process(target=_spin, args=(seconds,)) for _ in range(processes)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return used / (time.perf_counter() - started)


def _autogroup() -> str:
    try:
        enabled = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        return ""
    return ", autogroup scheduling on (a fair share per session)" if enabled else ""


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, default=200)
    ap.add_argument("--paragraphs", type=int, default=6)
    ap.add_argument("--no-ner", action="store_true")
    args = ap.parse_args()

    import kdextract
    from kdextract.testing.protocols import protocol

    folder = Path(tempfile.mkdtemp(prefix="kdextract-bench-"))
    paths = []
    for i in range(args.documents):
        path = folder / f"protokoll_{i:04d}.txt"
        path.write_text(protocol(i, paragraphs=args.paragraphs), encoding="utf-8")
        paths.append(path)
    chars = sum(p.stat().st_size for p in paths)
    ner = not args.no_ner
    print(f"{args.documents} documents, {chars / args.documents:,.0f} bytes each on average; NER {'on' if ner else 'off'}")
    print(f"machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {_load()}{_autogroup()}")
    one, two = _cores(1), _cores(2)
    print(f"cores this session gets now: {one:.2f} with one busy process, {two:.2f} with two: "
          f"at most {two / one:.2f}x from a second process")
    kdextract.Extractor(ner=ner).warm_up()

    t, cpu = time.perf_counter(), _cpu()
    serial = list(kdextract.parse_many(paths, ner=ner, progress=False))
    serial_s, serial_cpu = time.perf_counter() - t, _cpu() - cpu
    print(f"serial     (n_process=1): {serial_s:7.2f} s  {args.documents / serial_s:6.1f} documents/s  "
          f"CPU {serial_cpu:6.1f} s")
    t, cpu = time.perf_counter(), _cpu()
    parallel = list(kdextract.parse_many(paths, ner=ner, n_process=2, progress=False))
    parallel_s, parallel_cpu = time.perf_counter() - t, _cpu() - cpu
    print(f"parallel   (n_process=2): {parallel_s:7.2f} s  {args.documents / parallel_s:6.1f} documents/s  "
          f"CPU {parallel_cpu:6.1f} s (this process and both workers)")
    assert parallel == serial, "the two runs differ"
    print(f"speed-up serial/parallel: {serial_s / parallel_s:.2f}x   (after: {_load()})")
    print(f"CPU share: serial {serial_cpu / serial_s:.2f} cores, parallel {parallel_cpu / parallel_s:.2f} cores "
          f"(an idle 2-core machine gives about 1 and 2)")
    print(f"parallel efficiency: {serial_s / parallel_s / (two / one):.2f} of what a second process could give "
          f"here ({serial_cpu / parallel_cpu:.2f} of the serial run's CPU time per document)")
    for path in paths:
        path.unlink()
    folder.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
