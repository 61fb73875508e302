#!/usr/bin/env python3
"""Build ``src/kdextract/resources/sv/lexicon.txt.gz``: the Swedish word list behind OCR repair.

Sources (both openly licensed; see ``src/kdextract/resources/sv/LEXICON.md``):

* the Swedish lemma lookup table of ``spacy-lookups-data`` (MIT licence;
  ``pip install spacy-lookups-data``): every inflected form and every lemma;
* the word forms of the Swedish NER news corpus (Webbnyheter 2012 from Språkbanken, as
  adapted in ``swedish-ner-corpus``; CC BY 4.0), read from ``/work/shared/corpus/ner``
  (or ``--news DIR``), which adds the function words the lemma table leaves out (``och``,
  ``på``, ``att``) and gives every word a frequency.

The UNER Talbanken corpus (CC BY-SA 4.0) is deliberately NOT used, so that the shipped
list carries no share-alike terms.

Output: gzip'd UTF-8; a header line ``#kdextract-lexicon common_counted=A common=B
names_counted=C names=D``, then one lower-case word per line: first the B common words (the
A seen in the news corpus as ``word<TAB>count``, most frequent first, then the rest,
alphabetical), then in the same layout the D names (forms only ever written capitalised:
"Hedemora", "Anchorage"). Names are known words, but never parts of a compound.

Beside it the script writes ``lexicon_heads.txt.gz``, the index that lets the lexicon cut a word
table without reading the others: a header ``#kdextract-lexicon-heads head=N``, then for each run
of the alphabetical common words that share their first N letters, ``head<SPACE>characters`` (the
run's length in the file, newlines included; ``kdextract.text.lexicon.head_blocks``).
``--heads-only`` rewrites just the index from the lexicon at ``--out`` (after a change to it or
to ``HEAD``; ``tests/test_lexicon.py`` checks the two match).

Usage:  python scripts/build_lexicon.py [--news DIR] [--out PATH] [--heads-only]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "kdextract" / "resources" / "sv" / "lexicon.txt.gz"
DEFAULT_NEWS = ROOT.parent / "shared" / "corpus" / "ner" / "swedish-ner-corpus"
WORD = re.compile(r"^[a-zåäöéüæø]+(?:-[a-zåäöéüæø]+)*$")


def lookup_words() -> tuple[set[str], set[str]]:
    """(common words, names): lower-cased forms of the lemma table, names = only ever capitalised."""
    path = resources.files("spacy_lookups_data").joinpath("data", "sv_lemma_lookup.json.gz")
    table = json.loads(gzip.decompress(path.read_bytes()))
    common: set[str] = set()
    names: set[str] = set()
    for form, lemma in table.items():
        for w in (form, lemma):
            # Abbreviations in capitals ("IR", "PA") would hide OCR damage ("ir" for "är"):
            # only lower-case and capitalised forms are taken.
            if w.islower():
                target = common
            elif w[:1].isupper() and w[1:].islower():
                target = names
            else:
                continue
            w = w.lower()
            if WORD.match(w) and len(w) <= 40:
                target.add(w)
    return common, names - common


def news_counts(folder: Path) -> tuple[Counter[str], set[str]]:
    """(counts of lower-cased tokens, tokens seen in lower case) of the news corpus."""
    counts: Counter[str] = Counter()
    lower: set[str] = set()
    for path in sorted(folder.glob("*_corpus.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            token = line.split("\t", 1)[0].strip()
            # Capitalised tokens count towards the lower-case word; capitals-only tokens
            # (abbreviations) are left out.
            if not (token.islower() or (token[:1].isupper() and token[1:].islower())):
                continue
            low = token.lower()
            if WORD.match(low) and len(low) <= 40:
                counts[low] += 1
                if token == low:
                    lower.add(low)
    return counts, lower


def write_heads(lexicon: Path) -> Path:
    """Write the head index of the lexicon file ``lexicon`` beside it; its path."""
    from kdextract.text.lexicon import HEAD, head_blocks

    header, *lines = gzip.decompress(lexicon.read_bytes()).decode("utf-8").split("\n")
    sizes = {k: int(v) for k, v in (field.split("=", 1) for field in header.split()[1:])}
    ordered = lines[sizes["common_counted"]:sizes["common"]]
    out = lexicon.with_name("lexicon_heads.txt.gz")
    rows = [f"{head} {length}" for head, length in zip(*head_blocks("".join(w + "\n" for w in ordered)))]
    text = "\n".join([f"#kdextract-lexicon-heads head={HEAD}", *rows]) + "\n"
    out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))  # the same bytes every time
    print(f"{len(rows):,} heads -> {out} ({out.stat().st_size:,} bytes)")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--heads-only", action="store_true", help="only rewrite the head index of the lexicon at --out")
    args = ap.parse_args()
    if args.heads_only:
        write_heads(args.out)
        return
    common, names = lookup_words()
    counts, lower = news_counts(args.news)
    common |= lower
    names = (names | set(counts)) - common
    sections = []
    header = ["#kdextract-lexicon"]
    for label, group in (("common", common), ("names", names)):
        counted = sorted(((w, counts[w]) for w in group if counts[w]), key=lambda kv: (-kv[1], kv[0]))
        rest = sorted(w for w in group if not counts[w])
        sections += [f"{w}\t{c}" for w, c in counted] + rest
        header += [f"{label}_counted={len(counted)}", f"{label}={len(group)}"]
    lines = [" ".join(header)] + sections
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"{header} -> {args.out} ({args.out.stat().st_size:,} bytes)")
    write_heads(args.out)


if __name__ == "__main__":
    main()
