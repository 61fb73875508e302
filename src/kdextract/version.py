"""kdextract's version (a leaf module: the pattern cache keys its file by it)."""

__version__ = "0.1.0"
