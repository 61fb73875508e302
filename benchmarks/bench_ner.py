#!/usr/bin/env python3
"""NER throughput of the shipped model against a baseline model, measured in the same process.

    mkdir -p /tmp/ner_baseline && git archive HEAD models/sv_kdextract_ner | tar -x -C /tmp/ner_baseline
    python benchmarks/bench_ner.py --baseline /tmp/ner_baseline/models/sv_kdextract_ner [--model DIR]

Both pipelines run ``nlp.pipe`` over the same texts: municipal-style paragraphs written for this
benchmark plus, when the NER corpora are there (``--data``, default ``../shared/corpus/ner``), the
sentences of the two test files joined into documents of about 2,000 characters.  Each model is
warmed up with one pass; then the passes alternate between the models and the best CPU time
(``time.process_time``, one BLAS thread) of ``--repeat`` passes counts.  Prints chars/s of each
and the ratio new/baseline (> 1: the new model is faster).  A third pipeline is the new model as
kdextract runs it (``kdextract.nlp.blas.use_inference_ops``: numpy's BLAS for the tok2vec's matrix
products); its ratio to the baseline is what kdextract's NER costs per character.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = REPO / "models" / "sv_kdextract_ner"
DEFAULT_DATA = REPO.parent / "shared" / "corpus" / "ner"

PARAGRAPHS = [
    (
        "Kommunstyrelsen beslutade att ge kommundirektören Karin Holmgren i uppdrag att tillsammans med "
        "Trafikverket och Region Gävleborg ta fram en plan för gång- och cykelvägen mellan Bjärsta och "
        "centrum. Ärendet återkommer till kommunfullmäktige i juni."
    ),
    (
        "Närvarande: Lars-Erik Sundqvist (S), ordförande, Maria Wikström (M), Ahmed Yusuf (C) och Petra "
        "Nyberg (V). Tjänstepersoner: ekonomichef Johan Lindahl, nämndsekreterare Sara Berg."
    ),
    (
        "Barn- och utbildningsnämnden har fått ett statsbidrag från Skolverket för läxhjälp. Enligt "
        "förvaltningen räcker medlen t.o.m. vårterminen; därefter behöver Socialstyrelsen och "
        "Försäkringskassan kontaktas om fortsatt samverkan."
    ),
    (
        "Bostadsbolaget AB Fjällhem redovisade resultatet för året. Styrelsen föreslår en utdelning till "
        "ägaren, Storviks kommun, och en satsning på energieffektivisering i bl.a. Östermalm och Sandvik."
    ),
    (
        "Delegationen besökte Tallinn och Helsingfors för att studera hur Estland och Finland organiserar "
        "digitala tjänster. Rapporten presenteras för Sveriges Kommuner och Regioner (SKR) i höst."
    ),
]


def texts(data: Path | None, n_paragraphs: int) -> list[str]:
    out = [PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(n_paragraphs)]
    if data is not None and data.is_dir():
        sys.path.insert(0, str(REPO / "models"))
        from train_ner import load_splits

        splits = load_splits(data)
        doc: list[str] = []
        for sentence in splits["talbanken-test"] + splits["news-test"]:
            doc.append(sentence.text)
            if sum(len(t) + 1 for t in doc) >= 2000:
                out.append(" ".join(doc))
                doc = []
    return out


def run(nlp, docs: list[str]) -> float:  # type: ignore[no-untyped-def]
    start = time.process_time()
    for _ in nlp.pipe(docs, batch_size=64):
        pass
    return time.process_time() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", type=Path, required=True, help="baseline pipeline directory")
    ap.add_argument("--model", type=Path, default=DEFAULT_MODEL, help=f"new pipeline (default {DEFAULT_MODEL})")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="NER corpora for extra texts (optional)")
    ap.add_argument("--paragraphs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import spacy

    from kdextract.nlp.blas import use_inference_ops

    docs = texts(args.data, args.paragraphs)
    n_chars = sum(len(d) for d in docs)
    print(f"texts: {len(docs)} documents, {n_chars:,} characters")
    models = {}
    for name, path in (("baseline", args.baseline), ("new", args.model), ("kdextract", args.model)):
        start = time.perf_counter()
        models[name] = spacy.load(path)
        print(f"{name:<9} {path}: spacy.load {time.perf_counter() - start:.2f} s")
        if name == "kdextract" and not use_inference_ops(models[name]):
            print("kdextract: numpy's BLAS cannot be held to one thread here; thinc's ops kept")
        run(models[name], docs)  # warm-up
    best = {name: float("inf") for name in models}
    for _ in range(args.repeat):
        for name, nlp in models.items():
            best[name] = min(best[name], run(nlp, docs))
    for name in models:
        print(f"{name:<9} {n_chars / best[name]:>10,.0f} chars/s  (best of {args.repeat}, {best[name]:.2f} s CPU)")
    print(f"ratio new/baseline: {best['baseline'] / best['new']:.3f} (> 1 = new model faster)")
    print(f"ratio kdextract/baseline: {best['baseline'] / best['kdextract']:.3f} (the new model as kdextract runs it)")
    print(f"ratio kdextract/new: {best['new'] / best['kdextract']:.3f} (kdextract's ops against thinc's, same model)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
