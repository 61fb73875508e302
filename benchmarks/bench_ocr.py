#!/usr/bin/env python3
"""How much synthetic OCR damage costs, and how much OCR repair wins back.

Applies ``kdextract.testing.noise.add_ocr_noise`` to the clean sample documents (every sample whose
text is not itself OCR-damaged, i.e. that ``kdextract.text.ocr.plainly_clean`` accepts),
then prints:

* per-type F1 and macro F1 of ``kdextract.parse`` on the clean and on the noisy copies,
  scored against the samples' gold with the functions of ``../shared/eval/score.py``. As
  GOLD.md asks for OCR'd documents, a noisy copy's gold writes text fields as they appear
  in that copy (the damaged spelling, traced through the noise spans), with the clean
  spelling kept as an alias where the field has aliases, and (names and titles) the forms
  with only some of their damaged words, as a repair that undoes one of them leaves them;
* the character and word error rate of the noisy text and of the repaired working view,
  both against the clean text's working view (so normalisation is not counted as damage);
* the CPU time OCR repair takes (the lexicon loaded before).

Usage (from the project root):
    PYTHONPATH=src python benchmarks/bench_ocr.py [--rate 0.15] [--seeds 0 1 2] [--no-parse] [--no-repair]
"""
from __future__ import annotations

import argparse
import difflib
import importlib.util
import itertools
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "score.py"
SAMPLES = ROOT.parent / "shared" / "corpus" / "samples"


def load_scorer(path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("kdx_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def error_rates(ref: str, hyp: str) -> tuple[float, float]:
    """(character error rate, word error rate) of ``hyp`` against ``ref``."""
    rw, hw = ref.split(), hyp.split()
    char_errors = word_errors = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, rw, hw, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        word_errors += max(i2 - i1, j2 - j1)
        char_errors += levenshtein(" ".join(rw[i1:i2]), " ".join(hw[j1:j2]))
    ref_chars = sum(len(w) for w in rw) + max(len(rw) - 1, 0)
    return char_errors / max(ref_chars, 1), word_errors / max(len(rw), 1)


def noisy_gold(gold: dict, clean: str, spans: list) -> dict:  # type: ignore[type-arg]
    """``gold`` of the clean text, rewritten for the noisy copy made with ``spans``."""
    from kdextract.testing.noise import map_span

    noisy = apply(clean, spans)

    def forms(phrase: str, partial: bool = False) -> list[str]:
        """The noisy forms of ``phrase``; ``partial``: also with only some of its damage (repair may
        undo one damaged word of a name and not the next), up to three damaged spans."""
        if not phrase:
            return []
        out: list[str] = []
        # the gold folds white space: a phrase the text breaks over two lines is found there too
        needle = re.compile(r"\s+".join(re.escape(w) for w in phrase.split()), re.IGNORECASE)
        for m in needle.finditer(clean):
            i, j = m.span()
            a, b = map_span(spans, i, j)
            variants = [noisy[a:b]]
            inside = [s for s in spans if s[0] < j and s[1] > i]
            if partial and 1 < len(inside) <= 3:
                lo, hi = min(i, inside[0][0]), max(j, inside[-1][1])
                for k in range(1, len(inside)):
                    for subset in itertools.combinations(inside, k):
                        variants.append(apply(clean[lo:hi], [(s - lo, e - lo, new) for s, e, new in subset]))
            out.extend(v for v in variants if v not in out)
        return out

    g = json.loads(json.dumps(gold))
    for kind, field in (("sections", "title"), ("people", "name"), ("organisations", "name"), ("projects", "name")):
        for item in g.get(kind, []):
            names = [item.get(field), *item.get("aliases", [])]
            extra = [f for n in names if n for f in forms(n, partial=True) if f not in names]
            item["aliases"] = [*item.get("aliases", []), *extra]
    for item in g.get("dates", []):
        found = forms(item.get("text", ""))
        if found:
            item["text"] = found[0]
    for item in g.get("deadlines", []):
        item["what"] = [*item.get("what", []), *(f for w in item.get("what", []) for f in forms(w))]
    for item in g.get("decisions", []):
        found = forms(item.get("key", ""))
        if found:
            item["key"] = found[0]
    return g


def apply(text: str, spans: list) -> str:  # type: ignore[type-arg]
    from kdextract.testing.noise import apply_spans

    return apply_spans(text, spans)


def score_doc(scorer, data: dict, gold: dict) -> dict[str, tuple[int, int, int]]:  # type: ignore[no-untyped-def]
    out = {}
    for t in scorer.TYPES:
        pred = [p for p in (data.get(t) or []) if isinstance(p, dict)]
        if t == "sections":
            pred = scorer.top_sections(pred)
        tp, fp, fn, _, _ = scorer.score_type(t, pred, gold.get(t, []))
        out[t] = (tp, fp, fn)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rate", type=float, default=0.15, help="share of words damaged (default 0.15)")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--samples", type=Path, default=SAMPLES)
    ap.add_argument("--score", type=Path, default=EVAL)
    ap.add_argument("--no-parse", action="store_true", help="only the error rates, no kdextract.parse")
    ap.add_argument("--no-repair", action="store_true", help="parse with ocr_repair=False (what repair is worth)")
    args = ap.parse_args()

    from kdextract.testing.noise import add_ocr_noise, ocr_noise_spans
    from kdextract.text.lexicon import load_lexicon
    from kdextract.text.normalize import normalize
    from kdextract.text.ocr import looks_damaged, plainly_clean, repair

    docs = []
    for path in sorted(args.samples.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if plainly_clean(text):
            docs.append((path, text))
    print(f"{len(docs)} clean samples: {', '.join(p.name for p, _ in docs)}; "
          f"noise rate {args.rate}, seeds {args.seeds}")

    # -- error rates ---------------------------------------------------------------
    before = [0.0, 0.0]
    after = [0.0, 0.0]
    repair_s = 0.0
    chars = 0
    detected = 0
    runs = 0
    load_lexicon()  # not part of the repair speed
    for path, text in docs:
        clean_view = normalize(text).text
        for seed in args.seeds:
            noisy = add_ocr_noise(text, rate=args.rate, seed=seed)
            noisy_view = normalize(noisy)
            t0 = time.process_time()
            repaired = repair(noisy_view)
            repair_s += time.process_time() - t0
            chars += len(noisy)
            detected += repaired is not noisy_view or looks_damaged(noisy) >= 0.08
            runs += 1
            for acc, hyp in ((before, noisy_view.text), (after, repaired.text)):
                cer, wer = error_rates(clean_view, hyp)
                acc[0] += cer
                acc[1] += wer
    print(f"\nOCR damage detected in {detected}/{runs} noisy copies")
    print(f"{'':<16}{'CER':>8}{'WER':>8}")
    print(f"{'noisy':<16}{before[0] / runs:8.2%}{before[1] / runs:8.2%}")
    print(f"{'repaired':<16}{after[0] / runs:8.2%}{after[1] / runs:8.2%}")
    undone = 1 - after[0] / before[0] if before[0] else 0.0
    print(f"repair undoes {undone:.0%} of the character damage; "
          f"repair speed {chars / repair_s:,.0f} chars per CPU second (lexicon loaded)")
    if args.no_parse:
        return 0

    # -- extraction F1 -------------------------------------------------------------
    import kdextract

    scorer = load_scorer(args.score)
    totals = {"clean": {t: [0, 0, 0] for t in scorer.TYPES}, "noisy": {t: [0, 0, 0] for t in scorer.TYPES}}
    for path, text in docs:
        gold = json.loads((args.samples / "gold" / (path.stem + ".json")).read_text(encoding="utf-8"))
        variants = [("clean", text, gold)]
        for seed in args.seeds:
            spans = ocr_noise_spans(text, rate=args.rate, seed=seed)
            variants.append(("noisy", apply(text, spans), noisy_gold(gold, text, spans)))
        for label, variant, variant_gold in variants:
            weight = 1 if label == "noisy" else len(args.seeds)  # clean counted as often as the noisy copies
            try:
                options = {"ocr_repair": False} if args.no_repair else {}
                data = kdextract.parse(variant, **options).model_dump(mode="json")
            except Exception as exc:  # noqa: BLE001 - report and score as empty
                print(f"CRASH {path.name} ({label}): {type(exc).__name__}: {exc}")
                data = {}
            for t, counts in score_doc(scorer, data, variant_gold).items():
                for i, n in enumerate(counts):
                    totals[label][t][i] += n * weight
    print(f"\n{'type':<14}{'clean F1':>10}{'noisy F1':>10}{'change':>9}")
    macro = {}
    for label in totals:
        macro[label] = sum(scorer.f1(*totals[label][t])[2] for t in scorer.TYPES) / len(scorer.TYPES)
    for t in scorer.TYPES:
        c = scorer.f1(*totals["clean"][t])[2]
        n = scorer.f1(*totals["noisy"][t])[2]
        print(f"{t:<14}{c:10.3f}{n:10.3f}{(n - c) * 100:+9.1f}")
    print(f"{'macro F1':<14}{macro['clean']:10.3f}{macro['noisy']:10.3f}{(macro['noisy'] - macro['clean']) * 100:+9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
