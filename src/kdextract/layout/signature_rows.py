"""Signers' names over their titles, one or more side by side in columns: "Eva Ek" over "Ordförande", or
"Per Holm      Anna Wik" over "Justerare      Sekreterare". The layout decides it: a line of titles right under a
line of as many names, each title under its name's column, a blank line or the end under the titles, the names
no values of a line of form labels right over them ("Sekreterare" / "Eva Ek" / "Ordförande" / "Per Holm" is a
form, each name under its label). Flattened text runs the closing signers into the place and day over them ("…
Ekby den 4 maj 2026 Eva Ek ordförande Per Holm sekreterare"): each starts a line again (``closing_signers``)."""

from __future__ import annotations

from collections.abc import Callable

from kdextract.layout.columns import cells
from kdextract.layout.words import is_first_name, is_role
from kdextract.pattern_cache import compile_re

__all__ = ["NAME_CELL", "Pair", "closing_signers", "column_pairs", "signer_pairs"]

Pair = tuple[tuple[int, int], tuple[int, int]]

_WORD = r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?"
#: A name alone in its cell: two to four capitalised words, a surname's particle before the last ("Eva von Ek").
NAME_CELL = compile_re(_WORD + r"(?:[ ]" + _WORD + r"){0,2}(?:[ ](?:af|av|de|von|van|der)){0,2}[ ]" + _WORD)
#: A signer's name in a cell of its own with a party in brackets after it ("Eva Ek (S)").
_WITH_PARTY = compile_re(NAME_CELL.pattern + r"[ ]\([^()\n]{1,12}\)")
#: A title in a cell of its own: one to four words, the first capitalised, no digit.
_TITLE = compile_re(r"\p{Lu}[\p{L}-]*(?:[ ][\p{L}-]+){0,3}:?")
#: Most columns a title may start from its name's start, or its middle from the name's middle.
_SHIFT, _CENTRE = 8, 4
#: Characters at a flattened line's end read for its closing signers.
SIGNER_CHARS = 200
#: The year, or the whole day, that ends the place and day over the signers ("Ekby den 4 maj 2026", "Ekby 2026-05-04").
_DAY_END = compile_re(r"(?:19|20)\d{2}(?:-\d{2}-\d{2})?")


def signer_pairs(text: str, a: int, b: int, is_label: Callable[[str], bool], closed: bool = True) -> list[Pair]:
    """The (name, title) cells where ``text[a:b]`` is a line of titles under a line of signers' names; [] where it
    is not. Names with their parties ("Eva Ek (S)") need no alignment and, unless ``closed``, no blank under the
    titles; names without parties need both, titles of a few words, and no line of labels (``is_label``) over them."""
    if a < 2 or text[a - 1] != "\n":
        return []
    above = text.rfind("\n", 0, a - 1) + 1
    pairs = column_pairs(text, (above, a - 1), (a, b))
    if not pairs:
        return []
    names, titles = [n for n, _ in pairs], [t for _, t in pairs]
    after = text.find("\n", b + 1)
    blank_under = b >= len(text) or not text[b + 1:len(text) if after < 0 else after].strip()
    if all(_WITH_PARTY.fullmatch(text, *n) for n in names):
        return list(zip(names, titles)) if blank_under or not closed else []
    if not blank_under or not all(_TITLE.fullmatch(text, *t) for t in titles) \
            or not all(_plain_name(text, n, t) for n, t in pairs) or _label_line_over(text, above, is_label):
        return []
    if not all(_aligned(text, n, t, above, a) for n, t in zip(names, titles)):
        return []
    return list(zip(names, titles))


def closing_signers(text: str, start: int, end: int) -> list[int]:
    """The starts of the signers that end the flattened line ``text[start:end]``, each a given name, a surname and a
    lower-case role, right after the place and day they signed ("… Ekby den 4 maj 2026 Eva Ek ordförande Per Holm
    sekreterare"); [] where the line ends otherwise."""
    toks = [m.span() for m in _WORD_SPAN.finditer(text, max(start, end - SIGNER_CHARS), end)]
    found: list[int] = []
    k = len(toks)
    while k >= 3 and _signer(text, toks[k - 3:k]):
        found.append(toks[k - 3][0])
        k -= 3
    if not found or k < 1 or _DAY_END.fullmatch(text, *toks[k - 1]) is None:
        return []
    return found[::-1]


def _signer(text: str, words: list[tuple[int, int]]) -> bool:
    """A given name, a capitalised surname and a lower-case role ("Eva Ek ordförande")."""
    (a, b), (c, d), (e, f) = words
    return is_first_name(text[a:b]) and text[c].isupper() and text[c + 1:d].replace("-", "").isalpha() \
        and text[c + 1:d].islower() and text[e].islower() and is_role(text[e:f])


def column_pairs(text: str, names: tuple[int, int], titles: tuple[int, int], whole_under_one: bool = False) -> list[Pair]:
    """The cells of a line of names (``text[names[0]:names[1]]``) paired column by column with those of the line of
    titles under it; [] where their counts differ or no name is there. ``whole_under_one``: under a single name the
    whole line of titles is its title, gaps and all."""
    above = cells(text, *names)
    if len(above) == 1 and (flat := _flat_pairs(text, above[0], cells(text, *titles))):
        return flat
    if whole_under_one and len(above) == 1:
        below = cells(text, *titles)
        return [(above[0], (below[0][0], below[-1][1]))] if below else [(above[0], (titles[0], titles[0]))]
    below = cells(text, *titles)
    return list(zip(above, below)) if above and len(above) == len(below) else []


#: A word of a line and where it stands.
_WORD_SPAN = compile_re(r"\S+")


def _flat_pairs(text: str, names: tuple[int, int], titles: list[tuple[int, int]]) -> list[Pair]:
    """Two or more signers side by side whose column gaps flattened text closed to one blank ("Eva Ek Per Holm" over
    "Ordförande Sekreterare"): as many one-word titles, each a capitalised role, as given names and surnames in
    pairs; each name paired with its title in their order. [] where the line is no such row."""
    if len(titles) != 1:
        return []
    below = [m.span() for m in _WORD_SPAN.finditer(text, *titles[0])]
    above = [m.span() for m in _WORD_SPAN.finditer(text, *names)]
    if len(below) < 2 or len(above) != 2 * len(below) or not all(
            text[a].isupper() and is_role(text[a:b]) for a, b in below):
        return []
    pairs = [(above[2 * k], above[2 * k + 1]) for k in range(len(below))]
    if not all(_plain_name(text, (first[0], last[1])) for first, last in pairs):
        return []
    return [((first[0], last[1]), title) for (first, last), title in zip(pairs, below)]


def _plain_name(text: str, cell: tuple[int, int], title: tuple[int, int] | None = None) -> bool:
    """A name alone in its cell whose given name is listed, or whose ``title`` in its column under it is a role's
    ("Jelena Marković Sandberg" over "Förvaltningschef")."""
    return NAME_CELL.fullmatch(text, *cell) is not None and (
        is_first_name(text[cell[0]:cell[1]].split(" ", 1)[0])
        or title is not None and is_role(text[title[0]:title[1]].rstrip(":")))


def _aligned(text: str, name: tuple[int, int], title: tuple[int, int], name_line: int, title_line: int) -> bool:
    """The title stands under its name: their starts, or their middles, close in their lines."""
    ns, ts = name[0] - name_line, title[0] - title_line
    ne, te = name[1] - name_line, title[1] - title_line
    return abs(ns - ts) <= _SHIFT or abs((ns + ne) - (ts + te)) <= 2 * _CENTRE


def _label_line_over(text: str, line: int, is_label: Callable[[str], bool]) -> bool:
    """The line over the one at ``line`` holds only form labels: the names under it are their values."""
    if line < 2:
        return False
    start = text.rfind("\n", 0, line - 1) + 1
    row = cells(text, start, line - 1)
    return bool(row) and all(is_label(text[c:d].rstrip(":")) for c, d in row)
