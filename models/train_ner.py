#!/usr/bin/env python
"""Train kdextract's Swedish NER pipeline ``models/sv_kdextract_ner``.

One command, run from anywhere::

    python models/train_ner.py                 # data from <repo>/../shared/corpus/ner
    python models/train_ner.py --data DIR      # DIR holds UNER_Swedish-Talbanken/ and swedish-ner-corpus/

Steps
1. convert the corpora to spaCy DocBin files under ``models/_work/`` (gitignored):
   * UNER Swedish-Talbanken (IOB2, PER/LOC/ORG; raw text from ``# text =`` lines),
   * Swedish NER corpus (Webbnyheter 2012; token<TAB>label, PER/ORG/LOC/MISC/"0",
     no B-/I- prefixes: consecutive tokens with the same label form one entity),
     dropping training sentences that also occur in its test file;
   train = Talbanken train + news train (minus a deterministic 8 % held out);
           ``--talbanken-weight N`` repeats Talbanken, ``--augment N`` adds mention-replacement
           copies (both off by default: they did not help on dev, see models/README.md),
   dev   = Talbanken dev + the held-out news sentences (used for early stopping);
2. train ``models/config.cfg`` (fixed seed) with the abbreviation special cases of
   ``kdextract.nlp.tokenizer`` already in the tokenizer;
3. write the best checkpoint, stripped of training-only data, to
   ``models/sv_kdextract_ner/``.  The tokenizer special cases are serialised with the
   pipeline, so ``spacy.load(path)`` works without importing kdextract.

The test splits (Talbanken test, news test_corpus.txt) are never used here; see
``models/evaluate_ner.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

MODELS_DIR = Path(__file__).resolve().parent
REPO_ROOT = MODELS_DIR.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "corpus" / "ner"
WORK_DIR = MODELS_DIR / "_work"
OUTPUT_DIR = MODELS_DIR / "sv_kdextract_ner"
CONFIG = MODELS_DIR / "config.cfg"

MODEL_NAME = "kdextract_ner"
MODEL_VERSION = "0.1.0"
SEED = 42
TALBANKEN_WEIGHT = 1  # Talbanken train is seen this many times per epoch
AUGMENT_COPIES = 0  # mention-replacement copies of every entity-bearing training sentence
NEWS_DEV_EVERY = 12  # every 12th news training sentence (~8 %) is held out for dev

TALBANKEN_DIR = "UNER_Swedish-Talbanken"
NEWS_DIR = "swedish-ner-corpus"
NEWS_LABELS = {"PER", "ORG", "LOC", "MISC"}

sys.path.insert(0, str(REPO_ROOT / "src"))


class Sentence(NamedTuple):
    """A sentence with its raw text, token char offsets and entity char spans."""

    text: str
    tokens: list[tuple[int, int]]  # (start, end) of each token in text
    ents: list[tuple[int, int, str]]  # (start_char, end_char, label)


# --------------------------------------------------------------------------- readers


def _iob_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags -> (first_token, last_token_exclusive, label); stray I- starts an entity."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if start >= 0 and not (prefix == "I" and lab == label):
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix == "B" or (prefix == "I" and start < 0):
            start, label = i, lab
    return spans


def _align_tokens(text: str, words: list[str]) -> list[tuple[int, int]]:
    offsets, pos = [], 0
    for word in words:
        found = text.find(word, pos)
        if found < 0:
            raise ValueError(f"token {word!r} not found in {text!r} after {pos}")
        offsets.append((found, found + len(word)))
        pos = found + len(word)
    return offsets


def read_talbanken(path: Path) -> list[Sentence]:
    """Read a UNER IOB2 file; the ``# text =`` comment gives the raw sentence."""
    sentences: list[Sentence] = []
    text: str | None = None
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        nonlocal text, words, tags
        if words:
            raw = text if text is not None else " ".join(words)
            offsets = _align_tokens(raw, words)
            ents = [(offsets[s][0], offsets[e - 1][1], lab) for s, e, lab in _iob_to_spans(tags)]
            sentences.append(Sentence(raw, offsets, ents))
        text, words, tags = None, [], []

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
            elif line.startswith("#"):
                if line.startswith("# text = "):
                    text = line[len("# text = "):]
            else:
                cols = line.split("\t")
                words.append(cols[1])
                tags.append(cols[2] if cols[2] else "O")
    flush()
    return sentences


_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "...", "»", "”"}
_NO_SPACE_AFTER = {"(", "[", "{", "«", "“"}


def detokenize(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens into plausible running text (no space before ``,.:;!?)`` etc.)."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    quote_open = False
    for i, word in enumerate(words):
        if i > 0:
            prev = words[i - 1]
            glue = word in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER
            if word == '"':
                glue = quote_open  # closing quote sticks to the previous word
            if prev == '"' and quote_open:
                glue = True  # word right after an opening quote
            if not glue:
                parts.append(" ")
                pos += 1
        if word == '"':
            quote_open = not quote_open
        parts.append(word)
        offsets.append((pos, pos + len(word)))
        pos += len(word)
    return "".join(parts), offsets


def read_news_tokens(path: Path) -> list[tuple[list[str], list[str]]]:
    """Swedish NER corpus: ``token<TAB or spaces>label`` lines, blank line between sentences."""
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    labels: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in [*fh, "\n"]:
            parts = line.split()
            if not parts:
                if words:
                    sentences.append((words, labels))
                words, labels = [], []
                continue
            if len(parts) == 1:  # a token without label: treat as outside
                parts.append("0")
            word, label = " ".join(parts[:-1]), parts[-1]
            words.append(word)
            labels.append(label if label in NEWS_LABELS else "O")
    return sentences


def news_to_sentence(words: list[str], labels: list[str]) -> Sentence:
    """Harmonise prefix-less labels: consecutive tokens with the same label = one entity."""
    text, offsets = detokenize(words)
    tags, prev = [], "O"
    for label in labels:
        if label == "O":
            tags.append("O")
        else:
            tags.append(("I-" if label == prev else "B-") + label)
        prev = label
    ents = [(offsets[s][0], offsets[e - 1][1], lab) for s, e, lab in _iob_to_spans(tags)]
    return Sentence(text, offsets, ents)


def read_news(path: Path, exclude: Iterable[tuple[str, ...]] = ()) -> list[Sentence]:
    excluded = set(exclude)
    return [
        news_to_sentence(words, labels)
        for words, labels in read_news_tokens(path)
        if tuple(words) not in excluded
    ]


def load_splits(data_dir: Path) -> dict[str, list[Sentence]]:
    """All splits: talbanken-{train,dev,test}, news-{train,dev,test} (news-dev is held out of news train)."""
    tb = data_dir / TALBANKEN_DIR
    news = data_dir / NEWS_DIR
    test_tokens = [tuple(w) for w, _ in read_news_tokens(news / "test_corpus.txt")]
    news_train_all = read_news(news / "train_corpus.txt", exclude=test_tokens)
    return {
        "talbanken-train": read_talbanken(tb / "sv_talbanken-ud-train.iob2"),
        "talbanken-dev": read_talbanken(tb / "sv_talbanken-ud-dev.iob2"),
        "talbanken-test": read_talbanken(tb / "sv_talbanken-ud-test.iob2"),
        "news-train": [s for i, s in enumerate(news_train_all) if i % NEWS_DEV_EVERY != NEWS_DEV_EVERY - 1],
        "news-dev": [s for i, s in enumerate(news_train_all) if i % NEWS_DEV_EVERY == NEWS_DEV_EVERY - 1],
        "news-test": read_news(news / "test_corpus.txt"),
    }


# --------------------------------------------------------------------------- augmentation


def _pieces(sentence: Sentence) -> list[tuple[str, str]]:
    """(token text, whitespace after it) pairs."""
    out = []
    for i, (start, end) in enumerate(sentence.tokens):
        nxt = sentence.tokens[i + 1][0] if i + 1 < len(sentence.tokens) else len(sentence.text)
        out.append((sentence.text[start:end], sentence.text[end:nxt]))
    return out


def _ent_token_spans(sentence: Sentence) -> list[tuple[int, int, str]]:
    starts = {s: i for i, (s, _) in enumerate(sentence.tokens)}
    ends = {e: i for i, (_, e) in enumerate(sentence.tokens)}
    return [(starts[s], ends[e] + 1, lab) for s, e, lab in sentence.ents]


def mention_replacement(sentences: list[Sentence], copies: int, seed: int = SEED) -> list[Sentence]:
    """Extra copies of entity-bearing sentences with each mention swapped for another of the same label.

    Mention replacement (Dai & Adel, COLING 2020) makes the model lean on context and word
    shape rather than on memorised names, which matters without pretrained vectors.
    """
    if copies <= 0:
        return []
    rng = random.Random(seed)
    pool: dict[str, list[list[tuple[str, str]]]] = {}
    for sentence in sentences:
        pieces = _pieces(sentence)
        for start, end, label in _ent_token_spans(sentence):
            pool.setdefault(label, []).append(pieces[start:end])
    augmented: list[Sentence] = []
    for _ in range(copies):
        for sentence in sentences:
            if not sentence.ents:
                continue
            pieces = _pieces(sentence)
            spans = {start: (end, label) for start, end, label in _ent_token_spans(sentence)}
            text, tokens, ents = "", [], []
            i = 0
            while i < len(pieces):
                if i in spans:
                    end, label = spans[i]
                    mention = rng.choice(pool[label])
                    ent_start = len(text)
                    for j, (word, gap) in enumerate(mention):
                        tokens.append((len(text), len(text) + len(word)))
                        text += word
                        ent_end = len(text)
                        text += pieces[end - 1][1] if j == len(mention) - 1 else gap
                    ents.append((ent_start, ent_end, label))
                    i = end
                else:
                    word, gap = pieces[i]
                    tokens.append((len(text), len(text) + len(word)))
                    text += word + gap
                    i += 1
            augmented.append(Sentence(text, tokens, ents))
    return augmented


# --------------------------------------------------------------------------- DocBin


def sentence_to_doc(vocab, sentence: Sentence):  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    words = [sentence.text[s:e] for s, e in sentence.tokens]
    spaces = [
        (i + 1 < len(sentence.tokens) and sentence.tokens[i + 1][0] > e)
        or (i + 1 == len(sentence.tokens) and e < len(sentence.text))
        for i, (_, e) in enumerate(sentence.tokens)
    ]
    doc = Doc(vocab, words=words, spaces=spaces)
    spans = []
    for start, end, label in sentence.ents:
        span = doc.char_span(start, end, label=label)
        if span is None:
            raise ValueError(f"entity {sentence.text[start:end]!r} not on token boundaries")
        spans.append(span)
    doc.ents = spans
    doc[0].is_sent_start = True
    return doc


def write_docbin(sentences: list[Sentence], path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("sv").vocab
    db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE", "SENT_START"], store_user_data=False)
    for sentence in sentences:
        db.add(sentence_to_doc(vocab, sentence))
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)


def entity_counts(sentences: list[Sentence]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in sentences:
        for *_, label in s.ents:
            counts[label] = counts.get(label, 0) + 1
    return dict(sorted(counts.items()))


# --------------------------------------------------------------------------- training


def train(
    data_dir: Path, output: Path, overrides: dict[str, object], talbanken_weight: int = TALBANKEN_WEIGHT, work: Path = WORK_DIR,
    augment: int = AUGMENT_COPIES,
) -> Path:
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop
    from spacy.util import fix_random_seed, load_config

    from kdextract.nlp.tokenizer import add_abbreviation_special_cases

    splits = load_splits(data_dir)
    # Talbanken (the evaluation domain, and the only source of UNER conventions) is repeated
    train_sents = splits["talbanken-train"] * talbanken_weight + splits["news-train"]
    train_sents += mention_replacement(splits["talbanken-train"] + splits["news-train"], augment)
    dev_sents = splits["talbanken-dev"] + splits["news-dev"]
    random.Random(SEED).shuffle(train_sents)
    for name, sents in (("train", train_sents), ("dev", dev_sents)):
        print(f"[data] {name}: {len(sents)} sentences, entities {entity_counts(sents)}", flush=True)
    train_path, dev_path = work / "train.spacy", work / "dev.spacy"
    write_docbin(train_sents, train_path)
    write_docbin(dev_sents, dev_path)

    config = load_config(
        CONFIG,
        overrides={"paths.train": str(train_path), "paths.dev": str(dev_path), **overrides},
        interpolate=False,
    )
    fix_random_seed(int(config["system"]["seed"]))
    nlp = init_nlp(config, use_gpu=-1)
    add_abbreviation_special_cases(nlp)  # before training: train-time tokenisation == run time
    checkpoints = work / "checkpoints"
    if checkpoints.exists():
        shutil.rmtree(checkpoints)
    checkpoints.mkdir(parents=True)
    start = time.time()
    train_loop(nlp, checkpoints, use_gpu=-1, stdout=sys.stdout, stderr=sys.stderr)
    print(f"[train] {time.time() - start:.0f} s", flush=True)

    return export_model(checkpoints / "model-best", output)


def export_model(checkpoint: Path, output: Path) -> Path:
    """Copy a training checkpoint to ``output`` as the shippable pipeline (meta, special cases, no training paths)."""
    import spacy

    from kdextract.nlp.tokenizer import add_abbreviation_special_cases

    best = spacy.load(checkpoint)
    add_abbreviation_special_cases(best)  # already there; keeps the shipped model self-contained
    best.meta.update(
        {
            "name": MODEL_NAME,
            "version": MODEL_VERSION,
            "description": "Swedish NER (PER, ORG, LOC, MISC) for kdextract: tok2vec (hash embeddings, "
            "no static vectors) + transition-based NER + rule-based sentencizer.",
            "author": "kdextract developers",
            "license": "CC BY-SA 4.0",
            "sources": [
                {
                    "name": "UNER Swedish-Talbanken (Universal NER v1)",
                    "url": "https://github.com/UniversalNER/UNER_Swedish-Talbanken",
                    "license": "CC BY-SA 4.0",
                },
                {
                    "name": "Swedish NER corpus (Webbnyheter 2012, Språkbanken)",
                    "url": "https://github.com/klintan/swedish-ner-corpus",
                    "license": "CC BY 4.0",
                },
            ],
        }
    )
    best.meta.pop("performance", None)
    if output.exists():
        shutil.rmtree(output)
    best.to_disk(output)
    strip_training_artifacts(output)
    return output


def strip_training_artifacts(path: Path) -> None:
    """Point the shipped config's training paths to null and drop non-runtime files."""
    from spacy.util import load_config

    cfg = load_config(path / "config.cfg", interpolate=False)
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(path / "config.cfg")
    sentencizer = path / "sentencizer.json"
    if sentencizer.is_file():  # punct_chars is a set: sort it so exports are byte-identical
        data = json.loads(sentencizer.read_text(encoding="utf-8"))
        if isinstance(data.get("punct_chars"), list):
            data["punct_chars"] = sorted(data["punct_chars"])
        sentencizer.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    meta_path = path / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.pop("performance", None)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"corpus dir (default {DEFAULT_DATA})")
    parser.add_argument("--output", type=Path, default=OUTPUT_DIR, help=f"pipeline dir (default {OUTPUT_DIR})")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="SECTION.KEY=VALUE",
        help="config override, e.g. --set training.max_steps=2000 (value parsed as JSON when possible)",
    )
    parser.add_argument("--talbanken-weight", type=int, default=TALBANKEN_WEIGHT, help="repeat Talbanken train N times")
    parser.add_argument("--augment", type=int, default=AUGMENT_COPIES, help="mention-replacement copies (0 = off)")
    parser.add_argument("--work", type=Path, default=WORK_DIR, help=f"scratch dir (default {WORK_DIR})")
    parser.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads (default 1, reproducible)")
    args = parser.parse_args(argv)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(args.threads))
    overrides: dict[str, object] = {}
    for item in args.set:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    start = time.time()
    out = train(
        args.data.resolve(), args.output.resolve(), overrides, args.talbanken_weight, args.work.resolve(), args.augment
    )
    print(f"[done] {out} ({dir_size(out) / 1e6:.1f} MB) in {time.time() - start:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
