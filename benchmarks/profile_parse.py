#!/usr/bin/env python3
"""Where warm parse(ner=False) spends its time, per function and per kdextract package.

    python benchmarks/profile_parse.py [--corpus ../shared/corpus] [--mb 1.0] [--repeat 3] [--top 25]

Two workloads, each parsed once untimed (warm-up), then profiled with cProfile: the samples and wild
documents ``--repeat`` times, and one document of about ``--mb`` MB written by
``kdextract.testing.adversarial.municipal_text`` (bench_parse's). For each: the ``--top`` functions by
cumulative and by own time, and own time summed per kdextract package (layout/, records/, parsers/,
text/, ...; C functions and other libraries as ``builtins``/``other``). cProfile's times are wall-clock
(a CPU-time timer costs several times the parse): the profiled pass's CPU time is printed beside them, and
where the two differ much, other processes took the cores.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def package(file: str) -> str:
    """The kdextract package a profiled function's file belongs to ('records', 'layout', ...)."""
    if file == "~":
        return "builtins"
    parts = Path(file).parts
    if "kdextract" not in parts:
        return "other"
    rest = parts[parts.index("kdextract") + 1:]
    return rest[0] if len(rest) > 1 else "kdextract"


def label(key: tuple[str, int, str]) -> str:
    """A function's short name: package/module.py:line(function)."""
    file, line, func = key
    if file == "~":
        return func
    return f"{package(file)}/{Path(file).name}:{line}({func})"


def report(stats: pstats.Stats, top: int, cpu: float) -> str:
    """Top functions by cumulative and own time, and own time per package (``cpu``: the pass's CPU seconds)."""
    table = stats.stats  # type: ignore[attr-defined]
    total = max(stats.total_tt, 1e-9)  # type: ignore[attr-defined]
    lines: list[str] = [f"profiled pass: {total:.2f} s wall-clock, {cpu:.2f} s CPU", ""]
    for title, column in (("cumulative", 3), ("own", 2)):
        lines += [f"top {top} by {title} time (of {total:.2f} s):", f"{'own s':>8}{'cum s':>8}{'calls':>10}  function"]
        for key, row in sorted(table.items(), key=lambda kv: -kv[1][column])[:top]:
            lines.append(f"{row[2]:8.3f}{row[3]:8.3f}{row[1]:10d}  {label(key)}")
        lines.append("")
    own: dict[str, float] = defaultdict(float)
    for key, row in table.items():
        own[package(key[0])] += row[2]
    lines.append("own time per package:")
    lines += [f"{sec:8.3f} s {sec / total:6.1%}  {name}" for name, sec in sorted(own.items(), key=lambda kv: -kv[1])]
    return "\n".join(lines)


def profile(texts: Sequence[str], repeat: int, top: int) -> str:
    """Profile warm parse(ner=False) over ``texts`` ``repeat`` times."""
    import kdextract

    for text in texts:
        kdextract.parse(text, ner=False)
    prof = cProfile.Profile()
    cpu = time.process_time()
    prof.enable()
    for _ in range(repeat):
        for text in texts:
            kdextract.parse(text, ner=False)
    prof.disable()
    return report(pstats.Stats(prof), top, time.process_time() - cpu)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    from kdextract.testing.adversarial import municipal_text

    corpus = [p.read_text(encoding="utf-8") for sub in ("samples", "wild")
              for p in sorted((args.corpus / sub).glob("*.txt"))]
    print(f"== samples + wild ({len(corpus)} documents) x {args.repeat}, warm, no NER ==")
    print(profile(corpus, args.repeat, args.top))
    print(f"\n== {args.mb:g} MB document, warm, no NER ==")
    print(profile([municipal_text(int(args.mb * 1_000_000))], 1, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
