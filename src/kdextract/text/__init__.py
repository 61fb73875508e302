"""Text layer (no spaCy): the offset-keeping view, normalisation, sentences, sections, metadata."""
