"""Pure-Python parsers (no spaCy): numbers, dates, amounts."""
