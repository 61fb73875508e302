#!/usr/bin/env python
"""Add kdextract's gazetteer entity ruler to a trained NER pipeline (in place).

    python models/build_ruler.py                  # models/sv_kdextract_ner
    python models/build_ruler.py --model DIR

``models/train_ner.py`` calls :func:`add_gazetteer_ruler` when it exports the pipeline, so the
one training command produces the shipped model with it; this script adds (or rebuilds) it on
any pipeline directory.  It is spaCy's built-in ``entity_ruler`` (component ``gazetteer``, after
the model), so ``spacy.load`` needs nothing from kdextract.  It combines known place names with
the model's entities; the pattern id (``ent.ent_id_``) says which rule made an entity, the
model's own entities have none:

* ``gazetteer:place`` (LOC), one-word names: where the model found nothing (every token
  ``ENT_IOB`` O), a country, territory, continent, city or Swedish municipality, region or
  province name (cased, exact, also in the genitive).
* ``gazetteer:relabel`` (LOC): a one-word such name that the model labelled PER, except Swedish
  municipality names (kdextract's organisation builder reads a one-word LOC municipality as the
  municipality itself; relabelling them added a false organisation on the wild corpus).  Not
  ORG: a place the model calls ORG is often a sports club or a municipality as an organisation.
* ``gazetteer:place`` (LOC), names of several words (``models/ruler_places.txt``: countries,
  seas, mountains, rivers, Swedish provinces, lakes and counties; no genitive, so that
  "Stockholms läns landsting" stays the model's ORG): these win over an overlapping model
  entity.

So the rule of conflict is: the model's entity wins, except a PER on a one-word place name and
an entity overlapping a multi-word place name.  Left out because dev did not support them
(models/README.md, run R7): Swedish state agencies, municipalities and regions as ORG, known
companies and associations, political parties, given names.  Municipalities whose name is a
common word (``ambiguous_municipalities`` of organisations.json: Mark, Berg, Vara ...) are not
used.

Data: ``models/gazetteer_names.tsv.gz`` (countries and places, from CLDR via babel; built by
``models/build_lexical_features.py``), ``models/ruler_places.txt`` and
``src/kdextract/resources/sv/`` (``organisations.json``, ``municipalities.txt``).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
from pathlib import Path
from typing import Any

from kdextract.records.name_utils import municipalities, org_rules

MODELS_DIR = Path(__file__).resolve().parent
GAZETTEER_NAMES = MODELS_DIR / "gazetteer_names.tsv.gz"
RULER_PLACES = MODELS_DIR / "ruler_places.txt"
DEFAULT_MODEL = MODELS_DIR / "sv_kdextract_ner"
RULER_NAME = "gazetteer"


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _genitive(name: str) -> str:
    return name if name.endswith(("s", "x", "z")) else name + "s"


def _with_genitive(names: set[str]) -> set[str]:
    return names | {_genitive(n) for n in names}


def municipality_names() -> set[str]:
    """The 290 Swedish municipality names and their genitives."""
    return _with_genitive(set(municipalities()))


def place_names() -> tuple[set[str], set[str]]:
    """(one-word names with their genitives, multi-word names) of places, as written."""
    names: set[str] = set()
    with gzip.open(GAZETTEER_NAMES, "rt", encoding="utf-8") as fh:
        for line in fh:
            kind, name = line.rstrip("\n").split("\t")
            if kind in ("country", "place") and name[:1].isupper():  # CLDR also lists "världen"
                names.add(name)
    names = (names | set(_lines(RULER_PLACES))) - set(org_rules().ambiguous_municipalities)
    one_word = {n for n in names if " " not in n}
    acronym_genitives = {f"{n}:s" for n in one_word if n.isupper()}  # USA:s
    return _with_genitive(one_word) | acronym_genitives, names - one_word


def ruler_patterns(tokenize: Any) -> list[dict[str, Any]]:
    """The ruler's patterns; ``tokenize`` is the pipeline's tokenizer.

    Cheap to match and to load: the one-word names share one ``ORTH IN`` set (the Matcher tries
    every token pattern at every token, and each ``IN`` set costs a Python call per token; one
    pattern per name, 200 of them, made the pipeline 20 % slower), the multi-word names are
    phrase patterns (matched by hash; an entity ruler runs the pipeline's earlier components
    over its phrase patterns whenever it is loaded, which 1,700 of them made 0.7 s slower, so
    only these 83 are).
    """
    one_word, longer = place_names()
    words = sorted(n for n in one_word if len(tokenize(n)) == 1)
    longer |= one_word - set(words)  # "USA:s" may be two tokens
    relabel = sorted(set(words) - municipality_names())
    fill = [{"ORTH": {"IN": words}, "ENT_IOB": "O"}]
    per_to_loc = [{"ORTH": {"IN": relabel}, "ENT_TYPE": "PER", "ENT_IOB": "B"}]
    return [
        {"label": "LOC", "id": "gazetteer:place", "pattern": fill},
        {"label": "LOC", "id": "gazetteer:relabel", "pattern": per_to_loc},
        *({"label": "LOC", "id": "gazetteer:place", "pattern": name} for name in sorted(longer)),
    ]


def add_gazetteer_ruler(nlp: Any) -> None:
    """Add (or replace) the ruler at the end of ``nlp``'s pipeline."""
    if nlp.has_pipe(RULER_NAME):
        nlp.remove_pipe(RULER_NAME)
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns(nlp.tokenizer))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL, help=f"default {DEFAULT_MODEL}")
    args = parser.parse_args(argv)

    import spacy
    from train_ner import strip_training_artifacts

    nlp = spacy.load(args.model)
    add_gazetteer_ruler(nlp)
    tmp = args.model.with_name(args.model.name + ".tmp")
    nlp.to_disk(tmp)
    strip_training_artifacts(tmp)  # the same bytes as train_ner.py's export
    shutil.rmtree(args.model)
    tmp.rename(args.model)
    print(f"{args.model}: pipeline {nlp.pipe_names}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
