"""The suite's processes (and the subprocesses they start) keep compiled patterns in a temporary cache
directory, never in the user's own."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

_CACHE_DIR = tempfile.mkdtemp(prefix="kdextract-test-cache-")
os.environ["KDEXTRACT_CACHE_DIR"] = _CACHE_DIR
# Registered before kdextract compiles anything, so it runs after the cache's own exit handler writes.
atexit.register(shutil.rmtree, _CACHE_DIR, ignore_errors=True)
