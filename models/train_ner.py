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
           (``--gazetteer N`` adds N copies of the entity-bearing sentences with PER/LOC mentions
           swapped for names from ``models/gazetteer_names.tsv.gz``: tried, not shipped);
           ``--talbanken-weight N`` repeats Talbanken, ``--augment N`` adds mention-replacement
           copies (both off by default: they did not help on dev, see models/README.md),
           (``--pud`` adds every other document (0-based even index) of UNER Swedish-PUD from
           ``models/corpus/``: tried, not shipped),
   dev   = Talbanken dev + the held-out news sentences (used for early stopping; ``--news-dev-blocks``:
           every 12th block of 50 consecutive news sentences instead, tried in R15);
2. with ``--lexical`` (tried, not shipped), build lexical-feature vectors from
   ``models/lexical_features.tsv.gz`` (country, place, name, agency, common-word and frequency
   bits of each word, keyed on its lower-case form; also set ``include_static_vectors = true``);
   ``--pretrain [--raw DIR]`` first runs ``spacy pretrain`` on raw text (tried, not used);
3. train ``models/config.cfg`` (fixed seed) with the abbreviation special cases of
   ``kdextract.nlp.tokenizer`` already in the tokenizer;
4. write the best checkpoint, stripped of training-only data and followed by the gazetteer
   entity ruler of ``models/build_ruler.py`` (``--no-ruler``: without it), to
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

MODELS_DIR = Path(__file__).resolve().parent
REPO_ROOT = MODELS_DIR.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "corpus" / "ner"
EXTRA_DATA = MODELS_DIR / "corpus"  # gitignored; UNER_Swedish-PUD/ is cloned here (see models/README.md)
PUD_FILE = Path("UNER_Swedish-PUD") / "sv_pud-ud-test.iob2"
WORK_DIR = MODELS_DIR / "_work"
OUTPUT_DIR = MODELS_DIR / "sv_kdextract_ner"
CONFIG = MODELS_DIR / "config.cfg"
LEXICAL_FEATURES = MODELS_DIR / "lexical_features.tsv.gz"  # built by models/build_lexical_features.py
GAZETTEER_NAMES = MODELS_DIR / "gazetteer_names.tsv.gz"  # built by models/build_lexical_features.py

MODEL_NAME = "kdextract_ner"
MODEL_VERSION = "0.1.0"
SEED = 42
TALBANKEN_WEIGHT = 1  # Talbanken train is seen this many times per epoch
AUGMENT_COPIES = 0  # mention-replacement copies of every entity-bearing training sentence
GAZETTEER_COPIES = 0  # copies of entity-bearing training sentences with gazetteer names swapped in (tried: 2)
RAW_CHARS = 5_000_000  # at most this much --raw text for pretraining
GAZETTEER_RATE = 0.5  # chance that one PER/LOC mention of such a copy is replaced
PUD_TRAIN = False  # add the pud-train half of UNER Swedish-PUD to train (see --pud; tried, R6)
GAZETTEER_RULER = True  # the exported pipeline ends with the gazetteer entity ruler (see --no-ruler)
NEWS_DEV_EVERY = 12  # every 12th news training sentence (~8 %) is held out for dev
NEWS_DEV_BLOCK = 50  # --news-dev-blocks: every 12th run of 50 consecutive news sentences is the dev (tried, R15)

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
    with path.open(encoding="utf-8") as fh:
        return parse_iob2(fh)


def parse_iob2(lines: Iterable[str]) -> list[Sentence]:
    """Sentences of UNER IOB2 lines (``# text =`` comments, ``id<TAB>token<TAB>tag`` rows)."""
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

    for line in lines:
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


def read_iob2_documents(path: Path) -> list[list[Sentence]]:
    """A UNER IOB2 file as documents (``# newdoc`` comments start a new one) of sentences."""
    blocks: list[list[str]] = [[]]
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# newdoc") and blocks[-1]:
                blocks.append([])
            blocks[-1].append(line)
    return [doc for doc in map(parse_iob2, blocks) if doc]


def load_splits(data_dir: Path, extra_dir: Path | None = None) -> dict[str, list[Sentence]]:
    """All splits: talbanken-{train,dev,test}, news-{train,dev,test} (news-dev is held out of news train),
    pud-{train,dev} (empty when ``extra_dir`` has no UNER Swedish-PUD file), and for ``--news-dev-blocks``
    news-dev-blocks (every 12th block of ``NEWS_DEV_BLOCK`` consecutive news training sentences) and
    news-train-blocks (news train without news-dev and news-dev-blocks)."""
    tb = data_dir / TALBANKEN_DIR
    news = data_dir / NEWS_DIR
    test_tokens = [tuple(w) for w, _ in read_news_tokens(news / "test_corpus.txt")]
    news_train_all = read_news(news / "train_corpus.txt", exclude=test_tokens)
    pud_file = (extra_dir if extra_dir is not None else EXTRA_DATA) / PUD_FILE
    pud_docs = read_iob2_documents(pud_file) if pud_file.is_file() else []
    in_dev = [i % NEWS_DEV_EVERY == NEWS_DEV_EVERY - 1 for i in range(len(news_train_all))]
    in_block = [(i // NEWS_DEV_BLOCK) % NEWS_DEV_EVERY == NEWS_DEV_EVERY - 1 for i in range(len(news_train_all))]
    return {
        "talbanken-train": read_talbanken(tb / "sv_talbanken-ud-train.iob2"),
        "talbanken-dev": read_talbanken(tb / "sv_talbanken-ud-dev.iob2"),
        "talbanken-test": read_talbanken(tb / "sv_talbanken-ud-test.iob2"),
        "news-train": [s for i, s in enumerate(news_train_all) if not in_dev[i]],
        "news-dev": [s for i, s in enumerate(news_train_all) if in_dev[i]],
        "news-train-blocks": [s for i, s in enumerate(news_train_all) if not in_dev[i] and not in_block[i]],
        "news-dev-blocks": [s for i, s in enumerate(news_train_all) if in_block[i]],
        "news-test": read_news(news / "test_corpus.txt"),
        # every other PUD document is dev (scored, never trained on), the rest is trained on
        "pud-train": [s for i, doc in enumerate(pud_docs) if i % 2 == 0 for s in doc],
        "pud-dev": [s for i, doc in enumerate(pud_docs) if i % 2 == 1 for s in doc],
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


Mention = list[tuple[str, str]]  # (token text, whitespace after it) of one entity mention


def _rebuild(sentence: Sentence, replace) -> Sentence | None:  # type: ignore[no-untyped-def]
    """``sentence`` with each entity mention passed through ``replace(label, mention)``.

    ``replace`` returns the new mention's tokens or None (keep it).  None if nothing changed.
    """
    pieces = _pieces(sentence)
    spans = {start: (end, label) for start, end, label in _ent_token_spans(sentence)}
    text, tokens, ents = "", [], []
    changed = False
    i = 0
    while i < len(pieces):
        if i in spans:
            end, label = spans[i]
            new = replace(label, pieces[i:end])
            changed |= new is not None
            mention = new if new is not None else pieces[i:end]
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
    return Sentence(text, tokens, ents) if changed else None


def mention_replacement(sentences: list[Sentence], copies: int, seed: int = SEED) -> list[Sentence]:
    """Extra copies of entity-bearing sentences with each mention swapped for another of the same label.

    Mention replacement (Dai & Adel, COLING 2020) makes the model lean on context and word
    shape rather than on memorised names, which matters without pretrained vectors.
    """
    if copies <= 0:
        return []
    rng = random.Random(seed)
    pool: dict[str, list[Mention]] = {}
    for sentence in sentences:
        pieces = _pieces(sentence)
        for start, end, label in _ent_token_spans(sentence):
            pool.setdefault(label, []).append(pieces[start:end])
    out = (_rebuild(s, lambda label, _m: rng.choice(pool[label])) for _ in range(copies) for s in sentences if s.ents)
    return [s for s in out if s is not None]


def load_gazetteer_names(path: Path = GAZETTEER_NAMES) -> dict[str, list[str]]:
    """kind -> cased names (country, place, given, surname) from ``models/gazetteer_names.tsv.gz``."""
    import gzip

    names: dict[str, list[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            kind, name = line.rstrip("\n").split("\t")
            names.setdefault(kind, []).append(name)
    return names


def _genitive(word: str) -> str:
    return word if word.endswith(("s", "x", "z")) else word + "s"


def gazetteer_replacement(
    sentences: list[Sentence], copies: int, rate: float = GAZETTEER_RATE, seed: int = SEED
) -> list[Sentence]:
    """Copies of sentences with PER/LOC mentions replaced by names from the gazetteer lists.

    Each PER or LOC mention is replaced with probability ``rate``: LOC by a country or a place,
    a one-word PER by a surname (or a given name), a longer PER by "Given Surname"; a mention
    ending in -s gets the genitive.  The model thus meets thousands of names it has no
    annotated example of and must recognise them from context, shape and the lexical features.
    """
    if copies <= 0:
        return []
    rng = random.Random(seed + 1)
    names = load_gazetteer_names()

    def replace(label: str, mention: Mention) -> Mention | None:
        if label not in ("PER", "LOC") or rng.random() >= rate:
            return None
        if label == "LOC":
            words = [rng.choice(names[rng.choice(("country", "place"))])]
        elif len(mention) == 1:
            words = [rng.choice(names["surname" if rng.random() < 0.7 else "given"])]
        else:
            words = [rng.choice(names["given"]), rng.choice(names["surname"])]
        if mention[-1][0].endswith("s"):
            words[-1] = _genitive(words[-1])
        return [(w, " ") for w in words]

    out = (_rebuild(s, replace) for _ in range(copies) for s in sentences if s.ents)
    return [s for s in out if s is not None]


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


# --------------------------------------------------------------------------- lexical features


def write_lexical_vectors(features: Path, output: Path) -> Path:
    """A blank pipeline whose vectors give every word of ``features`` its feature bits (keyed on LOWER).

    Words with the same bits share one row, so the table stays tiny; words not in the table get
    a zero vector.  ``[initialize] vectors`` loads it, the tok2vec's static-vector layer learns a
    projection of it.
    """
    import gzip

    import numpy
    import spacy
    from spacy.strings import get_string_id
    from spacy.vectors import Vectors

    words: list[tuple[str, int]] = []
    with gzip.open(features, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, bits = line.rstrip("\n").split("\t")
            words.append((word, int(bits)))
    n_bits = max(b for _, b in words).bit_length()
    combos = sorted({b for _, b in words})
    data = numpy.array([[(b >> i) & 1 for i in range(n_bits)] for b in combos], dtype="float32")
    vectors = Vectors(data=data, keys=None, attr="LOWER")
    row_of = {b: i for i, b in enumerate(combos)}
    for form, code in words:
        vectors.add(get_string_id(form), row=row_of[code])
    nlp = spacy.blank("sv")
    nlp.vocab.vectors = vectors
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    print(f"[lexical] {len(words)} words, {len(combos)} distinct feature rows x {n_bits} bits", flush=True)
    return output


# --------------------------------------------------------------------------- pretraining


def read_raw_texts(raw_dir: Path, max_chars: int) -> list[str]:
    """Paragraphs of raw Swedish text under ``raw_dir``, in sorted file order, up to ``max_chars``.

    ``*.txt``: paragraphs separated by blank lines.  ``*.json``: every string under a
    ``"content"`` key (the statute files of the Swedish law collection, one per SFS number).
    """
    def contents(node: object) -> Iterable[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "content" and isinstance(value, str):
                    yield value
                else:
                    yield from contents(value)
        elif isinstance(node, list):
            for item in node:
                yield from contents(item)

    texts: list[str] = []
    total = 0
    for path in sorted(p for p in raw_dir.rglob("*") if p.suffix in (".txt", ".json") and p.is_file()):
        raw = path.read_text(encoding="utf-8")
        paragraphs = contents(json.loads(raw)) if path.suffix == ".json" else raw.split("\n\n")
        for paragraph in paragraphs:
            paragraph = " ".join(paragraph.split())
            if len(paragraph) >= 20:
                texts.append(paragraph)
                total += len(paragraph)
                if total >= max_chars:
                    return texts
    return texts


def pretrain_tok2vec(config_path: Path, overrides: dict[str, object], texts: list[str], work: Path) -> Path:
    """``spacy pretrain`` (character objective) of the config's tok2vec on ``texts``; returns the weights."""
    from spacy.training.pretrain import pretrain
    from spacy.util import load_config

    raw_path = work / "raw_text.jsonl"
    raw_path.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    out = work / "pretrain"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    config = load_config(config_path, overrides={**overrides, "paths.raw_text": str(raw_path)}, interpolate=True)
    print(f"[pretrain] {len(texts)} paragraphs, {sum(map(len, texts))} characters", flush=True)
    start = time.time()
    pretrain(config, out, silent=False)
    print(f"[pretrain] {time.time() - start:.0f} s", flush=True)
    return out / "model-last.bin"


# --------------------------------------------------------------------------- training


@dataclass(frozen=True)
class Options:
    """Everything that shapes a training run besides the config file's contents."""

    data: Path = DEFAULT_DATA
    extra: Path = EXTRA_DATA
    output: Path = OUTPUT_DIR
    work: Path = WORK_DIR
    config: Path = CONFIG
    overrides: dict[str, object] = field(default_factory=dict)
    pud: bool = PUD_TRAIN  # pud-train joins train; dev stays Talbanken dev + news dev
    ruler: bool = GAZETTEER_RULER  # add models/build_ruler.py's gazetteer entity ruler to the export
    talbanken_weight: int = TALBANKEN_WEIGHT
    augment: int = AUGMENT_COPIES
    gazetteer: int = GAZETTEER_COPIES
    lexical: bool = False
    pretrain: bool = False
    raw: Path | None = None
    raw_chars: int = RAW_CHARS
    news_dev_blocks: bool = False  # select on news-dev-blocks; news-dev stays out of train too (R15)


def training_data(opts: Options) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev) sentences for ``opts``; the train sentences in a fixed shuffled order."""
    splits = load_splits(opts.data, opts.extra)
    if opts.pud and not splits["pud-train"]:
        raise SystemExit(f"--pud: {opts.extra / PUD_FILE} is missing: clone it (see models/README.md)")
    talbanken = splits["talbanken-train"]
    news = splits["news-train-blocks" if opts.news_dev_blocks else "news-train"]
    train_sents = talbanken * opts.talbanken_weight + news
    if opts.pud:
        train_sents += splits["pud-train"]
    train_sents += mention_replacement(talbanken + news, opts.augment)
    train_sents += gazetteer_replacement(talbanken + news, opts.gazetteer)
    dev_sents = splits["talbanken-dev"] + splits["news-dev-blocks" if opts.news_dev_blocks else "news-dev"]
    random.Random(SEED).shuffle(train_sents)
    return train_sents, dev_sents


def train(opts: Options) -> Path:
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop
    from spacy.util import load_config
    from thinc.api import fix_random_seed

    from kdextract.nlp.tokenizer import add_abbreviation_special_cases

    train_sents, dev_sents = training_data(opts)
    for name, sents in (("train", train_sents), ("dev", dev_sents)):
        print(f"[data] {name}: {len(sents)} sentences, entities {entity_counts(sents)}", flush=True)
    work = opts.work
    train_path, dev_path = work / "train.spacy", work / "dev.spacy"
    write_docbin(train_sents, train_path)
    write_docbin(dev_sents, dev_path)
    paths = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
    if opts.lexical:
        paths["paths.vectors"] = str(write_lexical_vectors(LEXICAL_FEATURES, work / "lexical_vectors"))
    if opts.pretrain:
        # raw text: the NER training sentences themselves, plus --raw text when given
        texts = [s.text for s in train_sents]
        if opts.raw is not None:
            texts += read_raw_texts(opts.raw, opts.raw_chars)
        paths["paths.init_tok2vec"] = str(pretrain_tok2vec(opts.config, {**paths, **opts.overrides}, texts, work))

    config = load_config(opts.config, overrides={**paths, **opts.overrides}, interpolate=False)
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

    return export_model(checkpoints / "model-best", opts.output, opts.ruler, opts.pud)


def export_model(checkpoint: Path, output: Path, ruler: bool = GAZETTEER_RULER, pud: bool = PUD_TRAIN) -> Path:
    """Copy a training checkpoint to ``output`` as the shippable pipeline (meta, special cases, no training paths).

    With ``ruler``, the gazetteer entity ruler of ``models/build_ruler.py`` is added after the model.
    """
    import spacy

    from kdextract.nlp.tokenizer import add_abbreviation_special_cases

    best = spacy.load(checkpoint)
    add_abbreviation_special_cases(best)  # already there; keeps the shipped model self-contained
    if ruler:
        from build_ruler import add_gazetteer_ruler

        add_gazetteer_ruler(best)
    sources = [
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
    ]
    if pud:
        sources.append(
            {
                "name": "UNER Swedish-PUD (Universal NER v1), every other document",
                "url": "https://github.com/UniversalNER/UNER_Swedish-PUD",
                "license": "CC BY-SA 4.0",
            }
        )
    if ruler:
        sources.append(
            {
                "name": "gazetteer entity ruler: CLDR 49 territory and city names (via babel), kdextract's lists",
                "url": "https://cldr.unicode.org/",
                "license": "Unicode License v3; CC BY-SA 4.0",
            }
        )
    ruler_note = " + gazetteer entity ruler (known place names)" if ruler else ""
    best.meta.update(
        {
            "name": MODEL_NAME,
            "version": MODEL_VERSION,
            "description": "Swedish NER (PER, ORG, LOC, MISC) for kdextract: tok2vec (hash embeddings, "
            f"no static vectors) + transition-based NER + rule-based sentencizer{ruler_note}.",
            "author": "kdextract developers",
            "license": "CC BY-SA 4.0",
            "sources": sources,
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
    cfg["paths"]["vectors"] = None  # the vectors are in the pipeline's vocab
    cfg["paths"]["init_tok2vec"] = None  # the pretrained weights are in the pipeline's tok2vec
    cfg["paths"]["raw_text"] = None
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
    parser.add_argument("--extra", type=Path, default=EXTRA_DATA, help=f"dir with UNER_Swedish-PUD/ (default {EXTRA_DATA})")
    parser.add_argument("--output", type=Path, default=OUTPUT_DIR, help=f"pipeline dir (default {OUTPUT_DIR})")
    parser.add_argument("--config", type=Path, default=CONFIG, help=f"training config (default {CONFIG})")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="SECTION.KEY=VALUE",
        help="config override, e.g. --set training.max_steps=2000 (value parsed as JSON when possible)",
    )
    parser.add_argument(
        "--pud", action="store_true", default=PUD_TRAIN,
        help="add the pud-train half of UNER Swedish-PUD (models/corpus/UNER_Swedish-PUD) to train (tried, not shipped)",
    )
    parser.add_argument(
        "--no-ruler", dest="ruler", action="store_false", default=GAZETTEER_RULER,
        help="export the trained model without the gazetteer entity ruler (models/build_ruler.py)",
    )
    parser.add_argument("--talbanken-weight", type=int, default=TALBANKEN_WEIGHT, help="repeat Talbanken train N times")
    parser.add_argument("--augment", type=int, default=AUGMENT_COPIES, help="mention-replacement copies (0 = off)")
    parser.add_argument(
        "--gazetteer", type=int, default=GAZETTEER_COPIES, help="gazetteer mention-replacement copies (0 = off)"
    )
    parser.add_argument(
        "--pretrain", action="store_true", help="spacy-pretrain the tok2vec first (tried, not used: see README)"
    )
    parser.add_argument("--raw", type=Path, default=None, help="with --pretrain: extra raw text (*.txt, *.json)")
    parser.add_argument("--raw-chars", type=int, default=RAW_CHARS, help="at most this many --raw characters")
    parser.add_argument(
        "--lexical", action="store_true",
        help="lexical feature vectors (tried, not shipped; with --set components.tok2vec.model.embed.include_static_vectors=true)",
    )
    parser.add_argument(
        "--news-dev-blocks", action="store_true",
        help=f"dev = every {NEWS_DEV_EVERY}th block of {NEWS_DEV_BLOCK} consecutive news sentences instead of every "
        f"{NEWS_DEV_EVERY}th sentence (which then stays out of train as well; tried, R15)",
    )
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
    opts = Options(
        data=args.data.resolve(), extra=args.extra.resolve(), output=args.output.resolve(), work=args.work.resolve(),
        config=args.config.resolve(), overrides=overrides, pud=args.pud, ruler=args.ruler, talbanken_weight=args.talbanken_weight,
        augment=args.augment, gazetteer=args.gazetteer, lexical=args.lexical, pretrain=args.pretrain,
        raw=args.raw.resolve() if args.raw else None, raw_chars=args.raw_chars, news_dev_blocks=args.news_dev_blocks,
    )
    start = time.time()
    out = train(opts)
    print(f"[done] {out} ({dir_size(out) / 1e6:.1f} MB) in {time.time() - start:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
