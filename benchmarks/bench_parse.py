#!/usr/bin/env python3
"""Throughput of parse() with and without NER against spaCy's blank Swedish tokenizer, from one run.

    python benchmarks/bench_parse.py [--corpus ../shared/corpus] [--mb 1.0] [--profile]

Chars/s are CPU times (other processes do not count) of warm runs: every text is parsed once
before the timed pass, so resources and the model are loaded. The corpora are the samples and
the wild documents (``<corpus>/samples/*.txt``, ``<corpus>/wild/*.txt``) and a document of about
``--mb`` MB written by ``kdextract.testing.adversarial.municipal_text``. The ratios compare
parse() with the tokenizer in the same process. ``import kdextract`` and the first parse after
it (model load included) are timed in fresh subprocesses, as a user meets them (the first parse's
median over three, in wall-clock and CPU seconds: on a shared machine the wall clock also counts the
time spent waiting for a core), each with a cold pattern cache (an empty cache directory: every
pattern the parse uses compiled) and a warm one (the directory a previous process filled; see
``kdextract.pattern_cache``). Those processes read every module's bytecode, as an installed package
(pip compiles it) or a checkout imported once before has it: an untimed process first writes it to a
scratch directory (``PYTHONPYCACHEPREFIX``, also where ``PYTHONDONTWRITEBYTECODE`` is set);
``--source`` compiles kdextract's modules from source in every process instead, where that variable
is set. ``--profile`` adds the functions that take most of the time, with and without NER.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FRESH_IMPORT = "import time; t = time.perf_counter(); import kdextract; print(time.perf_counter() - t)"
FRESH_FIRST_PARSE = """
import time, sys
t = time.perf_counter(); import kdextract; imported = time.perf_counter() - t
text = open(sys.argv[1], encoding="utf-8").read()
c, t = time.process_time(), time.perf_counter(); kdextract.parse(text, ner=sys.argv[2] == "ner")
first, first_cpu = time.perf_counter() - t, time.process_time() - c
t = time.perf_counter(); kdextract.parse(text, ner=sys.argv[2] == "ner"); second = time.perf_counter() - t
print(imported, first, second, first_cpu)
"""
#: Fresh processes whose first parse is timed (the median is printed: one run on a shared machine is noisy).
FIRST_RUNS = 3
#: The environment of the fresh processes (``main`` adds where they read bytecode).
FRESH_ENV = dict(os.environ)


def cpu_rate(run: Callable[[str], object], texts: Sequence[str]) -> float:
    """Characters per CPU second of ``run`` over ``texts`` (each text run once before, untimed)."""
    for text in texts:
        run(text)
    t0 = time.process_time()
    for text in texts:
        run(text)
    return sum(map(len, texts)) / max(time.process_time() - t0, 1e-9)


def fresh(code: str, *args: str, cache: str) -> list[float]:
    """What ``code`` prints, run in a new process whose compiled-pattern cache is the directory ``cache``."""
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                         cwd=ROOT, env={**FRESH_ENV, "KDEXTRACT_CACHE_DIR": cache}).stdout
    return [float(x) for x in out.split()]


def cold_and_warm(code: str, *args: str, runs: int) -> tuple[list[list[float]], list[list[float]]]:
    """``runs`` fresh processes of ``code`` each with an empty pattern cache, then ``runs`` with the cache
    the first of them wrote."""
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as scratch:
        cold = [fresh(code, *args, cache=os.path.join(scratch, str(i))) for i in range(runs)]
        warm = [fresh(code, *args, cache=os.path.join(scratch, "0")) for _ in range(runs)]
    return cold, warm


#: The pipeline's stages, as (file name ending, function): their cumulative times make the breakdown.
STAGES = [("text/normalize.py", "normalize"), ("text/ocr.py", "repair"), ("layout/sections.py", "segment"),
          ("records/meta.py", "read_meta"), ("text/sentences.py", "sentence_spans"), ("nlp/engine.py", "pipe"),
          ("pipeline.py", "_to_input")]


def profile(run: Callable[[str], object], texts: Sequence[str], top: int) -> str:
    """Cumulative time per pipeline stage and record builder, then the ``top`` functions by own time."""
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        run(text)
    prof.disable()
    stats = pstats.Stats(prof)
    total = max(stats.total_tt, 1e-9)
    stages = [(cum, f"{func} ({Path(file).parent.name}/{Path(file).name})")
              for (file, _, func), (_, _, _, cum, _) in stats.stats.items()
              if any(file.endswith(f) and func == name for f, name in STAGES)
              or "/records/" in file and func.startswith("build_") and not func.startswith("build_document")]
    lines = [f"{cum:8.2f} s {cum / total:6.1%}  {name}" for cum, name in sorted(stages, reverse=True)]
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    listing = [line for line in out.getvalue().splitlines() if line.strip()]
    start = listing.index(next(x for x in listing if x.lstrip().startswith("ncalls")))
    return "\n".join([f"by stage (of {total:.2f} s):", *lines, "", f"top {top} functions by own time:", *listing[start:]])


def first_parses(first_text: str) -> None:
    """Print the times of ``import kdextract`` and of the first parse after it, in fresh processes."""
    cold, warm = cold_and_warm(FRESH_IMPORT, runs=3)
    print(f"import kdextract (fresh process, best of 3): {min(r[0] for r in cold):.3f} s with a cold pattern cache, "
          f"{min(r[0] for r in warm):.3f} s with a warm one")
    for mode in ("ner", "rules"):
        print(f"first parse after import ({'with' if mode == 'ner' else 'without'} NER, model load included, median "
              f"of {FIRST_RUNS}) [{Path(first_text).name}]:")
        for cache, fresh_runs in zip(("cold", "warm"), cold_and_warm(FRESH_FIRST_PARSE, first_text, mode,
                                                                     runs=FIRST_RUNS)):
            _, first, second, first_cpu = (statistics.median(column) for column in zip(*fresh_runs))
            print(f"  {cache} pattern cache: {first:.3f} s ({first_cpu:.3f} s CPU); the second: {second:.3f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--mb", type=float, default=1.0, help="size of the generated document in MB (default 1)")
    ap.add_argument("--profile", action="store_true", help="print the top functions with and without NER")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--source", action="store_true",
                    help="fresh processes compile kdextract from source where PYTHONDONTWRITEBYTECODE is set")
    args = ap.parse_args()

    sample = sorted((args.corpus / "samples").glob("*.txt"))
    first_text = str(sample[0]) if sample else str(ROOT / "README.md")
    with tempfile.TemporaryDirectory(prefix="bench-bytecode-") as bytecode:
        if not args.source:
            FRESH_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
            FRESH_ENV["PYTHONPYCACHEPREFIX"] = bytecode
            for mode in ("ner", "rules"):  # untimed: writes the bytecode of every module a first parse imports
                fresh(FRESH_FIRST_PARSE, first_text, mode, cache=os.path.join(bytecode, "patterns"))
        print("(fresh processes: kdextract's modules compiled from source in each)" if args.source and
              os.environ.get("PYTHONDONTWRITEBYTECODE") else "(fresh processes: every module read from bytecode)")
        first_parses(first_text)

    import spacy

    import kdextract
    from kdextract.testing.adversarial import municipal_text

    tokenizer = spacy.blank("sv").tokenizer
    corpora = {
        "samples": [p.read_text(encoding="utf-8") for p in sample],
        "wild": [p.read_text(encoding="utf-8") for p in sorted((args.corpus / "wild").glob("*.txt"))],
        f"{args.mb:g} MB document": [municipal_text(int(args.mb * 1_000_000))],
    }
    runs: dict[str, Callable[[str], object]] = {
        "tokenizer": tokenizer,
        "parse, NER": lambda text: kdextract.parse(text),
        "parse, no NER": lambda text: kdextract.parse(text, ner=False),
    }
    print(f"\n{'corpus':<18}{'chars':>11}{'tokenizer':>14}{'parse NER':>12}{'no NER':>12}{'NER/tok':>10}{'noNER/tok':>11}")
    for name, texts in corpora.items():
        if not texts:
            print(f"{name:<18} (no files)")
            continue
        rates = {run: cpu_rate(fn, texts) for run, fn in runs.items()}
        tok = rates["tokenizer"]
        print(f"{name:<18}{sum(map(len, texts)):>11,}{tok:>14,.0f}{rates['parse, NER']:>12,.0f}"
              f"{rates['parse, no NER']:>12,.0f}{'1/' + format(tok / rates['parse, NER'], '.0f'):>10}"
              f"{'1/' + format(tok / rates['parse, no NER'], '.0f'):>11}")
    print("(chars per CPU second, warm; NER/tok: parse with NER as a fraction of the tokenizer's speed)")
    if args.profile:
        texts = corpora["samples"] + corpora["wild"]
        for label, key in (("with NER", "parse, NER"), ("without NER", "parse, no NER")):
            print(f"\nwhere the time goes, {label} (samples + wild, warm, by own time):")
            print(profile(runs[key], texts, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
