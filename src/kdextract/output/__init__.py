"""Output helpers on top of parsed documents: queries, tables, HTML view, timeline, JSONL.

Nothing below this package imports it; it reads the public models only.
"""
