#!/usr/bin/env python
"""Build ``models/lexical_features.tsv.gz``: word-level gazetteer and frequency features for the NER model.

    pip install babel==2.19.0 faker==40.63.0 wordfreq==3.1.1   # build-time only
    python models/build_lexical_features.py

Each line is ``word<TAB>bits`` (``word`` lower-cased).  A second file,
``models/gazetteer_names.tsv.gz`` (``kind<TAB>Name``), keeps the cased country, place, given and
surname lists for the gazetteer mention replacement of ``train_ner.py``.  ``models/train_ner.py`` turns the bits into
a small static-vector table keyed on the token's LOWER form, so the model sees, for any word in the
table, whether it is a country, a place, a given name, a surname, a known proper name, an agency, a
common Swedish word, and how frequent it is in general Swedish — the kind of knowledge the few
thousand annotated sentences cannot teach (unseen countries, names, capitalised form words).

Sources (all licences allow redistribution of derived data; see models/README.md):

* CLDR (via ``babel``, Unicode License v3): Swedish names of countries, territories and
  continents; exemplar city names of time zones (Swedish and English).
* ``faker`` (MIT) ``sv_SE`` person provider: Isof's top given names, the Swedish Tax Agency's
  top 500 surnames.
* kdextract's own resources (``src/kdextract/resources/sv``): municipalities, regions, state
  agencies, common given names, and the lexicon (common word forms and proper names from
  spacy-lookups-data, MIT; word forms of the Swedish NER news corpus, CC BY 4.0).
* ``wordfreq`` (code Apache 2.0, data CC BY-SA 4.0): Zipf frequency of the word in general Swedish.

Only single-token names are used (a multi-word name gives no per-token evidence); the genitive
in ``-s`` is added for country, place and personal names.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent
RESOURCES = MODELS_DIR.parent / "src" / "kdextract" / "resources" / "sv"
OUTPUT = MODELS_DIR / "lexical_features.tsv.gz"
NAMES_OUTPUT = MODELS_DIR / "gazetteer_names.tsv.gz"  # cased names for mention replacement
AUGMENT_KINDS = ("country", "place", "given", "surname")

# bit positions; train_ner.LEXICAL_FEATURES must list the same names in the same order
FEATURES = ("country", "place", "given", "surname", "propername", "agency", "common",
            "zipf<2", "zipf2-3", "zipf3-4", "zipf4-5", "zipf>=5")
BIT = {name: 1 << i for i, name in enumerate(FEATURES)}

WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")


def _lines(name: str) -> list[str]:
    text = (RESOURCES / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _single_tokens(names: list[str]) -> set[str]:
    return {n for n in names if WORD.match(n)}


def _with_genitive(words: set[str]) -> set[str]:
    return words | {w + "s" for w in words if not w.endswith(("s", "x", "z"))}


def gazetteers() -> dict[str, set[str]]:
    from babel import Locale
    from faker.providers.person.sv_SE import Provider as Person

    sv, en = Locale("sv"), Locale("en")
    countries = _single_tokens(list(sv.territories.values()))
    cities = {
        zone["city"] for loc in (sv, en) for zone in loc.time_zones.values() if zone.get("city")
    }
    municipalities = [line.split(";")[0] for line in _lines("municipalities.txt")]
    regions = [alias for line in _lines("regions.txt") for alias in line.split("|")]
    region_names = [r.removeprefix("Region ") for r in regions if r.startswith("Region ")]
    agencies = [alias for line in _lines("agencies.txt") for alias in line.split("|")]
    given = set(Person.first_names) | set(_lines("first_names.txt"))
    return {
        "country": countries,
        "place": _single_tokens([*cities, *municipalities, *region_names]),
        "given": _single_tokens(list(given)),
        "surname": _single_tokens(list(Person.last_names)),
        "agency": _single_tokens(agencies),
    }


def lexicon() -> tuple[set[str], set[str]]:
    """(common word forms, proper names) of kdextract's lexicon, lower-cased."""
    common: set[str] = set()
    names: set[str] = set()
    with gzip.open(RESOURCES / "lexicon.txt.gz", "rt", encoding="utf-8") as fh:
        header = fh.readline().split()
        n_common = int(dict(item.split("=") for item in header[1:])["common"])
        for i, line in enumerate(fh):
            word = line.split("\t")[0].strip().lower()
            (common if i < n_common else names).add(word)
    return common, names


def zipf_bit(z: float) -> int:
    for limit, name in ((2.0, "zipf<2"), (3.0, "zipf2-3"), (4.0, "zipf3-4"), (5.0, "zipf4-5")):
        if z < limit:
            return BIT[name]
    return BIT["zipf>=5"]


def build(names: dict[str, set[str]]) -> dict[str, int]:
    from wordfreq import get_frequency_dict, zipf_frequency

    features: dict[str, int] = {}
    for name, words in names.items():
        for word in words if name == "agency" else _with_genitive(words):
            key = word.lower()
            features[key] = features.get(key, 0) | BIT[name]
    freq = get_frequency_dict("sv", wordlist="large")
    common, names = lexicon()
    for word in freq:
        if WORD.match(word) and len(word) <= 40:
            features[word] = features.get(word, 0) | zipf_bit(zipf_frequency(word, "sv", wordlist="large"))
    for word in list(features):
        if word in common:
            features[word] |= BIT["common"]
        if word in names:
            features[word] |= BIT["propername"]
    for word in names:  # proper names are few: keep them even when wordfreq does not know them
        if WORD.match(word):
            features[word] = features.get(word, 0) | BIT["propername"]
    # a rare word that nothing else is known about tells the model no more than an unknown word
    return {w: b for w, b in features.items() if b != BIT["zipf<2"]}


def main() -> int:
    names = gazetteers()
    features = build(names)
    with gzip.GzipFile(OUTPUT, "wb", mtime=0) as raw:  # mtime 0: byte-identical rebuilds
        raw.write("".join(f"{w}\t{b}\n" for w, b in sorted(features.items())).encode("utf-8"))
    with gzip.GzipFile(NAMES_OUTPUT, "wb", mtime=0) as raw:
        rows = sorted((kind, name) for kind in AUGMENT_KINDS for name in names[kind])
        raw.write("".join(f"{kind}\t{name}\n" for kind, name in rows).encode("utf-8"))
    print(f"{NAMES_OUTPUT}: {len(rows)} names")
    counts = {name: sum(1 for b in features.values() if b & bit) for name, bit in BIT.items()}
    print(f"{OUTPUT}: {len(features)} words; {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
