"""Tools for testing kdextract on damaged text (synthetic OCR noise)."""
