#!/usr/bin/env python3
"""The long fuzz run before a release: N random and Swedish-shaped inputs through the public API.

    python benchmarks/fuzz.py [--n 100000] [--seed 0] [--ner-every 0] [--max-len 400]

Every input goes through ``parse`` (without NER; with NER too for every ``--ner-every``-th input),
``find_dates`` and ``find_amounts``, and each result is checked as ``kdextract.testing.fuzz`` says:
offsets inside the text and quoting it exactly, a JSON round trip that gives the same result, the
same result twice, and no exception but a ``KdextractError``. Failures are grouped by message with
the shortest input that gave each; the exit status is 1 when there is any.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter

from kdextract.parsers.amounts import find_amounts
from kdextract.parsers.dates import find_dates
from kdextract.testing.fuzz import FuzzFailure, check_finder, check_parse, fuzz_text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="number of inputs (default 10,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--ner-every", type=int, default=0, metavar="K", help="also parse with NER every K-th input")
    ap.add_argument("--max-len", type=int, default=400, help="longest input, about (default 400 characters)")
    args = ap.parse_args()

    rnd = random.Random(args.seed)
    failures: Counter[str] = Counter()
    shortest: dict[str, str] = {}
    refused = chars = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(1, args.n + 1):
        text = fuzz_text(rnd, args.max_len)
        chars += len(text)
        try:
            refused += check_parse(text) is None
            check_finder("find_dates", find_dates, text)
            check_finder("find_amounts", find_amounts, text)
            if args.ner_every and i % args.ner_every == 0:
                check_parse(text, ner=True)
        except FuzzFailure as exc:
            key = str(exc).splitlines()[0][:160]
            failures[key] += 1
            if key not in shortest or len(text) < len(shortest[key]):
                shortest[key] = text
        if i % 10_000 == 0 or i == args.n:
            print(f"{i:>9,} inputs  {chars:>12,} chars  {time.perf_counter() - t0:8.0f} s  "
                  f"{sum(failures.values()):,} failures", flush=True)
    print(f"\n{args.n:,} inputs (seed {args.seed}), {chars:,} characters, {time.process_time() - c0:,.0f} CPU s; "
          f"{refused:,} refused with a KdextractError (NUL characters); {sum(failures.values()):,} failures in {len(failures)} kinds")
    for key, count in failures.most_common():
        print(f"\n{count:>7,}  {key}\n         shortest input: {shortest[key]!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
