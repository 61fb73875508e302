"""Layout: lines, page furniture and section segmentation of the working text (no spaCy)."""
