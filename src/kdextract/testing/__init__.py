"""Tools for testing kdextract: synthetic OCR noise, adversarial and long inputs, fuzzing."""
