#!/usr/bin/env python3
"""Route kdextract's ``regex.compile`` calls through the on-disk pattern cache (idempotent).

    python scripts/use_pattern_cache.py

Rewrites ``regex.compile`` to ``compile_re`` in every module of ``src/kdextract`` (except the
cache itself), drops ``import regex`` where nothing else of it is used, and adds
``from kdextract.pattern_cache import compile_re`` in order among the module's imports of
kdextract (after its last import where it has none).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "kdextract"
IMPORT = "from kdextract.pattern_cache import compile_re\n"


def rewrite(source: str) -> str:
    """``source`` with its ``regex.compile`` calls made cached (unchanged where it has none)."""
    source = re.sub(r"\bregex\.compile\b", "compile_re", source)
    if "regex." not in source:  # the module used regex for compiling only
        source = re.sub(r"(?m)(?<=\n\n)import regex\n\n|^import regex\n", "", source)
    if "compile_re" not in source or IMPORT in source:
        return source
    lines = source.splitlines(keepends=True)
    imports = [n for n in ast.parse(source).body if isinstance(n, (ast.Import, ast.ImportFrom))]
    own = [n for n in imports if isinstance(n, ast.ImportFrom) and (n.level or (n.module or "").startswith("kdextract"))]
    after = [n for n in own if not n.level and (n.module or "") > "kdextract.pattern_cache"]
    if after:
        lines.insert(after[0].lineno - 1, IMPORT)
    elif own:
        lines.insert(own[-1].end_lineno or own[-1].lineno, IMPORT)
    else:
        lines[imports[-1].end_lineno or 0:imports[-1].end_lineno or 0] = ["\n", IMPORT]
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
