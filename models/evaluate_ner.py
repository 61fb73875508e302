#!/usr/bin/env python
"""Evaluate a spaCy NER pipeline on UNER Swedish-Talbanken test and the Swedish NER corpus test file.

    python models/evaluate_ner.py                          # shipped model, both test sets
    python models/evaluate_ner.py --model DIR --data DIR --splits talbanken-dev news-dev

Scores are exact-match entity precision/recall/F1 on character offsets, per label and
micro-averaged overall.  Each sentence's raw text is run through the full pipeline (its
own tokenizer), so the figures are what a user gets.  UNER annotates only PER/LOC/ORG:
on the Talbanken splits predicted MISC entities are ignored (UNER treats such names as
outside), and MISC is not scored.  The news corpus scores all four labels, and its line
``PER+ORG+LOC`` micro-averages over the three UNER labels only (MISC ignored in gold and
predictions), the figure comparable across both corpora.  UNER Swedish-PUD (``pud-*``, when
``models/corpus/UNER_Swedish-PUD`` is there) is scored like Talbanken.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_ner import DEFAULT_DATA, EXTRA_DATA, OUTPUT_DIR, Sentence, load_splits

Span = tuple[str, int, int, str]  # (sentence key, start_char, end_char, label)
CORE_LABELS = {"PER", "ORG", "LOC"}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold: set[Span], pred: set[Span]) -> dict[str, tuple[float, float, float, int]]:
    labels = sorted({s[3] for s in gold} | {s[3] for s in pred})
    out: dict[str, tuple[float, float, float, int]] = {}
    for label in labels:
        g = {s for s in gold if s[3] == label}
        p = {s for s in pred if s[3] == label}
        out[label] = (*prf(len(g & p), len(p), len(g)), len(g))
    out["ALL"] = (*prf(len(gold & pred), len(pred), len(gold)), len(gold))
    if labels and not set(labels) <= CORE_LABELS:
        g = {s for s in gold if s[3] in CORE_LABELS}
        p = {s for s in pred if s[3] in CORE_LABELS}
        out["PER+ORG+LOC"] = (*prf(len(g & p), len(p), len(g)), len(g))
    return out


def predict(nlp, sentences: list[Sentence], ignore_labels: set[str], key: str = "") -> tuple[set[Span], set[Span]]:  # type: ignore[no-untyped-def]
    """Gold and predicted spans; ``key`` keeps sentence indices of different splits apart."""
    gold: set[Span] = set()
    pred: set[Span] = set()
    for i, (sentence, doc) in enumerate(zip(sentences, nlp.pipe(s.text for s in sentences), strict=True)):
        ident = f"{key}{i}"
        gold.update((ident, s, e, lab) for s, e, lab in sentence.ents)
        pred.update(
            (ident, ent.start_char, ent.end_char, ent.label_) for ent in doc.ents if ent.label_ not in ignore_labels
        )
    return gold, pred


def evaluate(nlp, sentences: list[Sentence], ignore_labels: set[str]):  # type: ignore[no-untyped-def]
    return score(*predict(nlp, sentences, ignore_labels))


def print_table(result: dict[str, tuple[float, float, float, int]]) -> None:
    print(f"  {'label':<11} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for label, (p, r, f, n) in result.items():
        print(f"  {label:<11} {p:6.3f} {r:6.3f} {f:6.3f} {n:6d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=OUTPUT_DIR)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--extra", type=Path, default=EXTRA_DATA, help="dir with UNER_Swedish-PUD/")
    parser.add_argument(
        "--splits",
        nargs="+",
        default=["talbanken-test", "news-test"],
        choices=[
            "talbanken-train", "talbanken-dev", "talbanken-test", "news-train", "news-dev", "news-test", "pud-train",
            "pud-dev", "news-dev-blocks",
        ],
    )
    args = parser.parse_args(argv)

    import spacy

    start = time.perf_counter()
    nlp = spacy.load(args.model)
    print(f"model {args.model} loaded in {time.perf_counter() - start:.2f} s")
    splits = load_splits(args.data, args.extra)
    for name in args.splits:
        ignore = set() if name.startswith("news") else {"MISC"}
        start = time.perf_counter()
        result = evaluate(nlp, splits[name], ignore)
        elapsed = time.perf_counter() - start
        note = " (predicted MISC ignored)" if ignore else ""
        print(f"\n{name}: {len(splits[name])} sentences, {elapsed:.1f} s{note}")
        print_table(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
