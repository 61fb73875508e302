#!/usr/bin/env python3
"""Route kdextract's ``regex.compile`` and ``re.compile`` calls through the on-disk pattern cache (idempotent).

    python scripts/use_pattern_cache.py

Rewrites ``regex.compile`` to ``compile_re`` and ``re.compile`` to ``compile_std`` in every module of
``src/kdextract`` (except the cache itself), drops ``import regex`` / ``import re`` where nothing else
of the module is used, and imports the functions from ``kdextract.pattern_cache`` in order among the
module's imports of kdextract (after its last import where it has none).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "kdextract"
#: module -> the cached function that replaces its ``compile``
CACHED = {"regex": "compile_re", "re": "compile_std"}
OWN = "kdextract.pattern_cache"


def rewrite(source: str) -> str:
    """``source`` with its ``regex.compile`` and ``re.compile`` calls made cached (unchanged where it has none)."""
    for module, function in CACHED.items():
        source = re.sub(rf"\b{module}\.compile\b", function, source)
        if f"{module}." not in source:  # the module was used for compiling only
            source = re.sub(rf"(?m)(?<=\n\n)import {module}\n\n|^import {module}\n", "", source)
    needed = [f for f in CACHED.values() if re.search(rf"\b{f}\(", source)]
    if not needed:
        return source
    line = f"from {OWN} import {', '.join(needed)}\n"
    if line in source:
        return source
    lines = source.splitlines(keepends=True)
    imports = [n for n in ast.parse(source).body if isinstance(n, (ast.Import, ast.ImportFrom))]
    present = [n for n in imports if isinstance(n, ast.ImportFrom) and n.module == OWN]
    if present:
        lines[present[0].lineno - 1] = line
        return "".join(lines)
    own = [n for n in imports if isinstance(n, ast.ImportFrom) and (n.level or (n.module or "").startswith("kdextract"))]
    after = [n for n in own if not n.level and (n.module or "") > OWN]
    if after:
        lines.insert(after[0].lineno - 1, line)
    elif own:
        lines.insert(own[-1].end_lineno or own[-1].lineno, line)
    else:
        lines[imports[-1].end_lineno or 0:imports[-1].end_lineno or 0] = ["\n", line]
    return "".join(lines)


def main() -> None:
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "pattern_cache.py":
            continue
        text = path.read_text(encoding="utf-8")
        new = rewrite(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(path.relative_to(SRC))


if __name__ == "__main__":
    main()
