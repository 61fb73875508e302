"""Signs and codes OCR misread, read back where the text's own intact ones vouch for them.

* A paragraph sign read as "$", "&", "S", "5" or "8" at the start of an item heading line
  ("$ 14 Budget", "KS 8 15 Taxor") is "§" where the text prints intact "§" headings too: any
  number for "$" and "&" (no Swedish heading starts with them), a number at most
  ``_NEAR`` from an intact heading's for "S", "5" and "8", which also open real lines.
  Where no "§" is left intact (an engine that read every one as "$"), "$" and "&" headings
  vouch for each other: at least ``_LONE_RUN`` of them with rising numbers (``lone_sign_repairs``,
  which runs on clean text too: a typewritten page that is otherwise read well).
* A party code misread in its brackets after a name ("(5)", "(IVl)", "(G)") is the code that
  reading gives ("S", "M", "C") where the text prints that code intact in brackets too; what
  OCR prints for each capital is ``symbol_noise.code_capitals`` in ``resources/sv/ocr_confusions.json``.

>>> text = "§ 14 Taxor\\n\\n$ 15 Budget\\n\\nEva Lund (S), Per Berg (5)\\n"
>>> [(s, new) for s, _, new, _ in code_repairs(text)]
[(12, '§'), (49, 'S')]
"""

from __future__ import annotations

from bisect import bisect_left

from kdextract.pattern_cache import compile_re
from kdextract.text.ocr_confusions import ConfusionRules
from kdextract.text.view import Replacement

_HEAD = compile_re(r"(?m)^[ \t]*(?:\p{Lu}{2,6}[ \t]+)?(?P<mark>[§$&S58])[ \t]*(?P<n>\d{1,3})(?=[ \t]+\p{Lu}|[ \t]*$)")
_SURE_MARKS = frozenset("$&")
#: Fewest "$"/"&" headings with rising numbers that are "§" headings without an intact one.
_LONE_RUN = 2
#: Farthest an "S", "5" or "8" heading's number may be from an intact "§" heading's.
_NEAR = 3
_CODE = compile_re(r"(?<=\p{Lu}\p{Ll}+[ \t]?)\((?P<code>[^()\s]{1,4})\)")
#: What OCR prints for a party code's capital -> the capital, longest first.
_MISREAD = sorted(((printed, capital) for capital, options in ConfusionRules.load().symbol_noise.code_capitals.items()
                   for printed, _ in options), key=lambda pc: -len(pc[0]))


def code_repairs(text: str) -> list[Replacement]:
    """Replacements of misread paragraph signs and party codes that the text's intact ones vouch for."""
    return sorted(_section_signs(text) + _party_codes(text))


def _section_signs(text: str) -> list[Replacement]:
    heads = list(_HEAD.finditer(text))
    intact = sorted(int(m.group("n")) for m in heads if m.group("mark") == "§")
    if not intact:
        return []
    out: list[Replacement] = []
    for m in heads:
        mark, n = m.group("mark"), int(m.group("n"))
        if mark != "§" and (mark in _SURE_MARKS or _near(intact, n)):
            out.append((m.start("mark"), m.end("mark"), "§", f"ocr: {mark} -> §"))
    return out


def lone_sign_repairs(text: str) -> list[Replacement]:
    """"$"/"&" item headings read back as "§" where the text prints no intact one but a run of them.

    >>> [(s, new) for s, _, new, _ in lone_sign_repairs("$ 44 Justering\\n\\n$ 45 Taxor\\n")]
    [(0, '§'), (16, '§')]
    >>> lone_sign_repairs("$ 44 Justering\\n")
    []
    """
    heads = list(_HEAD.finditer(text))
    if any(m.group("mark") == "§" for m in heads):
        return []
    sure = [m for m in heads if m.group("mark") in _SURE_MARKS]
    numbers = [int(m.group("n")) for m in sure]
    if len(sure) < _LONE_RUN or any(a >= b for a, b in zip(numbers, numbers[1:])):
        return []
    return [(m.start("mark"), m.end("mark"), "§", f"ocr: {m.group('mark')} -> §") for m in sure]


def _near(ordered: list[int], n: int) -> bool:
    """Whether a number of ``ordered`` (sorted) is at most ``_NEAR`` from ``n``."""
    i = bisect_left(ordered, n - _NEAR)
    return i < len(ordered) and ordered[i] <= n + _NEAR


def _party_codes(text: str) -> list[Replacement]:
    codes = list(_CODE.finditer(text))
    printed = {m.group("code") for m in codes}
    out: list[Replacement] = []
    for m in codes:
        code = m.group("code")
        read = _read(code)
        if read is not None and read != code and read in printed:
            out.append((m.start("code"), m.end("code"), read, f"ocr: ({code}) -> ({read})"))
    return out


def _read(code: str) -> str | None:
    """The capitals ``code`` is an OCR reading of ("IVl" -> "M", "5D" -> "SD"), or None."""
    out = []
    i = 0
    while i < len(code):
        for printed, capital in _MISREAD:
            if code.startswith(printed, i):
                out.append(capital)
                i += len(printed)
                break
        else:
            if not code[i].isupper():
                return None
            out.append(code[i])
            i += 1
    return "".join(out)
