#!/usr/bin/env python3
"""How the people builder and layout recovery grow with the text: CPU time for n and 2n, and the ratio.

Inputs (generated, our own words): a list of one name per line (the shape that made the
people builder super-linear, issue #15), a flattened protocol transcript (pages on one line
each, issue #12) and an attendance list of "Förnamn Efternamn (S)" entries. Linear growth
prints a ratio near 2.0 for twice the text.

Usage (from the project root):
    PYTHONPATH=src python benchmarks/bench_people.py [--n 2000]
"""
from __future__ import annotations

import argparse
import random
from collections.abc import Callable

from kdextract.testing.timing import cpu_seconds

GIVEN = ("Anna Eva Lena Karin Maria Sara Johan Erik Lars Anders Per Nils Olof Sven Ulla Kerstin Britt Ingrid "
         "Ann-Britt Lars-Erik").split()
SYLLABLES = "ber hol lin dah str lun nyb sjö wik for åbe nor san fal bjö hed gre mal tor vik".split()
ENDINGS = ("son", "berg", "ström", "lund", "man", "gren")
PARTIES = ("S", "M", "C", "V", "KD", "L", "MP", "SD")


def names(n: int, seed: int = 1) -> list[str]:
    rnd = random.Random(seed)
    return [f"{rnd.choice(GIVEN)} {rnd.choice(SYLLABLES).capitalize()}{rnd.choice(SYLLABLES)}{rnd.choice(ENDINGS)}"
            for _ in range(n)]


def name_list(n: int) -> str:
    return "\n".join(names(n)) + "\n"


def attendance(n: int) -> str:
    rnd = random.Random(2)
    listed = " ".join(f"{name} ({rnd.choice(PARTIES)})" for name in names(n, seed=3))
    return f"Plats och tid Stadshuset kl. 9.00 Beslutande {listed} Utses att justera {names(1)[0]} Sekreterare Eva Ek\n"


def transcript(n: int) -> str:
    pages = []
    for page in range(1, n // 20 + 2):
        items = " ".join(f"{page * 20 + k} Ärende nummer {k} om budget Dnr KS 2024/{page * 20 + k} Beslut "
                         f"Nämnden godkänner förslaget." for k in range(20))
        pages.append(f"{page} Kommunstyrelsen PROTOKOLL {page}({n // 20 + 1}) {items}")
    return "\n\n".join(pages) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args()

    import kdextract
    from kdextract.layout.reflow import reflow
    from kdextract.records.people import people_in
    from kdextract.text.view import TextView

    cases: list[tuple[str, Callable[[str], object], Callable[[int], str]]] = [
        ("people_in, one name per line", people_in, name_list),
        ("people_in, attendance list with parties", people_in, attendance),
        ("reflow, flattened transcript", lambda t: reflow(TextView.identity(t)), transcript),
        ("parse(ner=False), flattened transcript", lambda t: kdextract.parse(t, ner=False), transcript),
    ]
    people_in(name_list(20))  # word lists load outside the timings
    print(f"{'case':<44}{'chars n':>10}{'s (n)':>9}{'s (2n)':>9}{'ratio':>7}")
    for label, fn, make in cases:
        small, large = make(args.n), make(2 * args.n)
        a, b = cpu_seconds(lambda: fn(small)), cpu_seconds(lambda: fn(large))
        print(f"{label:<44}{len(small):>10}{a:>9.2f}{b:>9.2f}{b / a if a else 0:>7.2f}")


if __name__ == "__main__":
    main()
