"""Growth of the record builders on texts that used to make them super-linear (issue #15).

Prints, for each case, the CPU seconds (best of 3) at size n and 4n and their ratio (about 4 when linear, 16 when
quadratic), measured in this process; no figure is asserted anywhere.

    python benchmarks/bench_records.py
"""

from __future__ import annotations

from collections.abc import Callable

from kdextract.parsers.amounts import find_amounts
from kdextract.records.amounts import describe_amounts
from kdextract.records.organisations import organisations_in
from kdextract.testing.adversarial import SHAPES
from kdextract.testing.timing import cpu_seconds
from kdextract.text.sentences import sentence_spans


def _budget_table(n: int) -> Callable[[], object]:
    text = "Budget\n" + SHAPES["budget_table"](16 * n)
    amounts, sentences = find_amounts(text), sentence_spans(text)
    return lambda: describe_amounts(text, amounts, [], sentences)


def _hyphen_run(n: int) -> Callable[[], object]:
    texts = iter(f"An{chr(97 + k)}a-" * n + " AB Council" for k in range(10))  # a new run each time: no cache helps
    return lambda: organisations_in(next(texts))


def _many_names(n: int) -> Callable[[], object]:
    text = " ".join(f"Föreningen Exempel{i} möter Exempelbolag{i} AB och Kalix kommun." for i in range(n))
    return lambda: organisations_in(text)


def _garbled_names(n: int) -> Callable[[], object]:
    text = " ".join(f"Försakringskassan{i % 7} och F6rsäkringskassan möter Skatteverkat{i}." for i in range(n))
    return lambda: organisations_in(text)


def main() -> None:
    cases = [("amounts: a 'Post N<tab>1 000 kr' table", _budget_table, 500),
             ("organisations: an 'Anna-Anna-…' run", _hyphen_run, 1000),
             ("organisations: many names", _many_names, 150),
             ("organisations: OCR-garbled listed names", _garbled_names, 150)]
    for label, make, n in cases:
        a, b = cpu_seconds(make(n)), cpu_seconds(make(4 * n))
        print(f"{label:<45} n={n:<5} {a:7.3f} s   4n {b:7.3f} s   ratio {b / a if a else float('nan'):5.1f}")


if __name__ == "__main__":
    main()
