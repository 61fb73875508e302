"""Line breaks to put back into text that lost them, collected before they become edits of the working view."""

from __future__ import annotations

from dataclasses import dataclass, field

from kdextract.pattern_cache import compile_re
from kdextract.text.view import Replacement

_NEXT_TOKEN = compile_re(r"\s(\S)")


@dataclass
class Breaks:
    """Line breaks to insert: position of the token they go before -> the break ("\\n" or "\\n\\n")."""

    text: str
    at: dict[int, str] = field(default_factory=dict)
    points: set[int] = field(default_factory=set)  # an entry's closing point that goes with the break after it

    def before(self, pos: int, brk: str = "\n") -> None:
        if pos <= 0 or pos >= len(self.text) or self.text[pos - 1] in "\n\f":
            return
        if len(brk) > len(self.at.get(pos, "")):
            self.at[pos] = brk

    def after(self, end: int, brk: str = "\n\n") -> None:
        m = _NEXT_TOKEN.search(self.text, end)
        if m is not None and "\n" not in self.text[end:m.start(1)]:
            self.before(m.start(1), brk)

    def replacements(self) -> list[Replacement]:
        reps: list[Replacement] = []
        for pos, brk in sorted(self.at.items()):
            gap = pos
            while gap > 0 and self.text[gap - 1] in " \t":
                gap -= 1
            if gap - 1 in self.points:  # "1. Val av justerare. 2. Budget" : the point ends the entry, not a sentence
                gap -= 1
            if gap == pos or (reps and reps[-1][1] > gap):
                continue
            reps.append((gap, pos, brk, "layout: lost line break"))
        taken = {a for a, _, _, _ in reps}
        reps += [(p, p + 1, "", "layout: a flattened entry's closing point") for p in self.points if p not in taken]
        return sorted(reps)
