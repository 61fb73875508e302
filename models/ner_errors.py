#!/usr/bin/env python
"""Error analysis of a NER pipeline on the dev splits (run R13 in models/README.md).

    python models/ner_errors.py                                  # shipped model, news-dev
    python models/ner_errors.py --model DIR --splits news-dev talbanken-dev --examples

Over PER/ORG/LOC (MISC ignored in gold and predictions, as ``evaluate_ner.py``'s line
``PER+ORG+LOC``), each missed gold entity and each false prediction falls in one class:
``label`` (same span, other label, MISC included), ``boundary`` (overlaps an entity of the
other side), ``missed``/``spurious`` (overlaps nothing).  Recall and precision are also split
by what the entity is: ``seen`` (its text is an entity of either training split) or ``unseen``,
lower-case first letter, one word or several, sentence-initial, hyphenated; ``off-token``
counts gold spans whose ends are not token ends of the pipeline's tokenizer.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_ner import DEFAULT_DATA, OUTPUT_DIR, load_splits

CORE = {"PER", "ORG", "LOC"}
Ent = tuple[int, int, str]


def kinds(text: str, ent: Ent, seen: set[str]) -> list[str]:
    start, end, label = ent
    name = text[start:end]
    out = [label, "seen" if name in seen else "unseen", "lowercase" if name[:1].islower() else "cased"]
    out.append("multi-word" if " " in name else "one word")
    out += ["sentence-initial"] * (start == 0) + ["hyphenated"] * ("-" in name)
    return out


def error_class(ent: Ent, other: set[Ent], side: str) -> str:
    start, end, label = ent
    same = [o for o in other if o[:2] == ent[:2]]
    if same:
        return f"{side} label {label} -> {same[0][2]}"
    overlap = [o for o in other if o[0] < end and start < o[1]]
    return f"{side} boundary {label}" if overlap else f"{side} {'missed' if side == 'FN' else 'spurious'} {label}"


def analyse(nlp, sentences, seen: set[str], examples: bool) -> None:  # type: ignore[no-untyped-def]
    errors: Counter[str] = Counter()
    shown: defaultdict[str, list[str]] = defaultdict(list)
    gold_n: Counter[str] = Counter()
    gold_hit: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    pred_hit: Counter[str] = Counter()
    for sentence, doc in zip(sentences, nlp.pipe(s.text for s in sentences), strict=True):
        text = sentence.text
        gold_all = set(sentence.ents)
        pred_all = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        gold = {g for g in gold_all if g[2] in CORE}
        pred = {p for p in pred_all if p[2] in CORE}
        ends = {t.idx + len(t) for t in doc} | {0}
        starts = {t.idx for t in doc}
        errors["off-token gold spans"] += sum(1 for s, e, _ in gold if s not in starts or e not in ends)
        for ent in gold:
            for kind in kinds(text, ent, seen):
                gold_n[kind] += 1
                gold_hit[kind] += ent in pred
        for ent in pred:
            for kind in kinds(text, ent, seen):
                pred_n[kind] += 1
                pred_hit[kind] += ent in gold
        for side, mine, theirs in (("FN", gold - pred, pred_all), ("FP", pred - gold, gold_all)):
            for ent in mine:
                cls = error_class(ent, theirs, side)
                errors[cls] += 1
                shown[cls].append(text[ent[0] : ent[1]])
    tp = sum(pred_hit[lab] for lab in CORE)
    n_pred, n_gold = sum(pred_n[lab] for lab in CORE), sum(gold_n[lab] for lab in CORE)
    p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
    print(f"  PER+ORG+LOC P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f} gold {n_gold}")
    print(f"  {'kind':<17} {'gold':>5} {'R':>6} {'pred':>5} {'P':>6}")
    for kind in sorted(gold_n | pred_n):
        rec = gold_hit[kind] / gold_n[kind] if gold_n[kind] else 0.0
        prec = pred_hit[kind] / pred_n[kind] if pred_n[kind] else 0.0
        print(f"  {kind:<17} {gold_n[kind]:5d} {rec:6.3f} {pred_n[kind]:5d} {prec:6.3f}")
    for cls, n in sorted(errors.items()):
        print(f"  {n:4d}  {cls}" + (f": {', '.join(shown[cls][:12])}" if examples and shown[cls] else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=OUTPUT_DIR)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--splits", nargs="+", default=["news-dev"], choices=["news-dev", "news-dev-blocks", "talbanken-dev"])
    parser.add_argument("--examples", action="store_true", help="list the entities of each error class")
    args = parser.parse_args(argv)

    import spacy

    nlp = spacy.load(args.model)
    splits = load_splits(args.data)
    seen = {s.text[a:b] for name in ("news-train", "talbanken-train") for s in splits[name] for a, b, _ in s.ents}
    for name in args.splits:
        print(f"\n{name}: {len(splits[name])} sentences")
        analyse(nlp, splits[name], seen, args.examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
