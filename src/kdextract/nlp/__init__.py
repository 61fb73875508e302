"""NLP layer: the NER engine interface and Swedish tokenizer exceptions.

Nothing here imports spaCy or Stanza at import time; they are loaded on first use.
"""

from __future__ import annotations

from kdextract.nlp.engine import NerEngine, get_engine, label_map, model_path, stanza_to_spacy
from kdextract.nlp.tokenizer import add_abbreviation_special_cases, load_abbreviations

__all__ = [
    "NerEngine",
    "add_abbreviation_special_cases",
    "get_engine",
    "label_map",
    "load_abbreviations",
    "model_path",
    "stanza_to_spacy",
]
